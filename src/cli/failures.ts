/**
 * The end of a command that carries on past per-tool failures (install, sync):
 * one stderr line per failed tool saying why, one summary line, and an exit
 * code: the failures' shared category (4 when all were network trouble), else 1.
 */
import { ExitCode, type ToolError } from '../core/errors.js';

export interface ToolFailure {
  /** Which tool, as the user wrote it: "fd 10.2.0 (line 3)". */
  label: string;
  error: ToolError;
}

/** Pure: the lines to print, "tool: "-prefixed like every other error. */
export function failureLines(failures: readonly ToolFailure[], summary: { total: number; done: string; retry: string }): string[] {
  if (failures.length === 0) return [];
  const count = `${failures.length} of ${summary.total} tool${summary.total === 1 ? '' : 's'}`;
  return [
    ...failures.map((failure) => `tool: ${failure.label} failed: ${failure.error.toLine()}`),
    `tool: ${count} failed; ${summary.done}. Fix the cause above, then run \`${summary.retry}\` again`,
  ];
}

export function failureExitCode(failures: readonly ToolFailure[]): ExitCode {
  const codes = new Set(failures.map((failure) => failure.error.exitCode));
  const [only] = codes;
  return codes.size === 1 && only !== undefined ? only : ExitCode.failure;
}

/**
 * Prints the failures to stderr and sets the exit code; nothing when there are
 * none. When the command was about one tool only, its error is thrown as is:
 * one line, like any other command's error, with nothing to summarise.
 */
export function reportFailures(failures: readonly ToolFailure[], summary: { total: number; done: string; retry: string }): void {
  if (failures.length === 0) return;
  if (summary.total === 1) throw failures[0]!.error;
  process.stderr.write(`${failureLines(failures, summary).join('\n')}\n`);
  process.exitCode = failureExitCode(failures);
}
