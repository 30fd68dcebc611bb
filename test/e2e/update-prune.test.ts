/**
 * Manager-driven updates: outdated and update against releases added while the
 * test runs, ETag revalidation proven by the server's request log, background
 * checks started by a shim without delaying the run, and prune's choices.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('tool outdated and tool update', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.0.0');
    assert.equal((await box.tool(['add', 'ripgrep'])).code, 0);
  });
  after(() => box.close());

  it('outdated reports nothing new, and asks again with If-None-Match answered by 304', async () => {
    const first = await box.tool(['outdated']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /ripgrep\s+14\.0\.0\s+latest\s+14\.0\.0\s+14\.0\.0\s*$/m);
    box.server.clearRequests();
    const second = await box.tool(['outdated']);
    assert.equal(second.code, 0, second.stderr);
    const api = box.server.requests.filter((r) => r.server === 'api');
    assert.ok(api.length > 0);
    assert.ok(api.every((r) => r.headers['if-none-match'] !== undefined && r.status === 304), JSON.stringify(api.map((r) => [r.path, r.status])));
  });

  it('a release published meanwhile shows as outdated and tool update installs it', async () => {
    addRipgrep(box.server, '14.1.1');
    const outdated = await box.tool(['outdated']);
    assert.match(outdated.stdout, /ripgrep\s+14\.0\.0\s+latest\s+14\.1\.1\s+14\.1\.1\s+outdated/);
    const update = await box.tool(['update']);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stdout, /ripgrep: 14\.0\.0 → 14\.1\.1/);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assert.match((await box.tool(['update'])).stdout, /ripgrep: 14\.1\.1 is up to date/);
  });

  it('a tool added with a version range is updated within that range only', async () => {
    assert.equal((await box.tool(['add', 'ripgrep@13'])).code, 0);
    addRipgrep(box.server, '13.0.1', '15.0.0');
    const update = await box.tool(['update', 'ripgrep']);
    assert.match(update.stdout, /ripgrep: 13\.0\.0 → 13\.0\.1/);
    const outdated = await box.tool(['outdated', '--json']);
    const row = JSON.parse(outdated.stdout).tools[0];
    assert.deepEqual([row.global, row.follows, row.wanted, row.latest], ['13.0.1', '13', '13.0.1', '15.0.0']);
  });
});

describe('background update checks', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.0.0');
  });
  after(() => box.close());

  it('a due check starts in the background while the shim runs the current version at once', async () => {
    const added = await box.tool(['add', 'ripgrep', '--auto-update', '1s']);
    assert.equal(added.code, 0, added.stderr);
    addRipgrep(box.server, '14.1.1');
    await sleep(1100);
    const run = await box.sh('rg --version');
    assert.equal(run.stdout, 'ripgrep 14.0.0\n');
    assert.equal(run.stderr, '');
    const log = join(box.home, 'log/auto-update.log');
    for (let i = 0; i < 100 && !(existsSync(log) && /updated 14\.0\.0 → 14\.1\.1/.test(readFileSync(log, 'utf8'))); i++) await sleep(100);
    assert.match(readFileSync(log, 'utf8'), /ripgrep: updated 14\.0\.0 → 14\.1\.1/);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assert.match((await box.tool(['history', 'ripgrep'])).stdout, /14\.0\.0\s+14\.1\.1\s+auto-update/);
  });

  it('a failed check is logged, not shown by the tool', async () => {
    box.server.fail({ match: /releases/, status: 500, times: 20 });
    await sleep(1100);
    const run = await box.sh('rg --version');
    assert.equal(run.stdout, 'ripgrep 14.1.1\n');
    assert.equal(run.stderr, '');
    const log = join(box.home, 'log/auto-update.log');
    for (let i = 0; i < 100 && !/check failed/.test(readFileSync(log, 'utf8')); i++) await sleep(100);
    assert.match(readFileSync(log, 'utf8'), /ripgrep: check failed: .*answered 500/);
  });
});

describe('tool prune', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '12.0.0', '13.0.0', '14.0.0', '14.1.1');
  });
  after(() => box.close());

  it('removes what is neither recent in history, selected, nor pinned by a known .tools', async () => {
    for (const version of ['12.0.0', '14.0.0', '14.1.1']) assert.equal((await box.tool(['add', `ripgrep@${version}`])).code, 0);
    const project = box.dir('user/project');
    assert.equal((await box.tool(['pin', 'ripgrep@13.0.0'], { cwd: project })).code, 0);
    const dry = await box.tool(['prune', '--keep', '2', '--dry-run']);
    assert.match(dry.stdout, /would remove ripgrep 12\.0\.0/);
    assert.ok(existsSync(join(box.home, 'store/ripgrep/12.0.0')));
    const prune = await box.tool(['prune', '--keep', '2']);
    assert.equal(prune.code, 0, prune.stderr);
    assert.match(prune.stdout, /removed ripgrep 12\.0\.0: not in recent history, not selected, not pinned/);
    assert.match(prune.stdout, /kept ripgrep 13\.0\.0: pinned by .*project\/\.tools line 1/);
    assert.match(prune.stdout, /kept ripgrep 14\.1\.1: among the last 2 in history; global selection/);
    assert.match(prune.stdout, /kept ripgrep 14\.0\.0: among the last 2 in history/);
    assert.ok(!existsSync(join(box.home, 'store/ripgrep/12.0.0')));
    assert.equal((await box.sh('rg --version', { cwd: project })).stdout, 'ripgrep 13.0.0\n');
  });
});
