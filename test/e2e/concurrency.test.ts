/**
 * Several `tool` processes at once, and processes that die mid-install: the
 * per-tool lock must leave exactly one good copy of a version, shims and the
 * global selection must not lose entries, and neither a crashed nor an
 * interrupted install may leave a partial version, a staging directory or a
 * lock that blocks the next install.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import type { FakeRelease } from '../support/release-server.js';
import { foreignAssetRelease } from '../support/foreign-release.js';
import { createSandbox, type RunResult, type Sandbox } from '../support/sandbox.js';
import { startStallingHost, type StallingHost } from '../support/stalling-host.js';

function listOrEmpty(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir) : [];
}

function assertNothingLeftBehind(box: Sandbox): void {
  assert.deepEqual(listOrEmpty(join(box.home, 'tmp')), [], 'TOOL_HOME/tmp is empty');
  assert.deepEqual(listOrEmpty(join(box.home, 'locks')).filter((name) => name.endsWith('.lock')), [], 'no lock is left');
}

function assertAllSucceeded(results: RunResult[]): void {
  for (const result of results) {
    assert.equal(result.code, 0, result.stderr);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
  }
}

function widgetRelease(version: string, exeName = 'widget'): FakeRelease {
  return fixtureRelease({
    tag: `v${version}`,
    exeName,
    version,
    assets: [{ name: `${exeName}_${version}_linux_amd64.tar.gz`, format: 'tar.gz' }],
  });
}

const RG_ASSET = /\/releases\/download\/14\.1\.1\/ripgrep-14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz$/;

describe('one version installed by several processes at once', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.0.0', '14.1.1', '15.0.0');
  });
  after(() => box.close());

  it('two tool add ripgrep@14.1.1 started together both succeed and leave one good copy', async () => {
    const results = await Promise.all([box.tool(['add', 'ripgrep@14.1.1']), box.tool(['add', 'ripgrep@14.1.1'])]);
    assertAllSucceeded(results);
    assert.deepEqual(readdirSync(join(box.home, 'store/ripgrep')), ['14.1.1']);
    assert.equal(box.server.requests.filter((r) => RG_ASSET.test(r.path)).length, 1, 'the archive was downloaded once');
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assert.match(readFileSync(join(box.home, 'global.tools'), 'utf8'), /^ripgrep \S+$/m);
    assertNothingLeftBehind(box);
  });

  it('two shims starting together in a fresh clone install the pinned version once and both run it', async () => {
    box.server.clearRequests();
    const dir = box.dir('user/fresh-clone');
    box.write('user/fresh-clone/.tools', 'ripgrep 15.0.0\n');
    const results = await Promise.all([box.sh('rg --version', { cwd: dir }), box.sh('rg --version', { cwd: dir })]);
    assertAllSucceeded(results);
    for (const result of results) assert.equal(result.stdout, 'ripgrep 15.0.0\n');
    assert.deepEqual(readdirSync(join(box.home, 'store/ripgrep')).sort(), ['14.1.1', '15.0.0']);
    assert.equal(box.server.requests.filter((r) => /ripgrep-15\.0\.0-x86_64-unknown-linux-musl\.tar\.gz$/.test(r.path)).length, 1);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n', 'the global selection is unchanged');
    assertNothingLeftBehind(box);
  });

  it('a failing install and a good one of the same tool at once: the lock is released and only the good one lands', async () => {
    const tampered = fixtureRelease({
      tag: '14.2.0',
      exeName: 'rg',
      toolName: 'ripgrep',
      version: '14.2.0',
      assets: [{ name: 'ripgrep-14.2.0-x86_64-unknown-linux-musl.tar.gz', format: 'tar.gz', exePath: 'ripgrep-14.2.0-x86_64-unknown-linux-musl/rg' }],
    });
    box.server.addRelease('BurntSushi/ripgrep', { ...tampered, assets: tampered.assets.map((asset) => ({ ...asset, digest: `sha256:${'0'.repeat(64)}` })) });
    const [good, bad] = await Promise.all([box.tool(['run', 'rg@14.0.0', '--', '--version']), box.tool(['run', 'rg@14.2.0', '--', '--version'])]);
    assert.equal(good.code, 0, good.stderr);
    assert.equal(good.stdout, 'ripgrep 14.0.0\n');
    assert.notEqual(bad!.code, 0);
    assert.match(bad!.stderr, /^tool: checksum mismatch for ripgrep-14\.2\.0/m);
    assert.deepEqual(readdirSync(join(box.home, 'store/ripgrep')).sort(), ['14.0.0', '14.1.1', '15.0.0']);
    assertNothingLeftBehind(box);
  });
});

describe('different tools added by several processes at once', () => {
  const TOOLS = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta'];
  const ROUNDS = 2;

  it('every tool keeps its shim and its global selection', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const box = await createSandbox();
      try {
        addRipgrep(box.server, '14.1.1');
        addYtDlp(box.server, '2024.08.06');
        for (const name of TOOLS) box.server.addRelease(`acme/${name}`, widgetRelease('1.0.0', name));
        const results = await Promise.all([
          box.tool(['add', 'ripgrep@14.1.1']),
          box.tool(['add', 'yt-dlp']),
          ...TOOLS.map((name) => box.tool(['add', `acme/${name}`])),
        ]);
        assertAllSucceeded(results);
        const exes = ['rg', 'yt-dlp', ...TOOLS].sort();
        assert.deepEqual(listOrEmpty(box.shims).sort(), exes, `round ${round}: every shim is there`);
        const global = readFileSync(join(box.home, 'global.tools'), 'utf8');
        for (const name of ['ripgrep', 'yt-dlp', ...TOOLS.map((tool) => `acme/${tool}`)]) {
          assert.ok(global.split('\n').some((line) => line.startsWith(`${name} `)), `round ${round}: global.tools keeps ${name}:\n${global}`);
        }
        const run = await box.sh(exes.map((exe) => `${exe} --version`).join(' && '));
        assert.equal(run.code, 0, run.stderr);
        assertNothingLeftBehind(box);
      } finally {
        await box.close();
      }
    }
  });
});

describe('installs that crash or are interrupted', () => {
  let box: Sandbox;
  let stalling: StallingHost;

  before(async () => {
    box = await createSandbox();
    stalling = await startStallingHost();
    addRipgrep(box.server, '14.1.1');
    box.server.addRelease('acme/widget', widgetRelease('1.0.0'));
    box.server.addRelease('acme/widget', widgetRelease('1.1.0'));
  });
  after(async () => {
    await stalling.close();
    await box.close();
  });

  it('a lock left by a crashed process is taken over at once when it is stale', async () => {
    const lock = join(box.home, 'locks/ripgrep.lock');
    mkdirSync(lock, { recursive: true });
    const oneMinuteAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, oneMinuteAgo, oneMinuteAgo);
    const started = Date.now();
    const result = await box.tool(['add', 'ripgrep@14.1.1']);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(Date.now() - started < 10_000, 'it did not wait for the lock');
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assertNothingLeftBehind(box);
  });

  for (const [signal, version] of [['SIGINT', '1.0.0'], ['SIGTERM', '1.1.0']] as const) {
    it(`an install stopped by ${signal} mid-download leaves no partial version, lock or staging directory`, async () => {
      const release = foreignAssetRelease(version, stalling);
      box.server.fail({ match: new RegExp(`^/repos/acme/widget/releases/tags/v${version.replace(/\./g, '\\.')}$`), status: 200, body: release });
      const interrupted = await box.tool(['add', `acme/widget@${version}`], {
        onSpawn: (child) => {
          let stderr = '';
          child.stderr?.on('data', (chunk: Buffer) => {
            stderr += chunk.toString();
            if (stderr.includes('installing acme/widget')) setTimeout(() => child.kill(signal), 300);
          });
        },
      });
      assert.ok(interrupted.signal === signal || (interrupted.code ?? 0) > 128, `stopped by ${signal}: ${interrupted.code} ${interrupted.signal} ${interrupted.stderr}`);
      assert.doesNotMatch(interrupted.stderr, /\n\s+at /);
      assert.ok(!existsSync(join(box.home, `store/acme__widget/${version}`)), 'no partial version');
      assert.deepEqual(listOrEmpty(join(box.home, 'locks')).filter((name) => name.endsWith('.lock')), [], 'the lock was released');
      const started = Date.now();
      const next = await box.tool(['add', `acme/widget@${version}`]);
      assert.equal(next.code, 0, next.stderr);
      assert.ok(Date.now() - started < 10_000, 'the next install did not wait for a lock');
      assert.equal((await box.sh('widget --version')).stdout, `widget ${version}\n`);
      const staging = listOrEmpty(join(box.home, 'tmp')).filter((name) => name.includes(`widget-${version}-`));
      assert.deepEqual(staging, [], 'the interrupted staging directory (a partial download) is not left in TOOL_HOME/tmp');
      assertNothingLeftBehind(box);
    });
  }
});
