/** The shape of a clean failure, shared by the networking tests. */
import assert from 'node:assert/strict';
import type { RunResult } from './sandbox.js';

const INSTALLING = /^installing \S+ \S+ \(.+\) for \S+$/;

/** The exit code, one error line on stderr besides the progress lines `progress` matches, no stack trace; returns that line. */
export function oneErrorLine(result: RunResult, exit: number, progress: RegExp = INSTALLING): string {
  assert.equal(result.code, exit, `exit ${exit} expected; stderr:\n${result.stderr}`);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
  const lines = result.stderr.trimEnd().split('\n').filter((line) => !progress.test(line));
  assert.equal(lines.length, 1, `one error line, got:\n${result.stderr}`);
  return lines[0]!;
}
