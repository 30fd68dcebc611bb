import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_JOBS, jobLimit } from '../../../src/app/jobs.js';

describe('jobLimit', () => {
  it('is DEFAULT_JOBS unless TOOL_JOBS says otherwise', () => {
    assert.equal(jobLimit({ env: {} }), DEFAULT_JOBS);
    assert.equal(jobLimit({ env: { TOOL_JOBS: '' } }), DEFAULT_JOBS);
    assert.equal(jobLimit({ env: { TOOL_JOBS: '1' } }), 1);
    assert.equal(jobLimit({ env: { TOOL_JOBS: '12' } }), 12);
  });

  it('refuses zero, fractions, words and absurd values as a bad setting', () => {
    for (const text of ['0', '1.5', 'many', '-2', '1000']) {
      assert.throws(() => jobLimit({ env: { TOOL_JOBS: text } }), (error: Error & { code?: string }) => error.code === 'TOOL_BAD_SETTING' && error.message.includes(`TOOL_JOBS="${text}"`), text);
    }
  });
});
