/**
 * Edges of self-update capture and updates found in review: captured bytes
 * identical to an installed release reuse it (no "+self" duplicate), a
 * background check captures a pending self-update before anything else, and
 * `tool update` never moves backwards to a backport published later.
 */
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, readdirSync, readFileSync, renameSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox } from '../support/sandbox.js';

const archiveRelease = (version: string) =>
  fixtureRelease({ tag: `v${version}`, exeName: 'arch', version, assets: [{ name: `arch_${version}_linux_amd64.tar.gz`, format: 'tar.gz', exePath: `arch_${version}/arch` }] });

describe('capture and update edges', () => {
  it('a self-update that wrote exactly an installed release reuses that version instead of a +self duplicate', async (t) => {
    const box = await createSandbox();
    t.after(() => box.close());
    box.server.addRelease('acme/arch', archiveRelease('1.0.0'));
    box.server.addRelease('acme/arch', archiveRelease('2.0.0'));
    assert.equal((await box.tool(['add', 'acme/arch', '--self-update'])).code, 0);
    assert.equal((await box.tool(['run', 'acme/arch@1.0.0', '--', '--version'])).code, 0);
    assert.equal((await box.tool(['rollback', 'acme/arch', '--to', '1.0.0'])).code, 0);
    // The tool's updater writes the very binary that release 2.0.0 ships.
    const live = join(box.home, 'live/acme__arch/bin/arch');
    copyFileSync(join(box.home, 'store/acme__arch/2.0.0/bin/arch'), live);
    const later = new Date(Date.now() + 2000);
    utimesSync(live, later, later);
    const run = await box.sh('arch --version');
    assert.equal(run.stdout, 'arch 2.0.0\n');
    assert.match(run.stderr, /acme\/arch updated itself: 1\.0\.0 → 2\.0\.0 /);
    assert.deepEqual(readdirSync(join(box.home, 'store/acme__arch')).sort(), ['1.0.0', '2.0.0']);
    box.write('user/p/.tools', 'acme/arch 2.0.0\n');
    const which = JSON.parse((await box.tool(['which', 'arch', '--json'], { cwd: join(box.root, 'user/p') })).stdout);
    assert.equal(which.path, join(box.home, 'store/acme__arch/2.0.0/bin/arch'));
  });

  it('a background check captures a self-update that was not captured yet before it updates', async (t) => {
    const box = await createSandbox();
    t.after(() => box.close());
    box.server.addRelease('acme/arch', archiveRelease('1.0.0'));
    assert.equal((await box.tool(['add', 'acme/arch', '--self-update', '--auto-update', '1s'])).code, 0);
    box.server.addRelease('acme/arch', archiveRelease('2.0.0'));
    const live = join(box.home, 'live/acme__arch/bin/arch');
    box.write('nightly', '#!/bin/sh\necho "arch 2.1.0-nightly.7"\n');
    copyFileSync(join(box.root, 'nightly'), live);
    chmodSync(live, 0o755);
    const later = new Date(Date.now() + 2000);
    utimesSync(live, later, later);
    utimesSync(join(box.home, 'state/auto/acme__arch'), new Date(0), new Date(0));
    assert.equal((await box.tool(['__auto-update', 'acme/arch'])).code, 0);
    const log = readFileSync(join(box.home, 'log/auto-update.log'), 'utf8');
    assert.match(log, /captured self-update 1\.0\.0 → 2\.1\.0-nightly\.7\+self\.[0-9a-f]{8}/);
    const history = (await box.tool(['history', 'acme/arch'])).stdout;
    assert.match(history, /1\.0\.0\s+2\.1\.0-nightly\.7\+self\.[0-9a-f]{8}\s+self-update/);
    assert.ok(readdirSync(join(box.home, 'store/acme__arch')).some((v) => v.startsWith('2.1.0-nightly.7+self.')));
  });

  it('tool add picks the highest version, not a backport GitHub marks latest because it is newer by date', async (t) => {
    const box = await createSandbox();
    t.after(() => box.close());
    box.server.addRelease('acme/arch', archiveRelease('1.9.0'));
    box.server.addRelease('acme/arch', archiveRelease('2.0.0'));
    box.server.addRelease('acme/arch', archiveRelease('1.9.1'));
    const add = await box.tool(['add', 'acme/arch']);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stdout, /installed: acme\/arch 2\.0\.0 /);
  });

  it('tool update does not move back to a backport published after the current release', async (t) => {
    const box = await createSandbox();
    t.after(() => box.close());
    box.server.addRelease('acme/arch', archiveRelease('1.9.0'));
    box.server.addRelease('acme/arch', archiveRelease('2.0.0'));
    assert.equal((await box.tool(['add', 'acme/arch'])).code, 0);
    box.server.addRelease('acme/arch', archiveRelease('1.9.1'));
    const update = await box.tool(['update']);
    assert.equal(update.code, 0, update.stderr);
    assert.match(update.stdout, /acme\/arch: 2\.0\.0 is up to date/);
    assert.equal((await box.sh('arch --version')).stdout, 'arch 2.0.0\n');
  });
});

describe('a self-update that keeps the old file time', () => {
  it('is still noticed, because the file it renamed into place is another inode', async (t) => {
    const box = await createSandbox();
    t.after(() => box.close());
    box.server.addRelease('acme/arch', archiveRelease('1.0.0'));
    assert.equal((await box.tool(['add', 'acme/arch', '--self-update'])).code, 0);
    const live = join(box.home, 'live/acme__arch/bin/arch');
    const old = statSync(live);
    box.write('tool-home/live/acme__arch/bin/.arch.new', '#!/bin/sh\necho "arch 1.1.0"\n');
    const staged = join(box.home, 'live/acme__arch/bin/.arch.new');
    chmodSync(staged, 0o755);
    utimesSync(staged, old.atime, old.mtime);
    renameSync(staged, live);
    const run = await box.sh('arch --version');
    assert.equal(run.stdout, 'arch 1.1.0\n');
    assert.match(run.stderr, /acme\/arch updated itself: 1\.0\.0 → 1\.1\.0\+self\.[0-9a-f]{8}/);
    const fast = await box.sh('arch --version', { env: { NODE_OPTIONS: '--require=/nonexistent/poison.js' } });
    assert.equal(fast.stdout, 'arch 1.1.0\n', `after capture the shim stays in sh: ${fast.stderr}`);
  });
});

describe('a store version changed behind tool\'s back', () => {
  it('is flagged by tool list and tool which (read-only permissions do not stop root)', async (t) => {
    const box = await createSandbox();
    t.after(() => box.close());
    box.server.addRelease('acme/arch', archiveRelease('1.0.0'));
    assert.equal((await box.tool(['add', 'acme/arch'])).code, 0);
    const file = join(box.home, 'store/acme__arch/1.0.0/files/arch');
    chmodSync(file, 0o755);
    const later = new Date(Date.now() + 10_000);
    box.write('tool-home/store/acme__arch/1.0.0/files/arch', '#!/bin/sh\necho tampered\n');
    utimesSync(file, later, later);
    assert.match((await box.tool(['list'])).stdout, /acme\/arch\s+1\.0\.0\s+\*\s+.*MODIFIED after install/);
    assert.match((await box.tool(['which', 'arch'])).stdout, /warning: arch changed after install/);
  });
});
