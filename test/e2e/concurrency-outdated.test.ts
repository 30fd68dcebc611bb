/**
 * `tool outdated` looks tools up concurrently, and offline it fails fast.
 * Pins that the lookups overlap within TOOL_JOBS after a lone first request (a
 * proxy holds them until three are open at once), and that when GitHub cannot
 * be reached the report makes one connection attempt in all, prints one error
 * line, and shows each tool as last cached, marked stale. The offline runs
 * reuse the port of a closed proxy, so the cache (keyed by URL) still applies,
 * and count connection attempts with a preloaded net.connect counter.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connectCounterUrl } from '../support/connect-counter.js';
import { startHoldingProxy } from '../support/holding-proxy.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';

describe('tool outdated with several tools', () => {
  let box: Sandbox;
  let repos: string[];

  before(async () => {
    box = await createSandbox();
    repos = addWidgets(box.server, 4, '1.0.0', '2.0.0');
    for (const repo of repos.slice(0, 3)) assert.equal((await box.tool(['add', `${repo}@1.0.0`])).code, 0);
  });
  after(() => box.close());

  it('looks the tools up concurrently, never more at once than TOOL_JOBS', async () => {
    assert.equal((await box.tool(['add', `${repos[3]}@1.0.0`])).code, 0);
    const proxy = await startHoldingProxy(box.server.apiUrl, { hold: /\/releases\?per_page=100$/, want: 3, skip: 1 });
    let result;
    try {
      result = await box.tool(['outdated'], { env: { TOOL_GITHUB_API_URL: proxy.url, TOOL_JOBS: '3' } });
    } finally {
      await proxy.close();
    }
    assert.equal(result.code, 0, result.stderr);
    assert.equal(proxy.matched.length, 4);
    assert.equal(proxy.maxInFlight, 3, 'three lookups were open at once, and never more');
    for (const repo of repos) assert.match(result.stdout, new RegExp(`^${repo}\\s+1\\.0\\.0\\s+1\\.0\\.0\\s+1\\.0\\.0\\s+2\\.0\\.0\\s+outdated$`, 'm'));
    assert.equal((await box.tool(['remove', repos[3]!])).code, 0);
  });

  it('offline: one connection attempt, one error line, and the rows as last cached, marked stale', async () => {
    // Looked up once through a proxy whose port is then closed: "the network went away".
    const proxy = await startHoldingProxy(box.server.apiUrl, { hold: /^$/, want: 1 });
    const online = await box.tool(['outdated'], { env: { TOOL_GITHUB_API_URL: proxy.url } });
    assert.equal(online.code, 0, online.stderr);
    await proxy.close();
    assert.equal((await box.tool(['add', `${repos[3]}@1.0.0`])).code, 0, 'a tool the cache never saw');

    const connects = join(box.root, 'connects.log');
    const env = { TOOL_GITHUB_API_URL: proxy.url, TOOL_HTTP_RETRIES: '0', NODE_OPTIONS: `--import=${connectCounterUrl}`, TOOL_TEST_CONNECT_LOG: connects };
    const result = await box.tool(['outdated'], { env });
    assert.equal(result.code, 4);
    const port = new URL(proxy.url).port;
    const attempts = readFileSync(connects, 'utf8').split('\n').filter((line) => line.endsWith(`:${port}`));
    assert.equal(attempts.length, 1, 'the first refusal stops every other lookup');
    const errors = result.stderr.split('\n').filter(Boolean);
    assert.equal(errors.length, 1, result.stderr);
    assert.match(errors[0]!, /^tool: cannot reach http:\/\/127\.0\.0\.1:\d+: connection refused \(ECONNREFUSED\); 3 of 4 tools are shown as last cached \(marked stale\)\. Check the network/);
    for (const repo of repos.slice(0, 3)) assert.match(result.stdout, new RegExp(`^${repo}\\s+1\\.0\\.0\\s+1\\.0\\.0\\s+1\\.0\\.0\\s+2\\.0\\.0\\s+outdated, stale \\(cached\\)$`, 'm'));
    assert.match(result.stdout, new RegExp(`^${repos[3]}\\s+1\\.0\\.0\\s+1\\.0\\.0\\s+-\\s+-\\s+unknown \\(offline, nothing cached\\)$`, 'm'));

    const json = await box.tool(['outdated', '--json'], { env });
    assert.equal(json.code, 4);
    assert.equal(json.stderr.split('\n').filter(Boolean).length, 1, json.stderr);
    const rows = JSON.parse(json.stdout).tools as { tool: string; latest: string | null; stale: boolean }[];
    assert.deepEqual(rows.map((row) => [row.tool, row.latest, row.stale]), [...repos.slice(0, 3).map((repo) => [repo, '2.0.0', true]), [repos[3], null, true]]);
  });

  it('offline with the default retries, only the first lookup retries; the other tools never connect', async () => {
    const proxy = await startHoldingProxy(box.server.apiUrl, { hold: /^$/, want: 1 });
    await proxy.close();
    const connects = join(box.root, 'connects-retries.log');
    const result = await box.tool(['outdated'], { env: { TOOL_GITHUB_API_URL: proxy.url, NODE_OPTIONS: `--import=${connectCounterUrl}`, TOOL_TEST_CONNECT_LOG: connects } });
    assert.equal(result.code, 4);
    assert.equal(result.stderr.split('\n').filter(Boolean).length, 1, result.stderr);
    const attempts = existsSync(connects) ? readFileSync(connects, 'utf8').split('\n').filter(Boolean) : [];
    assert.ok(attempts.length >= 1 && attempts.length <= 4, `one request and its 3 retries at most, not one per tool: ${attempts.length}`);
  });
});
