/**
 * Network faults end to end: every row of test/support/network-scenarios.ts
 * (resets, stalls, wrong lengths, redirect loops and downgrades, token scoping,
 * 5xx, rate limits, DNS) runs the built CLI against the fake GitHub and must end
 * in a verified install or one clear line. The same rows print the figures of
 * the faults suite.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { oneErrorLine } from '../support/network-scenario-run.js';
import { networkScenarios, runNetworkScenario } from '../support/network-scenarios.js';
import { createSandbox } from '../support/sandbox.js';

describe('network faults', () => {
  for (const scenario of networkScenarios) {
    it(`survives: ${scenario.name}`, { timeout: 60_000 }, async (t) => {
      t.diagnostic(await runNetworkScenario(scenario));
    });
  }
});

describe('TOOL_HTTP_TIMEOUT', () => {
  it('refuses a value that is not a number of seconds above 0, naming it, before any request', async (t) => {
    const box = await createSandbox();
    t.after(() => box.close());
    for (const value of ['soon', '0', '-1']) {
      const result = await box.tool(['add', 'acme/netfault@1.0.0'], { env: { TOOL_HTTP_TIMEOUT: value } });
      assert.equal(result.code, 6, result.stderr);
      assert.match(oneErrorLine(result), new RegExp(`TOOL_HTTP_TIMEOUT="${value}" is not a number of seconds above 0\\. Unset TOOL_HTTP_TIMEOUT or give seconds such as 30`));
    }
    assert.deepEqual(box.server.requests, []);
  });
});
