/**
 * `tool add` keeps the declared set's tools.lock current, checking the
 * attestation of every platform it locks. When another platform's asset fails
 * that check, the add still installs this machine's verified asset, leaves the
 * lock without a line that would vouch for the failing one, and says so in one
 * readable warning that names the platform, the settings file and the command
 * to run once it is fixed.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAttestationAuthority } from '../support/attestations.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

describe('tool add when another platform\'s attestation fails', () => {
  let box: Sandbox;
  before(async () => {
    const authority = await createAttestationAuthority();
    box = await createSandbox();
    box.env.TOOL_SIGSTORE_TRUSTED_ROOT = authority.writeTrustedRoot(join(box.root, 'trusted_root.json'));
    // Different paths inside the archives, so the two assets have different SHA-256s (attestations are looked up by digest).
    const release = fixtureRelease({ tag: 'v1.0.0', exeName: 'mixed', version: '1.0.0', assets: [
      { name: 'mixed_1.0.0_linux_amd64.tar.gz', format: 'tar.gz' },
      { name: 'mixed_1.0.0_darwin_arm64.tar.gz', format: 'tar.gz', exePath: 'darwin/mixed' },
    ] });
    box.server.addRelease('acme/mixed', release);
    const [linux, darwin] = release.assets as [typeof release.assets[0], typeof release.assets[0]];
    box.server.addAttestations('acme/mixed', sha256(linux.body), [await authority.sign({ sha256: sha256(linux.body), name: linux.name, repo: 'acme/mixed' })]);
    box.server.addAttestations('acme/mixed', sha256(darwin.body), [await authority.sign({ sha256: sha256(darwin.body), name: darwin.name, repo: 'mallory/mixed' })]);
  });
  after(() => box.close());

  it('installs the verified asset, keeps the failing platform out of tools.lock, and warns in one sentence-separated line', async () => {
    const add = await box.tool(['add', 'acme/mixed']);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /^attestation verified: built by acme\/mixed's release workflow/m);
    const settings = join(box.env.HOME!, '.config/tool/settings');
    const lock = join(box.env.HOME!, '.config/tool/tools.lock');
    const warnings = add.stderr.split('\n').filter((line) => line.startsWith('warning: '));
    assert.deepEqual(warnings, [
      `warning: ${lock} was not updated for acme/mixed 1.0.0: attestation of acme/mixed 1.0.0 (mixed_1.0.0_darwin_arm64.tar.gz) for darwin-arm64 failed: wrong repository: built in mallory/mixed, not acme/mixed. ` +
        `Nothing was locked. If you trust this release anyway, set \`attestations = warn\` under [acme/mixed] in ${settings}. Run \`tool lock --global\` when that is fixed`,
    ]);
    assert.equal((await box.sh('mixed --version')).stdout, 'mixed 1.0.0\n');
    assert.equal(existsSync(lock) && 'acme/mixed' in JSON.parse(readFileSync(lock, 'utf8')).tools, false, 'no lock line vouches for the failing platform');
  });
});
