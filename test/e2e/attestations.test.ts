/**
 * GitHub artifact attestations through the real CLI: bundles signed in the
 * test by a mock Fulcio/Rekor (test/support/attestations.ts), served by the
 * release server's attestations endpoint, checked against a test trusted root
 * (TOOL_SIGSTORE_TRUSTED_ROOT). Valid, wrong repository, wrong workflow (from
 * an aqua registry's signer_workflow), tampered artifact, missing, an expired
 * trust root, an unknown bundle version, an endpoint that fails, the
 * `attestations` setting relaxing and tightening it, and `tool info`.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { aquaRegistryYaml, createAttestationAuthority, type AttestationAuthority } from '../support/attestations.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const sha256 = (body: Buffer) => createHash('sha256').update(body).digest('hex');

/** Publishes owner/name v1.0.0 (one linux-x64 tar.gz with a digest); returns the asset's name and SHA-256. */
function publish(box: Sandbox, repo: string): { name: string; sha: string } {
  const exeName = repo.split('/')[1]!;
  const release = fixtureRelease({ tag: 'v1.0.0', exeName, version: '1.0.0', assets: [{ name: `${exeName}_1.0.0_linux_amd64.tar.gz`, format: 'tar.gz' }] });
  box.server.addRelease(repo, release);
  return { name: release.assets[0]!.name, sha: sha256(release.assets[0]!.body) };
}

describe('GitHub artifact attestations', () => {
  let box: Sandbox;
  let authority: AttestationAuthority;
  const settings = (text: string) => box.write('user/.config/tool/settings', text);
  const installed = (repo: string) => existsSync(join(box.home, 'store', repo.replace('/', '__')));
  const manifest = (repo: string) => JSON.parse(readFileSync(join(box.home, 'store', repo.replace('/', '__'), '1.0.0', 'manifest.json'), 'utf8'));
  const errorLines = (stderr: string) => stderr.split('\n').filter((line) => line.startsWith('tool: '));

  before(async () => {
    authority = await createAttestationAuthority();
    box = await createSandbox();
    const registry = box.write('registry.yaml', aquaRegistryYaml([{ repo: 'acme/workflowed', signerWorkflow: 'acme/workflowed/.github/workflows/release.yml' }]));
    box.env.TOOL_REGISTRIES = `builtin,${registry}`;
    box.env.TOOL_SIGSTORE_TRUSTED_ROOT = authority.writeTrustedRoot(join(box.root, 'trusted_root.json'));
  });
  after(() => box.close());

  it('a valid attestation is verified, said by tool add, and kept in the manifest and the history', async () => {
    const asset = publish(box, 'acme/signed');
    box.server.addAttestations('acme/signed', asset.sha, [await authority.sign({ sha256: asset.sha, name: asset.name, repo: 'acme/signed' })]);
    const add = await box.tool(['add', 'acme/signed']);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /attestation verified: built by acme\/signed's release workflow \(\.github\/workflows\/release\.yml\)/);
    assert.deepEqual(manifest('acme/signed').attestation, { status: 'verified', repo: 'acme/signed', workflow: '.github/workflows/release.yml', ref: 'refs/tags/v1.0.0' });
    const history = JSON.parse((await box.tool(['history', 'acme/signed', '--json'])).stdout);
    assert.equal(JSON.stringify(history).includes('"status":"verified"'), true, JSON.stringify(history));
    const request = box.server.requests.find((r) => r.path === `/repos/acme/signed/attestations/sha256:${asset.sha}`);
    assert.ok(request, 'the attestations endpoint was asked, by digest');
  });

  it('tool info shows the policy, the declared signer and what was verified per platform', async () => {
    const info = await box.tool(['info', 'acme/signed', '--json']);
    assert.equal(info.code, 0, info.stderr);
    const { attestations } = JSON.parse(info.stdout);
    assert.deepEqual(attestations.policy, { mode: 'verify', setBy: null });
    assert.equal(attestations.signerWorkflow, null);
    assert.deepEqual(attestations.inStore.map((row: { platform: string; attestation: { status: string } }) => [row.platform, row.attestation.status]), [['linux-x64-gnu', 'verified']]);
    const text = await box.tool(['info', 'acme/signed']);
    assert.match(text.stdout, /attestations: verify \(the default\); signer: any workflow of the repository/);
    assert.match(text.stdout, /1\.0\.0 linux-x64-gnu: verified \(acme\/signed \.github\/workflows\/release\.yml\)/);
  });

  it('an attestation signed in another repository installs nothing: exit 5, one line naming it', async () => {
    const asset = publish(box, 'acme/forked');
    box.server.addAttestations('acme/forked', asset.sha, [await authority.sign({ sha256: asset.sha, name: asset.name, repo: 'mallory/forked' })]);
    const add = await box.tool(['add', 'acme/forked']);
    assert.equal(add.code, 5, add.stderr);
    assert.deepEqual(errorLines(add.stderr).length, 1, add.stderr);
    assert.match(add.stderr, /attestation of acme\/forked 1\.0\.0 \(forked_1\.0\.0_linux_amd64\.tar\.gz\) failed: wrong repository: built in mallory\/forked, not acme\/forked\. Nothing was installed/);
    assert.equal(installed('acme/forked'), false);
  });

  it('an attestation from another workflow than the registry declares (aqua signer_workflow) installs nothing', async () => {
    const asset = publish(box, 'acme/workflowed');
    box.server.addAttestations('acme/workflowed', asset.sha, [await authority.sign({ sha256: asset.sha, name: asset.name, repo: 'acme/workflowed', workflow: '.github/workflows/ci.yml' })]);
    const add = await box.tool(['add', 'acme/workflowed']);
    assert.equal(add.code, 5, add.stderr);
    assert.match(add.stderr, /failed: wrong workflow: signed by acme\/workflowed\/\.github\/workflows\/ci\.yml, but the registry declares acme\/workflowed\/\.github\/workflows\/release\.yml/);
    const info = JSON.parse((await box.tool(['info', 'acme/workflowed', '--json'])).stdout);
    assert.equal(info.attestations.signerWorkflow, 'acme/workflowed/.github/workflows/release.yml');
  });

  it('a tampered artifact (the attestation names other bytes) is a digest mismatch', async () => {
    const asset = publish(box, 'acme/tampered');
    const original = sha256(Buffer.from('the bytes the workflow built'));
    box.server.addAttestations('acme/tampered', asset.sha, [await authority.sign({ sha256: original, name: asset.name, repo: 'acme/tampered' })]);
    const add = await box.tool(['add', 'acme/tampered']);
    assert.equal(add.code, 5, add.stderr);
    assert.match(add.stderr, new RegExp(`failed: digest mismatch: the attestation is for tampered_1\\.0\\.0_linux_amd64\\.tar\\.gz sha256:${original}, not sha256:${asset.sha}`));
    assert.equal(installed('acme/tampered'), false);
  });

  it('a release without attestations installs (absent), unless attestations = require', async () => {
    const asset = publish(box, 'acme/plain');
    settings('[acme/plain]\nattestations = require\n');
    const strict = await box.tool(['add', 'acme/plain']);
    assert.equal(strict.code, 5, strict.stderr);
    assert.match(strict.stderr, /acme\/plain 1\.0\.0 \(plain_1\.0\.0_linux_amd64\.tar\.gz\) has no GitHub artifact attestation, and attestations = require in .*settings line 2 requires one/);
    settings('');
    const add = await box.tool(['add', 'acme/plain']);
    assert.equal(add.code, 0, add.stderr);
    assert.doesNotMatch(add.stderr, /attestation/);
    assert.deepEqual(manifest('acme/plain').attestation, { status: 'absent' });
    const asked = box.server.requests.filter((r) => r.path === `/repos/acme/plain/attestations/sha256:${asset.sha}`);
    assert.deepEqual(asked.map((r) => r.status), [404, 404], 'asked by digest each time; GitHub answers 404 when there are none');
  });

  it('attestations = warn installs despite a failure, with a warning line each time', async () => {
    const asset = publish(box, 'acme/relaxed');
    box.server.addAttestations('acme/relaxed', asset.sha, [await authority.sign({ sha256: asset.sha, name: asset.name, repo: 'mallory/relaxed' })]);
    settings('[acme/relaxed]\nattestations = warn\n');
    const add = await box.tool(['add', 'acme/relaxed']);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /warning: attestation of acme\/relaxed 1\.0\.0 \(relaxed_1\.0\.0_linux_amd64\.tar\.gz\) failed: wrong repository: built in mallory\/relaxed, not acme\/relaxed; installed anyway \(attestations = warn in .*settings line 2\)/);
    assert.equal(manifest('acme/relaxed').attestation.status, 'failed');
    settings('');
  });

  it('a trust root whose authority expired before the signing time is a clear failure, not a crash', async () => {
    const asset = publish(box, 'acme/rotated');
    box.server.addAttestations('acme/rotated', asset.sha, [await authority.sign({ sha256: asset.sha, name: asset.name, repo: 'acme/rotated' })]);
    const expired = authority.writeTrustedRoot(join(box.root, 'expired_root.json'), { caUntil: new Date(Date.now() - 1_800_000) });
    const add = await box.tool(['add', 'acme/rotated'], { env: { TOOL_SIGSTORE_TRUSTED_ROOT: expired } });
    assert.equal(add.code, 5, add.stderr);
    assert.match(add.stderr, /failed: untrusted certificate: .*no certificate authority in .*expired_root\.json vouches for it at the signing time/);
    assert.doesNotMatch(add.stderr, /\n\s+at /, "no stack trace");
  });

  it('an unknown bundle version is named, and nothing is installed', async () => {
    const asset = publish(box, 'acme/future');
    const bundle = (await authority.sign({ sha256: asset.sha, name: asset.name, repo: 'acme/future' })) as Record<string, unknown>;
    box.server.addAttestations('acme/future', asset.sha, [{ ...bundle, mediaType: 'application/vnd.dev.sigstore.bundle.v0.9+json' }]);
    const add = await box.tool(['add', 'acme/future']);
    assert.equal(add.code, 5, add.stderr);
    assert.match(add.stderr, /failed: unsupported bundle: media type "application\/vnd\.dev\.sigstore\.bundle\.v0\.9\+json" is not a Sigstore bundle version this tool reads/);
  });

  it('an endpoint that keeps failing warns under verify and installs; under require it installs nothing (exit 4)', async () => {
    publish(box, 'acme/flaky');
    settings('[acme/flaky]\nattestations = require\n');
    box.server.fail({ match: /\/attestations\//, status: 502, times: 20 });
    const strict = await box.tool(['add', 'acme/flaky']);
    assert.equal(strict.code, 4, strict.stderr);
    assert.match(strict.stderr, /the attestation of acme\/flaky 1\.0\.0 \(flaky_1\.0\.0_linux_amd64\.tar\.gz\) could not be checked/);
    settings('');
    const add = await box.tool(['add', 'acme/flaky']);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /warning: attestation of acme\/flaky 1\.0\.0 .* not checked: the attestation endpoint did not answer: .*; installed anyway \(attestations = verify \(the default\)\)/);
    assert.equal(manifest('acme/flaky').attestation.status, 'unchecked');
  });

  it('attestations = off skips the request, and says so', async () => {
    publish(box, 'acme/unchecked');
    settings('attestations = off\n');
    box.server.clearRequests();
    const add = await box.tool(['add', 'acme/unchecked']);
    assert.equal(add.code, 0, add.stderr);
    assert.match(add.stderr, /warning: attestations of acme\/unchecked 1\.0\.0 \(unchecked_1\.0\.0_linux_amd64\.tar\.gz\) not checked: attestations = off in .*settings line 1/);
    assert.equal(box.server.requests.some((r) => r.path.includes('/attestations/')), false);
    settings('');
  });

  it('a bad value of the setting names the file and line (exit 6)', async () => {
    publish(box, 'acme/misconfigured');
    settings('attestations = sometimes\n');
    const add = await box.tool(['add', 'acme/misconfigured']);
    assert.equal(add.code, 6, add.stderr);
    assert.match(add.stderr, /settings line 1: attestations = "sometimes" is not one of verify, require, warn, off/);
    settings('');
  });
});
