/**
 * The fault suite's unit of result: one line a person reads ("16 adds + 16 shim
 * runs at once: 1 download of 14.1.1, 32/32 exit 0"), and whether it held.
 * `npm run faults` prints every figure of every group at full scale; the quick
 * subset inside `npm test` runs each group small and fails on any figure that
 * did not hold.
 */
export type Scale = 'quick' | 'full';

export interface Figure {
  name: string;
  ok: boolean;
  detail: string;
}

export interface FaultGroup {
  name: string;
  run(scale: Scale): Promise<Figure[]>;
}

export function figure(name: string, ok: boolean, detail: string): Figure {
  return { name, ok, detail };
}

/** Lines of output that look like a stack trace: a user must never see one. */
export function hasStackTrace(text: string): boolean {
  return /\n\s+at .+:\d+:\d+\)?$/m.test(text);
}

/** A failed command's stderr must end in one "tool: …" line, or under --json one {"error":…} object. */
export function isOneClearLine(stderr: string): boolean {
  const lines = stderr.split('\n').filter(Boolean);
  const last = lines.at(-1) ?? '';
  return (last.startsWith('tool: ') || isJsonError(last)) && !hasStackTrace(stderr);
}

function isJsonError(line: string): boolean {
  try {
    return typeof (JSON.parse(line) as { error?: { message?: unknown } }).error?.message === 'string';
  } catch {
    return false;
  }
}

export function count<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.filter(predicate).length;
}
