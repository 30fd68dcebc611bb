/**
 * Checks a command's --json output against the documented contract
 * (src/cli/json/contract.ts, rendered into README.md), and remembers which
 * contracts a test file checked so it can require that none was left out.
 */
import assert from 'node:assert/strict';
import { documentProblems } from '../../src/cli/json/check.js';
import { contractFor } from '../../src/cli/json/contract.js';
import type { RunResult } from './sandbox.js';

export class ContractChecker {
  readonly covered = new Set<string>();

  /** Parses `text` (one JSON document) and asserts it fits `command`'s contract; returns it for further asserts. */
  fits(command: string, text: string, context = ''): any {
    let document: unknown;
    try {
      document = JSON.parse(text);
    } catch {
      assert.fail(`${command}: not one JSON document${context ? ` (${context})` : ''}: ${text.slice(0, 300)}`);
    }
    const problems = documentProblems(document, contractFor(command));
    assert.deepEqual(problems, [], `${command} does not fit its documented shape:\n${problems.join('\n')}\n${text.slice(0, 600)}`);
    this.covered.add(command);
    return document;
  }

  /** A run that succeeded (or exited `code`), its stdout checked. */
  stdout(command: string, result: RunResult, code = 0): any {
    assert.equal(result.code, code, `${command}: exit ${result.code}: ${result.stderr}`);
    return this.fits(command, result.stdout);
  }
}
