/**
 * Locks at their edges: a release that publishes no hashes is locked as
 * unhashed (or hashed by downloading, when asked), a lock without this
 * machine's platform is refused with the command that adds it, and sync
 * refuses to run without a declared set rather than unselect everything.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const PLATFORM_ASSETS = ['bare_linux_amd64', 'bare_linux_arm64', 'bare_darwin_amd64', 'bare_darwin_arm64'];

describe('lock edges', () => {
  let box: Sandbox;
  let project: string;
  const lockOf = () => JSON.parse(readFileSync(join(project, '.tools.lock'), 'utf8'));
  const downloads = () => box.server.requests.filter((r) => r.server === 'github' && r.path.includes('/releases/download/'));

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.1.1');
    // No digests and no checksum file: nothing upstream vouches for these bytes.
    box.server.addRelease('acme/bare', fixtureRelease({ tag: 'v1.0.0', exeName: 'bare', version: '1.0.0', digests: false, assets: PLATFORM_ASSETS.map((name) => ({ name, format: 'raw' as const })) }));
    assert.equal((await box.tool(['add', 'acme/bare'])).code, 0);
    project = box.dir('proj');
    box.write('proj/.tools', 'acme/bare 1.0.0\nripgrep 14.1.1\n');
  });
  after(() => box.close());

  it('a release without digests or checksums is locked as unhashed on other platforms, with no download', async () => {
    box.server.requests.length = 0;
    const lock = await box.tool(['lock'], { cwd: project });
    assert.equal(lock.code, 0, lock.stderr);
    assert.match(lock.stdout, /no published SHA-256 for darwin-arm64, darwin-x64, linux-arm64: `tool lock --download-missing` hashes them/);
    const entry = lockOf().tools['acme/bare'].assets;
    assert.deepEqual(entry['darwin-arm64'], { hashSource: 'none', name: 'bare_darwin_arm64', sha256: null, size: entry['darwin-arm64'].size, url: entry['darwin-arm64'].url });
    assert.equal(entry['linux-x64'].hashSource, 'downloaded', 'this machine hashed what it installed');
    assert.deepEqual(downloads().filter((r) => /bare_/.test(r.path)), []);
  });

  it('--download-missing downloads and hashes exactly the unhashed assets', async () => {
    box.server.requests.length = 0;
    const lock = await box.tool(['lock', '--download-missing'], { cwd: project });
    assert.equal(lock.code, 0, lock.stderr);
    const entry = lockOf().tools['acme/bare'].assets;
    for (const key of ['darwin-arm64', 'darwin-x64', 'linux-arm64']) {
      assert.equal(entry[key].hashSource, 'downloaded');
      assert.match(entry[key].sha256, /^[0-9a-f]{64}$/);
    }
    assert.deepEqual(downloads().map((r) => r.path.split('/').pop()).sort(), ['bare_darwin_amd64', 'bare_darwin_arm64', 'bare_linux_arm64']);
  });

  it('a lock without this machine\'s platform is refused, naming the tool, the platform and the fix', async () => {
    assert.equal((await box.tool(['lock', '--platform', 'linux-x64'], { cwd: project })).code, 0);
    assert.deepEqual(lockOf().platforms, ['linux-x64']);
    const arm = await box.tool(['install', '--locked'], { cwd: project, env: { TOOL_ARCH: 'arm64' } });
    assert.equal(arm.code, 6);
    assert.match(arm.stderr, /^tool: .*proj\/\.tools\.lock has no entry for acme\/bare on linux-arm64\. Run `tool lock --platform linux-arm64,linux-x64` on any machine and commit the lock\n$/);
  });

  it('a locked sync of an owner/repo tool asks no registry: zero API requests even with the aqua registry enabled', async () => {
    box.write('user/.config/tool/tools', 'acme/bare 1.0.0\n');
    assert.equal((await box.tool(['lock', '--global'])).code, 0);
    box.server.requests.length = 0;
    const sync = await box.tool(['sync', '--locked'], { env: { TOOL_HOME: join(box.root, 'machine-b'), TOOL_REGISTRIES: 'builtin,aqua' } });
    assert.equal(sync.code, 0, sync.stderr);
    assert.deepEqual(box.server.requests.filter((r) => r.server === 'api').map((r) => r.path), []);
  });

  it('sync and sync --check refuse to run without a declared set instead of unselecting every tool', async () => {
    const fresh = { TOOL_CONFIG_DIR: join(box.root, 'no-config') };
    for (const args of [['sync'], ['sync', '--check']]) {
      const result = await box.tool(args, { env: fresh });
      assert.equal(result.code, 3);
      assert.match(result.stderr, /^tool: there is no declared tool set at .*no-config\/tools\. Run `tool add <tool>` once/);
    }
    assert.match((await box.tool(['list'], { env: fresh })).stdout, /acme\/bare +1\.0\.0 +\*/);
  });
});
