/**
 * `tool install` works on several lines at once. Pins that installs overlap (a
 * proxy holds each release lookup until two are open at once, so a one-at-a-
 * time install would never get there) and stay within TOOL_JOBS; that one
 * failing line neither stops the others nor hides why it failed; and that
 * --locked still refuses a drifted line before the first download.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startHoldingProxy } from '../support/holding-proxy.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';

const COUNT = 4;

function storeVersions(box: Sandbox, repo: string): string[] {
  const dir = join(box.home, 'store', repo.replace('/', '__'));
  return existsSync(dir) ? readdirSync(dir).filter((name) => !name.startsWith('.')).sort() : [];
}

describe('tool install with several lines', () => {
  let box: Sandbox;
  let repos: string[];
  const project = (name: string, version: string) => {
    box.write(`${name}/.tools`, repos.map((repo) => `${repo} ${version}\n`).join(''));
    return join(box.root, name);
  };

  before(async () => {
    box = await createSandbox();
    repos = addWidgets(box.server, COUNT, '1.0.0', '2.0.0', '3.0.0', '4.0.0');
    // A project's owner/repo line needs the source approved once, which `tool add` does.
    for (const repo of repos) assert.equal((await box.tool(['add', `${repo}@1.0.0`])).code, 0);
  });
  after(() => box.close());

  it('installs the lines concurrently, never more at once than TOOL_JOBS', async () => {
    const cwd = project('jobs', '2.0.0');
    const proxy = await startHoldingProxy(box.server.apiUrl, { hold: /\/releases\/tags\/v2\.0\.0$/, want: 2 });
    let result;
    try {
      result = await box.tool(['install'], { cwd, env: { TOOL_GITHUB_API_URL: proxy.url, TOOL_JOBS: '2' } });
    } finally {
      await proxy.close();
    }
    assert.equal(result.code, 0, result.stderr);
    assert.equal(proxy.matched.length, COUNT, proxy.matched.join('\n'));
    assert.equal(proxy.maxInFlight, 2, 'two release lookups were open at once, and never more');
    for (const repo of repos) assert.match(result.stdout, new RegExp(`^  ${repo} 2\\.0\\.0 → 2\\.0\\.0 \\(installed\\)$`, 'm'));
    // Progress off a terminal: one whole line per tool installed, none garbled into another.
    const installing = result.stderr.split('\n').filter((line) => line.startsWith('installing '));
    assert.equal(installing.length, COUNT, result.stderr);
    for (const line of installing) assert.match(line, /^installing acme\/widget\d 2\.0\.0 \(widget\d_2\.0\.0_linux_amd64\.tar\.gz\) for linux-x64/);
  });

  it('a line that fails does not stop the others, and the summary says which and why', async () => {
    const cwd = project('partial', '3.0.0');
    box.server.fail({ match: /\/widget3_3\.0\.0_linux_amd64\.tar\.gz$/, status: 500 });
    const result = await box.tool(['install'], { cwd, env: { TOOL_HTTP_RETRIES: '0' } });
    assert.equal(result.code, 4, 'the exit code is the failure\'s category (network)');
    for (const repo of repos.filter((repo) => repo !== 'acme/widget3')) {
      assert.match(result.stdout, new RegExp(`^  ${repo} 3\\.0\\.0 → 3\\.0\\.0 \\(installed\\)$`, 'm'));
      assert.deepEqual(storeVersions(box, repo), ['1.0.0', '2.0.0', '3.0.0']);
    }
    assert.doesNotMatch(result.stdout, /widget3/);
    assert.deepEqual(storeVersions(box, 'acme/widget3'), ['1.0.0', '2.0.0']);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('tool: '));
    assert.equal(errors.length, 2, result.stderr);
    assert.match(errors[0]!, /^tool: acme\/widget3 3\.0\.0 \(line 3\) failed: .*widget3_3\.0\.0_linux_amd64\.tar\.gz.* answered 500/);
    assert.match(errors[1]!, /^tool: 1 of 4 tools failed; the other lines are installed\. .*`tool install` again$/);
    assert.equal((await box.sh('widget4 --version', { cwd })).stdout, 'widget4 3.0.0\n', 'the shims of the installed lines work');
    assert.deepEqual(readdirSync(join(box.home, 'tmp')), [], 'the failed install left no staging directory');

    const again = await box.tool(['install'], { cwd });
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /^  acme\/widget3 3\.0\.0 → 3\.0\.0 \(installed\)$/m);
    assert.match(again.stdout, /^  acme\/widget1 3\.0\.0 → 3\.0\.0 \(already installed\)$/m);
  });

  it('--locked refuses a line the lock does not cover before anything is downloaded', async () => {
    const cwd = project('locked', '4.0.0');
    assert.equal((await box.tool(['lock'], { cwd })).code, 0);
    box.write('locked/.tools', repos.map((repo, index) => `${repo} ${index === COUNT - 1 ? '2.0.0' : '4.0.0'}\n`).join(''));
    box.server.clearRequests();
    const result = await box.tool(['install', '--locked'], { cwd });
    assert.equal(result.code, 6, result.stderr);
    assert.match(result.stderr, /^tool: .*\.tools line 4 asks for acme\/widget4 2\.0\.0, but .*\.tools\.lock locks 4\.0\.0\. Run `tool lock`/m);
    assert.deepEqual(box.server.requests.map((request) => request.path), [], 'not one request, let alone a download');
    for (const repo of repos) assert.ok(!storeVersions(box, repo).includes('4.0.0'), `${repo} 4.0.0 was not installed`);
  });

  it('refuses a TOOL_JOBS that is not a small whole number before doing anything', async () => {
    const result = await box.tool(['install'], { cwd: project('bad-jobs', '1.0.0'), env: { TOOL_JOBS: 'many' } });
    assert.equal(result.code, 6);
    assert.match(result.stderr, /^tool: TOOL_JOBS="many" is not a whole number from 1 to 32\. /m);
  });
});
