/**
 * Pins that `tool rollback` works after `tool prune` removed the version it
 * goes back to: prune says so, rollback downloads that version again, and the
 * download must match the SHA-256 the history recorded when it ran here, even
 * when the release itself was republished with other bytes and a matching
 * checksum file.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { makeTarGz } from '../support/archives.js';
import { addRipgrep, ripgrepRelease } from '../support/catalog.js';
import type { FakeRelease } from '../support/release-server.js';
import { createSandbox, type RunResult, type Sandbox } from '../support/sandbox.js';

const MUSL = 'x86_64-unknown-linux-musl';
/** The install progress line may precede an error; everything else on stderr must be the one error line. */
const PROGRESS = /^installing ripgrep \S+ \(.+\) for \S+$/;

function errorLines(result: RunResult): string[] {
  return result.stderr.replace(/\n$/, '').split('\n').filter((line) => !PROGRESS.test(line));
}

/** ripgrep 13.0.0 republished: the linux asset holds other bytes, and its .sha256 file agrees with them. */
function republished(version: string): FakeRelease {
  const release = ripgrepRelease(version);
  const name = `ripgrep-${version}-${MUSL}.tar.gz`;
  const body = makeTarGz([
    { path: `ripgrep-${version}-${MUSL}/`, type: 'dir' },
    { path: `ripgrep-${version}-${MUSL}/rg`, body: Buffer.from('#!/bin/sh\necho pwned\n'), mode: 0o755 },
  ]);
  const hex = createHash('sha256').update(body).digest('hex');
  const assets = release.assets.map((asset) => {
    if (asset.name === name) return { ...asset, body };
    if (asset.name === `${name}.sha256`) return { ...asset, body: Buffer.from(`${hex}  ${name}\n`) };
    return asset;
  });
  return { ...release, assets };
}

/** Added at 13.0.0, then moved to 14.1.1, then pruned to one version: 13.0.0 is gone from the store. */
async function addThenPrune(box: Sandbox): Promise<{ keepTwo: RunResult; prune: RunResult }> {
  addRipgrep(box.server, '13.0.0', '14.1.1');
  for (const version of ['13.0.0', '14.1.1']) {
    const added = await box.tool(['add', `ripgrep@${version}`]);
    assert.equal(added.code, 0, added.stderr);
  }
  const keepTwo = await box.tool(['prune', '--keep', '2', '--dry-run']);
  assert.equal(keepTwo.code, 0, keepTwo.stderr);
  const prune = await box.tool(['prune', '--keep', '1']);
  assert.equal(prune.code, 0, prune.stderr);
  assert.ok(!existsSync(join(box.home, 'store/ripgrep/13.0.0')), '13.0.0 was pruned');
  return { keepTwo, prune };
}

describe('tool rollback after tool prune', () => {
  let box: Sandbox;
  let keepTwo: RunResult;
  let prune: RunResult;
  before(async () => {
    box = await createSandbox();
    ({ keepTwo, prune } = await addThenPrune(box));
  });
  after(() => box.close());

  it('prune notes that it removed the version rollback goes back to', () => {
    assert.match(prune.stdout, /removed ripgrep 13\.0\.0: not in recent history/);
    assert.match(prune.stdout, /^note: removed ripgrep 13\.0\.0, the version `tool rollback ripgrep` goes back to; rollback will download it again and check it against its recorded SHA-256$/m);
  });

  it('prune adds no note while it keeps the rollback target', async () => {
    assert.doesNotMatch(keepTwo.stdout, /note:/);
    assert.match(keepTwo.stdout, /kept ripgrep 13\.0\.0: among the last 2 in history/);
  });

  it('rollback downloads the pruned version again, checks it against the history, and the shim runs it', async () => {
    const recorded = JSON.parse((await box.tool(['history', 'ripgrep', '--json'])).stdout).entries[0].sha256;
    const rollback = await box.tool(['rollback', 'ripgrep']);
    assert.equal(rollback.code, 0, rollback.stderr);
    assert.match(rollback.stdout, new RegExp(`installed again from ripgrep-13\\.0\\.0-${MUSL}\\.tar\\.gz, checked against the SHA-256 in its history`));
    assert.match(rollback.stdout, /rolled back ripgrep: 14\.1\.1 → 13\.0\.0/);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 13.0.0\n');
    const manifest = JSON.parse(readFileSync(join(box.home, 'store/ripgrep/13.0.0/manifest.json'), 'utf8'));
    assert.equal(manifest.sha256, recorded);
    assert.match(manifest.verification.source, /history/);
  });
});

describe('tool rollback refuses a pruned version whose release now serves other bytes', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    await addThenPrune(box);
    box.server.addRelease('BurntSushi/ripgrep', republished('13.0.0'));
  });
  after(() => box.close());

  it('fails with exit code 5 and one line, and changes nothing', async () => {
    const historyBefore = (await box.tool(['history', 'ripgrep', '--json'])).stdout;
    const globalBefore = readFileSync(join(box.home, 'global.tools'), 'utf8');
    const rollback = await box.tool(['rollback', 'ripgrep']);
    assert.equal(rollback.code, 5, rollback.stderr);
    const lines = errorLines(rollback);
    assert.equal(lines.length, 1, `one error line, got:\n${rollback.stderr}`);
    assert.match(lines[0]!, /^tool: checksum mismatch for ripgrep-13\.0\.0-x86_64-unknown-linux-musl\.tar\.gz .*the SHA-256 recorded in ripgrep's history.*stays at 14\.1\.1/);
    assert.equal(JSON.parse((await box.tool(['which', 'rg', '--json'])).stdout).version, '14.1.1');
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assert.ok(!existsSync(join(box.home, 'store/ripgrep/13.0.0')), 'nothing was published');
    assert.deepEqual(existsSync(join(box.home, 'tmp')) ? readdirSync(join(box.home, 'tmp')) : [], [], 'no staging left behind');
    assert.equal((await box.tool(['history', 'ripgrep', '--json'])).stdout, historyBefore);
    assert.equal(readFileSync(join(box.home, 'global.tools'), 'utf8'), globalBefore);
    assert.doesNotMatch((await box.tool(['list'])).stdout, /held/, 'the failed rollback did not hold the tool');
  });
});

describe('tool rollback --to a version that is not in the store', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    await addThenPrune(box);
  });
  after(() => box.close());

  it('refuses a prefix with a hint naming the exact version', async () => {
    const result = await box.tool(['rollback', 'ripgrep', '--to', '13']);
    assert.equal(result.code, 2, result.stderr);
    assert.equal(errorLines(result).length, 1, result.stderr);
    assert.match(result.stderr, /no installed version of ripgrep matches "13".*`tool rollback ripgrep --to 13\.0\.0`/);
    assert.equal(JSON.parse((await box.tool(['which', 'rg', '--json'])).stdout).version, '14.1.1');
  });

  it('installs an exact version again and runs it', async () => {
    const result = await box.tool(['rollback', 'ripgrep', '--to', '13.0.0']);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /checked against the SHA-256 in its history/);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 13.0.0\n');
  });
});
