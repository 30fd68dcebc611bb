// Pins resolveAquaAsset against real registry entries (test/fixtures/aqua/registry-excerpt.yaml).
// Each expected name was derived by hand from aqua's Go source (pkg/config/package.go,
// pkg/config/registry) and, for released tags, matches the asset GitHub really lists.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { resolveAquaAsset } from '../../../src/aqua/resolve.js';
import type { AquaAssetResult, AquaInput, AquaResult } from '../../../src/aqua/types.js';
import { excerptPackage } from './excerpt.js';

function resolve(name: string, input: AquaInput): AquaResult {
  return resolveAquaAsset(excerptPackage(name), input);
}

function asset(name: string, input: AquaInput): AquaAssetResult {
  const result = resolve(name, input);
  assert.equal(result.kind, 'asset', JSON.stringify(result));
  return result as AquaAssetResult;
}

describe('resolveAquaAsset on real registry entries', () => {
  it('names lazygit assets with the OS replacement its version range declares', () => {
    const old = asset('jesseduffield/lazygit', { tag: 'v0.44.1', os: 'linux', arch: 'amd64' });
    assert.equal(old.asset, 'lazygit_0.44.1_Linux_x86_64.tar.gz');
    assert.deepEqual(old.files, [{ name: 'lazygit', src: 'lazygit' }]);
    assert.deepEqual(old.checksum, { type: 'github_release', asset: 'checksums.txt', algorithm: 'sha256', fileFormat: 'default' });
    assert.equal(asset('jesseduffield/lazygit', { tag: 'v0.55.0', os: 'linux', arch: 'amd64' }).asset, 'lazygit_0.55.0_linux_x86_64.tar.gz');
    assert.equal(asset('jesseduffield/lazygit', { tag: 'v0.44.1', os: 'windows', arch: 'amd64' }).asset, 'lazygit_0.44.1_Windows_x86_64.zip');
  });

  it('treats a tag listed by `Version in [...]` as having no asset', () => {
    assert.equal(resolve('jesseduffield/lazygit', { tag: 'v0.1.12', os: 'linux', arch: 'amd64' }).kind, 'no-asset');
  });

  it('renders gh file paths from a src template and switches macOS to zip by override', () => {
    const linux = asset('cli/cli', { tag: 'v2.62.0', os: 'linux', arch: 'amd64' });
    assert.equal(linux.asset, 'gh_2.62.0_linux_amd64.tar.gz');
    assert.equal(linux.format, 'tar.gz');
    assert.deepEqual(linux.files, [{ name: 'gh', src: 'gh_2.62.0_linux_amd64/bin/gh' }]);
    assert.equal(linux.checksum?.asset, 'gh_2.62.0_checksums.txt');
    assert.deepEqual(linux.signatures, ['github_artifact_attestations']);
    const mac = asset('cli/cli', { tag: 'v2.62.0', os: 'darwin', arch: 'arm64' });
    assert.equal(mac.asset, 'gh_2.62.0_macOS_arm64.zip');
    assert.equal(mac.format, 'zip');
    assert.deepEqual(asset('cli/cli', { tag: 'v2.62.0', os: 'windows', arch: 'amd64' }).files, [{ name: 'gh', src: 'bin/gh.exe' }]);
  });

  it('picks ripgrep builds by goos and goarch overrides and disables the Windows checksum', () => {
    const linux = asset('BurntSushi/ripgrep', { tag: '14.1.1', os: 'linux', arch: 'amd64' });
    assert.equal(linux.asset, 'ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz');
    assert.deepEqual(linux.files, [{ name: 'rg', src: 'ripgrep-14.1.1-x86_64-unknown-linux-musl/rg' }]);
    assert.equal(linux.checksum?.asset, 'ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz.sha256');
    assert.equal(asset('BurntSushi/ripgrep', { tag: '14.1.1', os: 'linux', arch: 'arm64' }).asset, 'ripgrep-14.1.1-aarch64-unknown-linux-gnu.tar.gz');
    assert.equal(asset('BurntSushi/ripgrep', { tag: '14.1.1', os: 'darwin', arch: 'arm64' }).asset, 'ripgrep-14.1.1-aarch64-apple-darwin.tar.gz');
    const windows = asset('BurntSushi/ripgrep', { tag: '14.1.1', os: 'windows', arch: 'amd64' });
    assert.equal(windows.asset, 'ripgrep-14.1.1-x86_64-pc-windows-msvc.zip');
    assert.equal(windows.checksum, undefined);
    assert.deepEqual(windows.files, [{ name: 'rg', src: 'ripgrep-14.1.1-x86_64-pc-windows-msvc/rg.exe' }]);
  });

  it('follows fzf across the version where its tags lost the v and macOS moved to tar.gz', () => {
    assert.equal(asset('junegunn/fzf', { tag: 'v0.56.3', os: 'linux', arch: 'amd64' }).asset, 'fzf-0.56.3-linux_amd64.tar.gz');
    assert.equal(asset('junegunn/fzf', { tag: 'v0.56.3', os: 'linux', arch: 'amd64' }).checksum?.asset, 'fzf_0.56.3_checksums.txt');
    assert.equal(asset('junegunn/fzf', { tag: 'v0.56.3', os: 'darwin', arch: 'arm64' }).asset, 'fzf-0.56.3-darwin_arm64.tar.gz');
    assert.equal(asset('junegunn/fzf', { tag: '0.44.0', os: 'darwin', arch: 'arm64' }).asset, 'fzf-0.44.0-darwin_arm64.zip');
    assert.equal(asset('junegunn/fzf', { tag: 'v0.56.3', os: 'windows', arch: 'amd64' }).asset, 'fzf-0.56.3-windows_amd64.zip');
  });

  it('keeps the v of fd tags in asset names and directory names', () => {
    const fd = asset('sharkdp/fd', { tag: 'v10.2.0', os: 'linux', arch: 'amd64' });
    assert.equal(fd.asset, 'fd-v10.2.0-x86_64-unknown-linux-musl.tar.gz');
    assert.deepEqual(fd.files, [{ name: 'fd', src: 'fd-v10.2.0-x86_64-unknown-linux-musl/fd' }]);
  });

  it('installs a raw asset as the file itself and adds .exe on Windows', () => {
    const linux = asset('mvdan/sh', { tag: 'v3.10.0', os: 'linux', arch: 'amd64' });
    assert.equal(linux.asset, 'shfmt_v3.10.0_linux_amd64');
    assert.equal(linux.format, 'raw');
    assert.deepEqual(linux.files, [{ name: 'shfmt', src: 'shfmt_v3.10.0_linux_amd64' }]);
    assert.equal(linux.checksum?.asset, 'sha256sums.txt');
    const windows = asset('mvdan/sh', { tag: 'v3.10.0', os: 'windows', arch: 'amd64' });
    assert.equal(windows.asset, 'shfmt_v3.10.0_windows_amd64.exe');
    assert.deepEqual(windows.files, [{ name: 'shfmt', src: 'shfmt_v3.10.0_windows_amd64.exe' }]);
    assert.equal(asset('mvdan/sh', { tag: 'v3.0.0', os: 'linux', arch: 'arm64' }).asset, 'shfmt_v3.0.0_linux_arm');
  });

  it('uses the darwin/amd64 build under Rosetta 2 when arm64 is not supported', () => {
    const wuzz = asset('asciimoo/wuzz', { tag: 'v0.5.0', os: 'darwin', arch: 'arm64' });
    assert.equal(wuzz.asset, 'wuzz_darwin_amd64');
    assert.equal(wuzz.rosetta2, true);
    assert.equal(asset('asciimoo/wuzz', { tag: 'v0.5.0', os: 'darwin', arch: 'amd64' }).rosetta2, false);
    const linuxArm = resolve('asciimoo/wuzz', { tag: 'v0.5.0', os: 'linux', arch: 'arm64' });
    assert.equal(linuxArm.kind, 'no-asset');
    assert.match((linuxArm as { reason: string }).reason, /supports only darwin, windows, amd64/);
  });

  it('uses the amd64 build under Windows emulation and reports it', () => {
    const jaq = asset('01mf02/jaq', { tag: 'v2.1.0', os: 'windows', arch: 'arm64' });
    assert.equal(jaq.asset, 'jaq-x86_64-pc-windows-msvc.exe');
    assert.equal(jaq.windowsArmEmulation, true);
  });

  it('renders .Arch as amd64 under rosetta2 even where darwin/arm64 is supported, as aqua does', () => {
    const jaq = asset('01mf02/jaq', { tag: 'v1.2.0', os: 'darwin', arch: 'arm64' });
    assert.equal(jaq.asset, 'jaq-v1.2.0-x86_64-apple-darwin');
    assert.equal(jaq.rosetta2, true);
  });

  it('reports no_asset version ranges and matches an exact `Version ==` entry', () => {
    const beta = resolve('01mf02/jaq', { tag: 'v1.0.0-beta', os: 'linux', arch: 'amd64' });
    assert.equal(beta.kind, 'no-asset');
    assert.match((beta as { reason: string }).reason, /no_asset in version_overrides\[0\]/);
    assert.equal(asset('01mf02/jaq', { tag: 'v1.0.0-gamma', os: 'linux', arch: 'amd64' }).asset, 'jaq-v1.0.0-gamma-x86_64-unknown-linux-musl');
    assert.equal(resolve('01mf02/jaq', { tag: 'v1.0.0-gamma', os: 'linux', arch: 'arm64' }).kind, 'no-asset');
  });

  it('says why when a version override carries an error_message', () => {
    const old = resolve('vcsjones/AzureSignTool', { tag: 'v5.0.0', os: 'windows', arch: 'amd64' });
    assert.deepEqual(old.kind, 'no-asset');
    assert.match((old as { reason: string }).reason, /Please use v6\.0\.0 or later/);
    assert.equal(asset('vcsjones/AzureSignTool', { tag: 'v6.0.0', os: 'windows', arch: 'amd64' }).asset, 'AzureSignTool-x64.exe');
  });

  it('matches libc variants only when the libc is known', () => {
    const input = { tag: 'v0.10.0', os: 'linux', arch: 'amd64' } as const;
    assert.equal(asset('grafana/flint', { ...input, libc: 'musl' }).asset, 'flint-x86_64-unknown-linux-musl.tar.gz');
    assert.equal(asset('grafana/flint', { ...input, libc: 'glibc' }).asset, 'flint-x86_64-unknown-linux-gnu.tar.gz');
    const unknown = asset('grafana/flint', input);
    assert.equal(unknown.asset, 'flint-x86_64-unknown-linux-gnu.tar.gz');
    assert.equal(unknown.checksum?.asset, 'flint-x86_64-unknown-linux-gnu.tar.gz.sha256');
  });

  it('strips version_prefix for .SemVer and reports it', () => {
    const mimir = asset('grafana/mimir/mimirtool', { tag: 'mimir-2.14.0', os: 'linux', arch: 'amd64' });
    assert.equal(mimir.asset, 'mimirtool-linux-amd64');
    assert.equal(mimir.versionPrefix, 'mimir-');
    assert.deepEqual(mimir.files, [{ name: 'mimirtool', src: 'mimirtool-linux-amd64' }]);
  });

  it('evaluates semverWithVersion over trimPrefix for prefixed monorepo tags', () => {
    const cli = asset('dnote/dnote/cli', { tag: 'cli-v0.15.1', os: 'linux', arch: 'amd64' });
    assert.equal(cli.asset, 'dnote_0.15.1_linux_amd64.tar.gz');
    assert.equal(cli.checksum?.asset, 'dnote_0.15.1_checksums.txt');
    assert.deepEqual(cli.files, [{ name: 'dnote', src: 'dnote' }]);
    const old = asset('dnote/dnote/cli', { tag: 'v0.4.8', os: 'linux', arch: 'amd64' });
    assert.equal(old.asset, 'dnote_0.4.8_linux_amd64.tar.gz');
    assert.equal(old.checksum, undefined);
  });

  it('renders if/else in a file src template', () => {
    assert.deepEqual(asset('yonahd/kor', { tag: 'v0.1.0', os: 'darwin', arch: 'arm64' }).files, [{ name: 'kor', src: 'kor-darwin-amd64' }]);
    assert.deepEqual(asset('yonahd/kor', { tag: 'v0.1.0', os: 'linux', arch: 'amd64' }).files, [{ name: 'kor', src: 'kor-linux-amd64' }]);
    assert.equal(asset('yonahd/kor', { tag: 'v0.6.1', os: 'darwin', arch: 'arm64' }).asset, 'kor_Darwin_arm64.tar.gz');
  });

  it('uses the package as written when it has no version_constraint', () => {
    const cost = asset('kubecost/kubectl-cost', { tag: 'v0.5.0', os: 'linux', arch: 'amd64' });
    assert.equal(cost.asset, 'kubectl-cost-linux-amd64.tar.gz');
    assert.equal(cost.format, 'tar.gz');
    const windows = asset('kubecost/kubectl-cost', { tag: 'v0.5.0', os: 'windows', arch: 'amd64' });
    assert.equal(windows.asset, 'kubectl-cost-windows-amd64.tar.gz');
    assert.deepEqual(windows.files, [{ name: 'kubectl-cost', src: 'kubectl-cost.exe' }]);
  });

  it('names the package and field for a package type it does not evaluate', () => {
    const result = resolve('hashicorp/terraform', { tag: 'v1.9.0', os: 'linux', arch: 'amd64' });
    assert.equal(result.kind, 'unsupported');
    assert.equal((result as { field: string }).field, 'type');
    assert.match((result as { reason: string }).reason, /^hashicorp\/terraform: package type "http"/);
  });

  it('asks for a required var instead of rendering a name with a hole', () => {
    const pkg = { ...excerptPackage('mvdan/sh'), version_constraint: undefined, asset: 'x-{{.Vars.go}}', vars: [{ name: 'go', required: true }] };
    const missing = resolveAquaAsset(pkg, { tag: 'v1.0.0', os: 'linux', arch: 'amd64' });
    assert.deepEqual(missing.kind, 'unsupported');
    assert.equal((missing as { field: string }).field, 'vars');
    const given = resolveAquaAsset(pkg, { tag: 'v1.0.0', os: 'linux', arch: 'amd64', vars: { go: '1.22' } });
    assert.equal((given as AquaAssetResult).asset, 'x-1.22');
  });
});
