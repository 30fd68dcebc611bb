/**
 * A self-update whose bytes do not match what upstream published is captured
 * (the tool already replaced itself) but shown loudly with the rollback command,
 * and recorded as a mismatch; unhold releases a rolled-back tool.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { selfUpdatingRelease } from '../support/self-updater.js';

describe('a self-update that does not match upstream', () => {
  let box: Sandbox;
  const release = (version: string, digest?: string) => {
    const built = selfUpdatingRelease({ name: 'denoish', version, method: 'rename-over', apiUrl: box.server.apiUrl, repo: 'fixtures/denoish', asset: 'denoish_linux_amd64' });
    // Upstream's published digest disagrees with the bytes served: what the tool downloads is not what was released.
    return digest ? { ...built, assets: built.assets.filter((a) => a.name !== 'SHA256SUMS').map((a) => ({ ...a, digest })) } : built;
  };

  before(async () => {
    box = await createSandbox();
    box.server.addRelease('fixtures/denoish', release('1.0.0'));
    assert.equal((await box.tool(['add', 'fixtures/denoish', '--self-update'])).code, 0);
    box.server.addRelease('fixtures/denoish', release('2.0.0', `sha256:${'ab'.repeat(32)}`));
  });
  after(() => box.close());

  it('is captured, shown loudly with the rollback command, and recorded as a mismatch', async () => {
    assert.equal((await box.sh('denoish -U')).code, 0);
    const run = await box.sh('denoish --version');
    assert.equal(run.stdout, 'denoish 2.0.0\n');
    // Unverified bytes are stored as a local build, never under the release's own version.
    assert.match(run.stderr, /fixtures\/denoish updated itself: 1\.0\.0 → 2\.0\.0\+self\.[0-9a-f]{8} \(mismatch: upstream denoish_linux_amd64 of v2\.0\.0 has sha256 (ab){32}\)/);
    // A local build is never locked: other machines keep getting the release the lock names.
    assert.match(run.stderr, /fixtures\/denoish 2\.0\.0\+self\.[0-9a-f]{8} matches no upstream release, so it is a local build and is not written to .*\/\.config\/tool\/tools\.lock/);
    assert.equal(JSON.parse(readFileSync(join(box.root, 'user/.config/tool/tools.lock'), 'utf8')).tools['fixtures/denoish'].version, '1.0.0');
    assert.match(run.stderr, /WARNING: the bytes fixtures\/denoish wrote \(sha256 [0-9a-f]{64}\) do NOT match upstream\. Run `tool rollback fixtures\/denoish` to go back to 1\.0\.0/);
    const history = await box.tool(['history', 'fixtures/denoish']);
    assert.match(history.stdout, /1\.0\.0\s+2\.0\.0\+self\.[0-9a-f]{8}\s+self-update\s+[0-9a-f]{16}\s+mismatch/);
    assert.match(history.stdout, /warning: 2\.0\.0\+self\.[0-9a-f]{8} did not match upstream/);
  });

  it('a pin of the release never gets the unverified bytes; installing it downloads and checks the release', async () => {
    const project = box.dir('user/pinned');
    box.write('user/pinned/.tools', 'fixtures/denoish 2.0.0\n');
    const run = await box.sh('denoish --version', { cwd: project });
    assert.notEqual(run.code, 0);
    assert.match(run.stderr, /checksum mismatch for denoish_linux_amd64/);
  });

  it('rollback goes back, and unhold lets tool update move it again', async () => {
    assert.equal((await box.tool(['rollback', 'fixtures/denoish'])).code, 0);
    assert.equal((await box.sh('denoish --version')).stdout, 'denoish 1.0.0\n');
    assert.match((await box.tool(['update'])).stdout, /fixtures\/denoish: 1\.0\.0 held/);
    const unhold = await box.tool(['unhold', 'fixtures/denoish']);
    assert.match(unhold.stdout, /fixtures\/denoish is no longer held/);
    box.server.addRelease('fixtures/denoish', release('3.0.0'));
    assert.match((await box.tool(['update'])).stdout, /fixtures\/denoish: 1\.0\.0 → 3\.0\.0/);
    assert.equal((await box.sh('denoish --version')).stdout, 'denoish 3.0.0\n');
  });
});
