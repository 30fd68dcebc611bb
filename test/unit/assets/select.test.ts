// Pins selectAsset's contract: registry rules (most specific key, placeholders, fallback),
// the --asset glob, the one-line no-match error, Rosetta fallback, libc preference and
// determinism. Asset names are small made-up releases of an impossible version 9.99.1.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectAsset, type AssetLike } from '../../../src/assets/select.js';
import { isToolError, ToolError } from '../../../src/core/errors.js';
import type { Platform } from '../../../src/core/platform.js';

const linuxGnu: Platform = { os: 'linux', arch: 'x64', libc: 'gnu' };
const linuxMusl: Platform = { os: 'linux', arch: 'x64', libc: 'musl' };
const linuxArm: Platform = { os: 'linux', arch: 'arm64', libc: 'gnu' };
const macArm: Platform = { os: 'darwin', arch: 'arm64' };
const windows: Platform = { os: 'windows', arch: 'x64' };

const named = (...names: string[]): AssetLike[] => names.map((name) => ({ name }));
const pick = (names: string[], platform: Platform, options = {}): string => selectAsset(named(...names), platform, options).asset.name;

function expectNoMatch(run: () => unknown): ToolError {
  try {
    run();
  } catch (error) {
    assert.ok(isToolError(error, 'TOOL_NO_MATCHING_ASSET'), `unexpected error: ${String(error)}`);
    return error;
  }
  assert.fail('expected TOOL_NO_MATCHING_ASSET');
}

const rustRelease = [
  'demo-9.99.1-x86_64-unknown-linux-gnu.tar.gz',
  'demo-9.99.1-x86_64-unknown-linux-musl.tar.gz',
  'demo-9.99.1-x86_64-unknown-linux-musl.tar.gz.sha256',
  'demo-9.99.1-aarch64-unknown-linux-gnu.tar.gz',
  'demo-9.99.1-x86_64-apple-darwin.tar.gz',
  'demo-9.99.1-x86_64-pc-windows-msvc.zip',
  'demo_9.99.1_amd64.deb',
];

describe('registry rules', () => {
  test('the most specific key wins: linux-x64-musl before linux-x64', () => {
    const rules = { 'linux-x64': 'demo-{version}-x86_64-unknown-linux-gnu.tar.gz', 'linux-x64-musl': 'demo-{version}-x86_64-unknown-linux-musl.tar.gz' };
    const choice = selectAsset(named(...rustRelease), linuxMusl, { rules, version: 'v9.99.1' });
    assert.equal(choice.asset.name, 'demo-9.99.1-x86_64-unknown-linux-musl.tar.gz');
    assert.equal(choice.reason, 'registry rule linux-x64-musl: demo-{version}-x86_64-unknown-linux-musl.tar.gz');
  });

  test('a gnu system uses the plain os-arch key when no libc key exists', () => {
    const rules = { 'linux-x64': 'demo-{version}-x86_64-unknown-linux-musl.tar.gz' };
    assert.equal(pick(rustRelease, linuxGnu, { rules, version: '9.99.1' }), 'demo-9.99.1-x86_64-unknown-linux-musl.tar.gz');
  });

  test('{version} drops a leading v, {tag} is used as is, and * is a wildcard', () => {
    const assets = ['demo-v9.99.1-linux.tar.gz', 'demo-9.99.1-linux-x64.tar.gz', 'other-9.99.1-linux-x64.tar.gz'];
    assert.equal(pick(assets, linuxGnu, { rules: { 'linux-x64': 'demo-{tag}-linux.tar.gz' }, tag: 'v9.99.1' }), 'demo-v9.99.1-linux.tar.gz');
    assert.equal(pick(assets, linuxGnu, { rules: { 'linux-x64': 'd*-{version}-linux-x64.tar.gz' }, version: 'v9.99.1' }), 'demo-9.99.1-linux-x64.tar.gz');
  });

  test('without a version, {version} comes from the tag after its prefix', () => {
    const assets = ['bun-linux-x64.zip', 'tool-9.99.1-linux-x64.zip'];
    assert.equal(pick(assets, linuxGnu, { rules: { 'linux-x64': 'tool-{version}-linux-x64.zip' }, tag: 'tool-v9.99.1' }), 'tool-9.99.1-linux-x64.zip');
  });

  test('a rule matching several assets prefers by the heuristic, and never a checksum', () => {
    const rules = { 'linux-x64': 'demo-{version}-x86_64-unknown-linux-*' };
    assert.equal(pick(rustRelease, linuxGnu, { rules, version: '9.99.1' }), 'demo-9.99.1-x86_64-unknown-linux-gnu.tar.gz');
    assert.equal(pick(rustRelease, linuxMusl, { rules, version: '9.99.1' }), 'demo-9.99.1-x86_64-unknown-linux-musl.tar.gz');
  });

  test('a rule that matches nothing falls back to the heuristic and says so', () => {
    const rules = { 'linux-x64': 'demo-{version}-linux-amd64.tar.gz' };
    const choice = selectAsset(named(...rustRelease), linuxGnu, { rules, version: '9.99.1' });
    assert.equal(choice.asset.name, 'demo-9.99.1-x86_64-unknown-linux-gnu.tar.gz');
    assert.match(choice.reason, /^registry rule linux-x64 \(demo-9\.99\.1-linux-amd64\.tar\.gz\) matched no asset; matches linux, x64, gnu/);
  });

  test('rule names are case-sensitive, like GitHub asset names', () => {
    const choice = selectAsset(named('Demo-Linux-x64.zip'), linuxGnu, { rules: { 'linux-x64': 'demo-linux-x64.zip' } });
    assert.match(choice.reason, /matched no asset/);
  });
});

describe('--asset glob', () => {
  test('overrides rules and the heuristic, ignores case, and knows ? and *', () => {
    const rules = { 'linux-x64': 'demo-{version}-x86_64-unknown-linux-gnu.tar.gz' };
    const choice = selectAsset(named(...rustRelease), linuxGnu, { rules, version: '9.99.1', glob: '*AARCH64-unknown-linux-gn?.tar.gz' });
    assert.equal(choice.asset.name, 'demo-9.99.1-aarch64-unknown-linux-gnu.tar.gz');
    assert.match(choice.reason, /^--asset '\*AARCH64-unknown-linux-gn\?\.tar\.gz': does not look like it fits/);
  });

  test('prefers the program over its checksum when both match', () => {
    assert.equal(pick(rustRelease, linuxGnu, { glob: '*musl*' }), 'demo-9.99.1-x86_64-unknown-linux-musl.tar.gz');
  });

  test('a glob that matches nothing is an error naming the glob', () => {
    const error = expectNoMatch(() => selectAsset(named(...rustRelease), linuxGnu, { glob: '*riscv*', toolName: 'demo' }));
    assert.match(error.message, /^--asset '\*riscv\*' matches no asset; no release asset of demo fits linux-x64-gnu/);
  });
});

describe('no matching asset', () => {
  test('lists the candidate names but not checksums or packages, with an --asset hint, on one line', () => {
    const error = expectNoMatch(() => selectAsset(named(...rustRelease), { os: 'darwin', arch: 'x64' }, { toolName: 'demo', glob: 'nope' }));
    assert.doesNotMatch(error.message, /\.sha256|\.deb/);
    const onWindows = expectNoMatch(() =>
      selectAsset(named('demo-linux-amd64.tar.gz', 'demo-linux-amd64.tar.gz.sig', 'checksums.txt', 'demo.AppImage'), windows, { toolName: 'demo' }),
    );
    assert.equal(onWindows.message, 'no release asset of demo fits windows-x64 (candidates: demo-linux-amd64.tar.gz)');
    assert.equal(onWindows.hint, "Choose one with `tool add demo --asset '<glob>'` (* and ? are wildcards)");
    assert.doesNotMatch(onWindows.toLine(), /\n/);
  });

  test('caps the list at 12 names and says how many more there are', () => {
    const many = Array.from({ length: 20 }, (_, i) => `demo-${String(i).padStart(2, '0')}-freebsd-amd64.tar.gz`);
    const error = expectNoMatch(() => selectAsset(named(...many), linuxGnu, { toolName: 'demo' }));
    assert.match(error.message, /demo-11-freebsd-amd64\.tar\.gz and 8 more\)$/);
    assert.doesNotMatch(error.message, /demo-12-/);
  });

  test('says when a release holds only checksums, signatures and packages', () => {
    const error = expectNoMatch(() => selectAsset(named('SHA256SUMS', 'demo_9.99.1_amd64.deb'), linuxGnu));
    assert.match(error.message, /no release asset of this tool fits linux-x64-gnu \(the release has only checksums/);
  });

  test('mentions a registry rule that matched nothing', () => {
    const error = expectNoMatch(() => selectAsset(named('demo-windows-x64.zip'), linuxGnu, { rules: { 'linux-x64': 'demo-linux.zip' } }));
    assert.match(error.message, /^registry rule linux-x64 \(demo-linux\.zip\) matched no asset; no release asset/);
  });
});

describe('heuristic', () => {
  test('darwin-arm64 falls back to an x64 build under Rosetta 2 when there is no arm64 or universal build', () => {
    const choice = selectAsset(named('demo-darwin-amd64.tar.gz', 'demo-linux-arm64.tar.gz'), macArm);
    assert.equal(choice.asset.name, 'demo-darwin-amd64.tar.gz');
    assert.equal(choice.rosetta, true);
    assert.match(choice.reason, /Rosetta 2/);
  });

  test('darwin-arm64 prefers native arm64, then universal, over Rosetta', () => {
    const assets = ['demo-darwin-amd64.tar.gz', 'demo-darwin-universal.tar.gz', 'demo-darwin-arm64.tar.gz'];
    assert.equal(pick(assets, macArm), 'demo-darwin-arm64.tar.gz');
    const universal = selectAsset(named(...assets.slice(0, 2)), macArm);
    assert.equal(universal.asset.name, 'demo-darwin-universal.tar.gz');
    assert.equal(universal.rosetta, false);
  });

  test('a musl system takes the musl build and never a gnu build when a musl one exists', () => {
    assert.equal(pick(rustRelease, linuxMusl), 'demo-9.99.1-x86_64-unknown-linux-musl.tar.gz');
    assert.equal(pick(['demo-linux-x86_64-gnu.tar.gz', 'demo-linux64-static.tar.gz'], linuxMusl), 'demo-linux64-static.tar.gz');
  });

  test('a gnu system takes the gnu build, and a musl build when that is all there is', () => {
    assert.equal(pick(rustRelease, linuxGnu), 'demo-9.99.1-x86_64-unknown-linux-gnu.tar.gz');
    assert.equal(pick(['demo-x86_64-unknown-linux-musl.tar.gz', 'demo-x86_64-apple-darwin.tar.gz'], linuxGnu), 'demo-x86_64-unknown-linux-musl.tar.gz');
  });

  test('a musl system takes a gnu build only when nothing else exists, and says so', () => {
    const choice = selectAsset(named('demo-x86_64-unknown-linux-gnu.zip'), linuxMusl);
    assert.match(choice.reason, /gnu on a musl system/);
  });

  test('an unmarked linux binary is assumed x64 but never chosen for arm64', () => {
    assert.equal(pick(['demo_linux', 'demo_linux_aarch64'], linuxGnu), 'demo_linux');
    assert.equal(pick(['demo_linux', 'demo_linux_aarch64'], linuxArm), 'demo_linux_aarch64');
    expectNoMatch(() => selectAsset(named('demo_linux'), linuxArm));
  });

  test('a raw binary beats an archive of it, and .exe counts only on Windows', () => {
    const assets = ['demo_linux_amd64', 'demo_linux_amd64.tar.gz', 'demo_windows_amd64.exe', 'demo_windows_amd64.zip'];
    assert.equal(pick(assets, linuxGnu), 'demo_linux_amd64');
    assert.equal(pick(assets, windows), 'demo_windows_amd64.exe');
    assert.equal(pick(['demo', 'demo.exe', 'demo_x86.exe', 'demo_macos'], windows), 'demo.exe');
    expectNoMatch(() => selectAsset(named('demo-linux-amd64.exe'), linuxGnu));
  });

  test('32-bit, arm and other-OS builds are never picked', () => {
    const assets = ['demo-linux-386.tar.gz', 'demo-linux-armv7.tar.gz', 'demo-freebsd-amd64.tar.gz', 'demo-x86_64-linux-android.tar.gz', 'demo-win32.zip'];
    expectNoMatch(() => selectAsset(named(...assets), linuxGnu));
    expectNoMatch(() => selectAsset(named(...assets), windows));
  });

  test('the tool name beats a sibling program and unexplained words lose', () => {
    const assets = ['denort-x86_64-unknown-linux-gnu.zip', 'deno-x86_64-unknown-linux-gnu.zip', 'deno-x86_64-unknown-linux-gnu-debug.zip'];
    assert.equal(pick(assets, linuxGnu, { toolName: 'denoland/deno' }), 'deno-x86_64-unknown-linux-gnu.zip');
    assert.equal(pick(['demo-no-web-linux-x64.tar.gz', 'demo-linux-x64.tar.gz'], linuxGnu, { toolName: 'demo' }), 'demo-linux-x64.tar.gz');
  });

  test('Windows prefers msvc over mingw and .zip over .tar.gz', () => {
    assert.equal(pick(['demo-x86_64-pc-windows-gnu.zip', 'demo-x86_64-pc-windows-msvc.zip'], windows), 'demo-x86_64-pc-windows-msvc.zip');
    assert.equal(pick(['demo-windows-x64.tar.gz', 'demo-windows-x64.zip'], windows), 'demo-windows-x64.zip');
  });
});

describe('determinism', () => {
  test('the same assets in any order give the same choice and runners-up; ties go by name', () => {
    const assets = ['b-linux-amd64.tar.gz', 'a-linux-amd64.tar.gz', 'c-linux-amd64.tar.gz', 'a-linux-amd64.tar.xz', 'a-linux-amd64.zip', 'd-linux-amd64.tar.gz', 'e-linux-amd64.tar.gz'];
    const first = selectAsset(named(...assets), linuxGnu);
    const second = selectAsset(named(...[...assets].reverse()), linuxGnu);
    assert.equal(first.asset.name, 'a-linux-amd64.tar.gz');
    assert.deepEqual(
      second.runnersUp.map((runner) => runner.asset.name),
      first.runnersUp.map((runner) => runner.asset.name),
    );
    assert.equal(first.runnersUp.length, 5);
    assert.ok(!first.runnersUp.some((runner) => runner.asset.name === first.asset.name));
  });

  test('returns the caller\'s own asset objects', () => {
    const assets = [{ name: 'demo-linux-amd64.tar.gz', id: 7 }];
    assert.equal(selectAsset(assets, linuxGnu).asset, assets[0]);
  });
});

describe('an asset named after the project itself', () => {
  test('a checksums-tool release installs its binary, not its checksums file, and names it among the candidates', () => {
    const assets = ['checksums-tool_9.99.1_linux_amd64.tar.gz', 'checksums-tool_9.99.1_checksums.txt', 'checksums-tool_9.99.1_darwin_arm64.tar.gz'];
    assert.equal(pick(assets, linuxGnu, { toolName: 'checksums-tool' }), 'checksums-tool_9.99.1_linux_amd64.tar.gz');
    const error = expectNoMatch(() => selectAsset(named(...assets), windows, { toolName: 'checksums-tool' }));
    assert.match(error.message, /candidates: checksums-tool_9\.99\.1_darwin_arm64\.tar\.gz, checksums-tool_9\.99\.1_linux_amd64\.tar\.gz\)$/);
  });
});
