/**
 * Staging directories that must not outlive an interrupted process. While any
 * exists, SIGINT/SIGTERM/SIGHUP remove them before exiting (exit also removes
 * the locks held, store/lock.ts). Outside installs no handler is installed, so
 * `tool run` and shims keep forwarding signals to the tool untouched.
 */
import { rmSync } from 'node:fs';

/** Staging directory → what it was installing ("ripgrep 14.1.1"), when it was an install. */
const active = new Map<string, string | undefined>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
const EXIT_CODES: Record<(typeof SIGNALS)[number], number> = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 };

/** Told which installs an interruption abandoned; the CLI sets it, so the store itself prints nothing. */
let onInterrupted: (installs: string[]) => void = () => {};

export function reportInterruptionsTo(report: (installs: string[]) => void): void {
  onInterrupted = report;
}

function onSignal(signal: (typeof SIGNALS)[number]): void {
  const installs = [...active.values()].filter((what): what is string => what !== undefined);
  for (const dir of active.keys()) rmSync(dir, { recursive: true, force: true });
  active.clear();
  try {
    onInterrupted(installs);
  } finally {
    process.exit(EXIT_CODES[signal]);
  }
}

/** `installing` names the tool and version being installed, for the line an interruption prints. */
export function guardStaging(dir: string, installing?: string): void {
  if (active.size === 0) for (const signal of SIGNALS) process.on(signal, onSignal);
  active.set(dir, installing);
}

export function releaseStaging(dir: string): void {
  if (!active.delete(dir) || active.size > 0) return;
  for (const signal of SIGNALS) process.off(signal, onSignal);
}
