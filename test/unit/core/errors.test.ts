import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ExitCode, isToolError, ToolError } from '../../../src/core/errors.js';

describe('ToolError.toLine', () => {
  it('prints the message, a period, then the hint', () => {
    const error = new ToolError('TOOL_NOT_FOUND', 'no release of rg matches 9.99.1', { hint: 'Run tool list rg' });
    assert.equal(error.toLine(), 'no release of rg matches 9.99.1. Run tool list rg');
  });

  it('does not double a trailing period or keep trailing spaces', () => {
    assert.equal(new ToolError('TOOL_USAGE', 'bad input.  ', { hint: 'Try again' }).toLine(), 'bad input. Try again');
    assert.equal(new ToolError('TOOL_USAGE', 'bad input...').toLine(), 'bad input.');
  });

  it('ends with the message and a period when there is no hint', () => {
    const line = new ToolError('TOOL_USAGE', 'bad input').toLine();
    assert.equal(line, 'bad input.');
    assert.ok(!line.includes('\n'));
  });
});

describe('ToolError', () => {
  it('keeps code, hint, cause and name', () => {
    const cause = new Error('inner');
    const error = new ToolError('TOOL_NETWORK', 'offline', { hint: 'Retry', cause });
    assert.equal(error.code, 'TOOL_NETWORK');
    assert.equal(error.hint, 'Retry');
    assert.equal(error.cause, cause);
    assert.equal(error.name, 'ToolError');
    assert.ok(error instanceof Error);
  });

  it('has no cause property when none is given', () => {
    assert.equal('cause' in new ToolError('TOOL_NETWORK', 'offline'), false);
  });
});

describe('ToolError.exitCode', () => {
  it('maps each code to its category', () => {
    const cases: Array<[string, number]> = [
      ['TOOL_USAGE', 2],
      ['TOOL_UNKNOWN_TOOL', 3],
      ['TOOL_NOT_FOUND', 3],
      ['TOOL_NO_MATCHING_VERSION', 3],
      ['TOOL_NO_MATCHING_ASSET', 3],
      ['TOOL_NOT_SELECTED', 3],
      ['TOOL_NOT_INSTALLED', 3],
      ['TOOL_NETWORK', 4],
      ['TOOL_RATE_LIMITED', 4],
      ['TOOL_SERVER_ERROR', 4],
      ['TOOL_CHECKSUM_MISMATCH', 5],
      ['TOOL_UNSAFE_ARCHIVE', 5],
      ['TOOL_BAD_ARCHIVE', 5],
      ['TOOL_ARCHIVE_LIMIT', 5],
      ['TOOL_INSECURE_URL', 5],
      ['TOOL_NOT_APPROVED', 5],
      ['TOOL_BAD_TOOLS_FILE', 6],
      ['TOOL_BAD_SPEC', 6],
      ['TOOL_BAD_REGISTRY', 6],
      ['TOOL_BAD_SETTING', 6],
    ];
    for (const [code, exit] of cases) assert.equal(new ToolError(code, 'x').exitCode, exit, code);
  });

  it('uses the general failure code for codes without a category', () => {
    assert.equal(new ToolError('TOOL_SOMETHING_NEW', 'x').exitCode, ExitCode.failure);
    assert.equal(ExitCode.failure, 1);
  });
});

describe('isToolError', () => {
  it('recognises ToolErrors, optionally of one code, and nothing else', () => {
    const error = new ToolError('TOOL_USAGE', 'x');
    assert.equal(isToolError(error), true);
    assert.equal(isToolError(error, 'TOOL_USAGE'), true);
    assert.equal(isToolError(error, 'TOOL_NETWORK'), false);
    assert.equal(isToolError(new Error('x')), false);
    assert.equal(isToolError({ code: 'TOOL_USAGE', message: 'x' }), false);
  });
});
