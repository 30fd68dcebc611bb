import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ToolError } from '../../../src/core/errors.js';
import { failureExitCode, failureLines } from '../../../src/cli/failures.js';

const network = new ToolError('TOOL_SERVER_ERROR', 'http://x/a.tar.gz answered 500 while fetching asset a.tar.gz, after retries', { hint: 'Try again later' });
const integrity = new ToolError('TOOL_CHECKSUM_MISMATCH', 'b.tar.gz does not match its digest', { hint: 'Nothing was installed' });

describe('failureLines', () => {
  it('says which tool failed and why, one line each, then how many of how many', () => {
    assert.deepEqual(failureLines([{ label: 'a 1.0.0 (line 2)', error: network }], { total: 3, done: 'the other lines are installed', retry: 'tool install' }), [
      'tool: a 1.0.0 (line 2) failed: http://x/a.tar.gz answered 500 while fetching asset a.tar.gz, after retries. Try again later',
      'tool: 1 of 3 tools failed; the other lines are installed. Fix the cause above, then run `tool install` again',
    ]);
  });

  it('prints nothing when nothing failed', () => {
    assert.deepEqual(failureLines([], { total: 3, done: '', retry: 'tool install' }), []);
  });
});

describe('failureExitCode', () => {
  it('is the category the failures share, else the general failure code', () => {
    assert.equal(failureExitCode([{ label: 'a', error: network }, { label: 'c', error: network }]), 4);
    assert.equal(failureExitCode([{ label: 'b', error: integrity }]), 5);
    assert.equal(failureExitCode([{ label: 'a', error: network }, { label: 'b', error: integrity }]), 1);
  });
});
