/**
 * Staging directories that must not outlive an interrupted process. While any
 * exists, SIGINT/SIGTERM/SIGHUP remove them before exiting (exit also removes
 * the locks held, store/lock.ts). Outside installs no handler is installed, so
 * `tool run` and shims keep forwarding signals to the tool untouched.
 */
import { rmSync } from 'node:fs';

const active = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const EXIT_CODES: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

function onSignal(signal: (typeof SIGNALS)[number]): void {
  for (const dir of active) rmSync(dir, { recursive: true, force: true });
  active.clear();
  process.exit(EXIT_CODES[signal]);
}

export function guardStaging(dir: string): void {
  if (active.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  active.add(dir);
}

export function releaseStaging(dir: string): void {
  if (!active.delete(dir) || active.size > 0) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
}
