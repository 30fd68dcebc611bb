/**
 * Attestations in locks: one linux-x64 machine locks four platforms and checks
 * each platform's attestation by digest alone (no other platform's asset is
 * downloaded); a second machine installing with --locked trusts the recorded
 * outcome and asks the attestations endpoint nothing; a platform whose
 * attestation fails stops `tool lock`; a lock recording a failure is refused.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { aquaRegistryYaml, createAttestationAuthority, type AttestationAuthority } from '../support/attestations.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const PLATFORMS: Record<string, string> = { 'linux-x64': 'linux_amd64', 'linux-arm64': 'linux_arm64', 'darwin-x64': 'darwin_amd64', 'darwin-arm64': 'darwin_arm64' };
const VERIFIED = 'verified:acme/multi/.github/workflows/release.yml@refs/tags/v1.0.0';

/** owner/name v1.0.0 with a tar.gz for each of the four platforms, each attested; those whose names contain a `wrong` suffix by another repository. */
async function publish(box: Sandbox, authority: AttestationAuthority, repo: string, wrong: string[] = []): Promise<void> {
  const exeName = repo.split('/')[1]!;
  const release = fixtureRelease({ tag: 'v1.0.0', exeName, version: '1.0.0', assets: Object.values(PLATFORMS).map((suffix) => ({ name: `${exeName}_1.0.0_${suffix}.tar.gz`, format: 'tar.gz' as const })) });
  box.server.addRelease(repo, release);
  for (const asset of release.assets) {
    const sha256 = createHash('sha256').update(asset.body).digest('hex');
    const signer = wrong.some((suffix) => asset.name.includes(suffix)) ? 'mallory/fork' : repo;
    box.server.addAttestations(repo, sha256, [await authority.sign({ sha256, name: asset.name, repo: signer })]);
  }
}

describe('attestations in locks', () => {
  let box: Sandbox;
  let authority: AttestationAuthority;
  let project: string;
  const lockPath = () => join(project, '.tools.lock');
  const lockOf = () => JSON.parse(readFileSync(lockPath(), 'utf8'));
  const attestationRequests = () => box.server.requests.filter((r) => r.path.includes('/attestations/'));
  /** Another machine's home; --locked reads registries from its cache only, so `tool info` fills that first. */
  const machineB = async (arch: string) => {
    const env = { TOOL_HOME: join(box.root, `machine-${arch}`), TOOL_ARCH: arch };
    assert.equal((await box.tool(['info', 'acme/multi'], { env })).code, 0);
    return env;
  };

  before(async () => {
    authority = await createAttestationAuthority();
    box = await createSandbox();
    // In a registry, so a project's .tools may name them (owner/repo alone needs `tool add` first).
    const registry = box.write('registry.yaml', aquaRegistryYaml([{ repo: 'acme/multi', signerWorkflow: 'acme/multi/.github/workflows/release.yml' }, { repo: 'acme/half' }]));
    box.env.TOOL_REGISTRIES = `builtin,${registry}`;
    box.env.TOOL_SIGSTORE_TRUSTED_ROOT = authority.writeTrustedRoot(join(box.root, 'trusted_root.json'));
    await publish(box, authority, 'acme/multi');
    await publish(box, authority, 'acme/half', ['darwin_arm64']);
    project = box.dir('proj');
  });
  after(() => box.close());

  it('tool lock records a verified attestation for all four platforms from one machine, downloading no other asset', async () => {
    box.write('proj/.tools', 'acme/multi 1.0.0\n');
    box.server.clearRequests();
    const lock = await box.tool(['lock'], { cwd: project });
    assert.equal(lock.code, 0, lock.stderr);
    const assets = lockOf().tools['acme/multi'].assets;
    assert.deepEqual(Object.keys(assets).sort(), Object.keys(PLATFORMS).sort());
    for (const key of Object.keys(PLATFORMS)) assert.equal(assets[key].attestation, VERIFIED, key);
    assert.match(lock.stdout, /attestation verified: built by acme\/multi's release workflow \(\.github\/workflows\/release\.yml\) \(darwin-arm64, darwin-x64, linux-arm64, linux-x64\)/);
    assert.equal(attestationRequests().length, 4, 'one request per platform digest');
    assert.deepEqual(box.server.requests.filter((r) => r.path.includes('/releases/download/')), [], 'no asset was downloaded');
    const json = JSON.parse((await box.tool(['lock', '--json'], { cwd: project })).stdout);
    assert.equal(json.tools[0].attestations['darwin-arm64'], VERIFIED);
  });

  it('another machine installing --locked trusts the recorded outcome and asks no attestation endpoint', async () => {
    const env = await machineB('arm64');
    box.server.clearRequests();
    const install = await box.tool(['install', '--locked'], { cwd: project, env });
    assert.equal(install.code, 0, install.stderr);
    assert.match(install.stderr, /attestation verified \(recorded in .*\.tools\.lock\): built by acme\/multi's release workflow/);
    assert.deepEqual(attestationRequests(), []);
    const manifest = JSON.parse(readFileSync(join(box.root, 'machine-arm64/store/acme__multi/1.0.0/manifest.json'), 'utf8'));
    assert.equal(manifest.attestation.status, 'verified');
    assert.match(manifest.attestation.from, /\.tools\.lock$/);
  });

  it('tool info lists the lock\'s outcome per platform', async () => {
    const info = JSON.parse((await box.tool(['info', 'acme/multi', '--json'], { cwd: project })).stdout);
    const locked = info.attestations.inLocks.map((row: { platform: string; attestation: { status: string } }) => `${row.platform}=${row.attestation.status}`).sort();
    assert.deepEqual(locked, ['darwin-arm64=verified', 'darwin-x64=verified', 'linux-arm64=verified', 'linux-x64=verified']);
  });

  it('a platform whose attestation fails stops tool lock, naming the platform; the lock is left as it was', async () => {
    const before = readFileSync(lockPath(), 'utf8');
    box.write('proj/.tools', 'acme/multi 1.0.0\nacme/half 1.0.0\n');
    const lock = await box.tool(['lock'], { cwd: project });
    assert.equal(lock.code, 5, lock.stderr);
    assert.match(lock.stderr, /attestation of acme\/half 1\.0\.0 \(half_1\.0\.0_darwin_arm64\.tar\.gz\) for darwin-arm64 failed: wrong repository: built in mallory\/fork, not acme\/half\. Nothing was locked/);
    assert.equal(readFileSync(lockPath(), 'utf8'), before);
    box.write('proj/.tools', 'acme/multi 1.0.0\n');
  });

  it('a lock that records a failed attestation is refused by --locked (exit 5)', async () => {
    const failed = '"attestation": "failed:wrong repository: built in mallory/fork, not acme/multi"';
    writeFileSync(lockPath(), readFileSync(lockPath(), 'utf8').split(`"attestation": "${VERIFIED}"`).join(failed));
    const install = await box.tool(['install', '--locked'], { cwd: project, env: await machineB('x64') });
    assert.equal(install.code, 5, install.stderr);
    assert.match(install.stderr, /failed \(recorded in .*\.tools\.lock\): wrong repository: built in mallory\/fork, not acme\/multi\. Nothing was installed/);
  });
});
