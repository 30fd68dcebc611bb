/**
 * `tool sync` installs the declared tools as concurrently as `tool install`:
 * pins that the installs overlap within TOOL_JOBS (a proxy holds each release
 * lookup until three are open at once), that selecting them one by one
 * afterwards loses no entry of global.tools or the lock, and that a tool that
 * fails is named with its reason while every other tool is synced.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHoldingProxy } from '../support/holding-proxy.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';

const COUNT = 4;

describe('tool sync with several declared tools', () => {
  let box: Sandbox;
  let repos: string[];
  const declare = (version: string) => box.write('user/.config/tool/tools', repos.map((repo) => `${repo} ${version}\n`).join(''));
  const globalTools = () => readFileSync(join(box.home, 'global.tools'), 'utf8');
  const lock = () => JSON.parse(readFileSync(join(box.root, 'user/.config/tool/tools.lock'), 'utf8')) as { tools: Record<string, { version: string }> };

  before(async () => {
    box = await createSandbox();
    repos = addWidgets(box.server, COUNT, '1.0.0', '2.0.0');
  });
  after(() => box.close());

  it('installs concurrently within TOOL_JOBS, then selects and locks every tool', async () => {
    declare('1.0.0');
    const proxy = await startHoldingProxy(box.server.apiUrl, { hold: /\/releases\/tags\/v1\.0\.0$/, want: 3 });
    let result;
    try {
      result = await box.tool(['sync'], { env: { TOOL_GITHUB_API_URL: proxy.url, TOOL_JOBS: '3' } });
    } finally {
      await proxy.close();
    }
    assert.equal(result.code, 0, result.stderr);
    assert.equal(proxy.maxInFlight, 3, 'three release lookups were open at once, and never more');
    for (const [index, repo] of repos.entries()) {
      assert.match(result.stdout, new RegExp(`installed +${repo} 1\\.0\\.0`));
      assert.match(globalTools(), new RegExp(`^${repo} 1\\.0\\.0$`, 'm'));
      assert.equal(lock().tools[repo]?.version, '1.0.0');
      assert.equal((await box.sh(`widget${index + 1} --version`)).stdout, `widget${index + 1} 1.0.0\n`);
    }
    const check = await box.tool(['sync', '--check']);
    assert.equal(check.code, 0, check.stdout);
  });

  it('a tool that fails does not stop the others, and the summary says which and why', async () => {
    declare('2.0.0');
    box.server.fail({ match: /\/widget2_2\.0\.0_linux_amd64\.tar\.gz$/, status: 500 });
    const result = await box.tool(['sync'], { env: { TOOL_HTTP_RETRIES: '0' } });
    assert.equal(result.code, 4, result.stderr);
    for (const repo of repos.filter((repo) => repo !== 'acme/widget2')) {
      assert.match(result.stdout, new RegExp(`switched +${repo}: 1\\.0\\.0 → 2\\.0\\.0`));
      assert.match(globalTools(), new RegExp(`^${repo} 2\\.0\\.0$`, 'm'));
      assert.equal(lock().tools[repo]?.version, '2.0.0');
    }
    assert.doesNotMatch(result.stdout, /widget2/);
    assert.match(globalTools(), /^acme\/widget2 1\.0\.0$/m, 'the failed tool keeps its selection');
    assert.equal(lock().tools['acme/widget2']?.version, '1.0.0', 'and its lock entry');
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('tool: '));
    assert.equal(errors.length, 2, result.stderr);
    assert.match(errors[0]!, /^tool: acme\/widget2 \(.*tools line 2\) failed: .*widget2_2\.0\.0_linux_amd64\.tar\.gz.* answered 500/);
    assert.match(errors[1]!, /^tool: 1 of 4 tools failed; the other changes were made\. .*`tool sync` again$/);

    const again = await box.tool(['sync']);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /switched +acme\/widget2: 1\.0\.0 → 2\.0\.0/);
    assert.match(globalTools(), /^acme\/widget2 2\.0\.0$/m);
  });
});
