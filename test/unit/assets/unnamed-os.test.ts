// Pins what the heuristic does with assets whose names say no OS, one describe per class of
// miss found on real releases: an OS-less asset beside named siblings, a platform-independent
// bundle as the only candidate, and tools that ship for macOS only. Asset names copy the shape
// of the real releases named in each test, with the impossible version 9.99.1.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { selectAsset } from '../../../src/assets/select.js';
import { toolWordsOf } from '../../../src/assets/tokens.js';
import { claimUnnamed } from '../../../src/assets/unnamed-os.js';
import { isToolError } from '../../../src/core/errors.js';
import type { Platform } from '../../../src/core/platform.js';

const linux: Platform = { os: 'linux', arch: 'x64', libc: 'gnu' };
const linuxArm: Platform = { os: 'linux', arch: 'arm64', libc: 'gnu' };
const macIntel: Platform = { os: 'darwin', arch: 'x64' };
const macArm: Platform = { os: 'darwin', arch: 'arm64' };
const windows: Platform = { os: 'windows', arch: 'x64' };

/** The picked asset's name, or null when nothing fits. */
function pick(names: string[], platform: Platform, toolName = 'demo'): string | null {
  try {
    return selectAsset(names.map((name) => ({ name })), platform, { toolName }).asset.name;
  } catch (error) {
    if (isToolError(error, 'TOOL_NO_MATCHING_ASSET')) return null;
    throw error;
  }
}

describe('an asset that names no OS while its siblings name one', () => {
  test('is for the OS nobody else covers: demo.x86_64 beside demo.win32.exe is the Linux build (ttyd)', () => {
    const assets = ['demo.x86_64', 'demo.aarch64', 'demo.armhf', 'demo.win32.exe', 'SHA256SUMS'];
    assert.equal(pick(assets, linux), 'demo.x86_64');
    assert.equal(pick(assets, linuxArm), 'demo.aarch64');
    assert.equal(pick(assets, macArm), null);
    const reason = selectAsset(assets.map((name) => ({ name })), linux, { toolName: 'demo' }).reason;
    assert.match(reason, /^matches linux \(not named, but no other asset is a linux x64 build\), x64, raw binary$/);
  });

  test('is judged per CPU: demo-arm64.zip is Linux arm64 when demo-linux.zip is x64 and demo-macos.zip universal (fnm)', () => {
    const assets = ['demo-arm32.zip', 'demo-arm64.zip', 'demo-linux.zip', 'demo-macos.zip', 'demo-windows.zip'];
    assert.equal(pick(assets, linuxArm), 'demo-arm64.zip');
    assert.equal(pick(assets, linux), 'demo-linux.zip');
    assert.equal(pick(assets, macArm), 'demo-macos.zip');
  });

  test('a bare tool-name archive beside Linux builds is the macOS build (portable_swiftlint.zip, swiftformat.zip)', () => {
    assert.equal(pick(['portable_demo.zip', 'demo_linux.zip', 'Demo.pkg'], macArm), 'portable_demo.zip');
    const swift = ['demo.zip', 'demo_linux.zip', 'demo_linux_aarch64.zip', 'Demo.for.Xcode.app.zip', 'demo.artifactbundle.zip'];
    assert.equal(pick(swift, macIntel), 'demo.zip');
    assert.equal(pick(swift, linux), 'demo_linux.zip');
  });

  test('a release whose assets name CPUs but no OS at all is Linux, and its image bundles lose to the binary (k3s)', () => {
    const assets = ['demo', 'demo-arm64', 'demo-armhf', 'demo-airgap-images-amd64.tar.gz', 'demo-airgap-images-arm64.tar.gz', 'sha256sum-amd64.txt'];
    assert.equal(pick(assets, linux), 'demo');
    assert.equal(pick(assets, linuxArm), 'demo-arm64');
    assert.equal(pick(assets, macArm), null);
    assert.equal(pick(['demo.amd64', 'demo.arm64'], linuxArm), 'demo.arm64');
  });

  test('an archive of an .exe is the Windows build, not an unnamed one (kubetrim.exe.tgz)', () => {
    const assets = ['demo.tgz', 'demo.exe.tgz', 'demo-darwin-arm64.tgz'];
    assert.equal(pick(assets, linux), 'demo.tgz');
    assert.equal(pick(assets, windows), 'demo.exe.tgz');
  });

  test('source tarballs, READMEs and sibling programs that name no OS get no claim', () => {
    const names = ['demo-linux-amd64.tar.gz', 'demo-windows-amd64.zip', 'demo-9.99.1.tar.gz', 'README', 'demo-extras.zip', 'completions.tar.gz'];
    assert.deepEqual([...claimUnnamed(names, toolWordsOf('demo')).keys()], []);
    assert.equal(pick(names, macArm), null);
  });

  test('gets no claim when every OS is already covered (yt-dlp and yt-dlp.tar.gz beside yt-dlp_linux and yt-dlp_macos)', () => {
    const names = ['demo', 'demo.tar.gz', 'demo_linux', 'demo_linux_aarch64', 'demo_macos', 'demo.exe'];
    assert.deepEqual([...claimUnnamed(names, toolWordsOf('demo')).keys()], []);
    assert.equal(pick(names, linux), 'demo_linux');
  });
});

describe('a platform-independent bundle that is the only candidate', () => {
  test('a .jar is never picked, since a shim cannot exec it; a .pyz fits every Unix (checkstyle, bundletool, pre-commit)', () => {
    for (const platform of [linux, linuxArm, macIntel, macArm, windows]) {
      assert.equal(pick(['demo-9.99.1-all.jar'], platform), null);
    }
    assert.equal(pick(['demo-9.99.1.pyz'], macArm), 'demo-9.99.1.pyz');
    assert.equal(pick(['demo-9.99.1.pyz'], windows), null);
  });

  test('any native build wins over the bundle, even one that needs Rosetta 2 (google-java-format)', () => {
    const assets = ['demo-9.99.1-all-deps.jar', 'demo-linux-x86-64', 'demo-darwin-x86-64', 'demo-windows-x86-64.exe'];
    assert.equal(pick(assets, linux), 'demo-linux-x86-64');
    assert.equal(pick(assets, macArm), 'demo-darwin-x86-64');
    assert.equal(pick(assets, linuxArm), null);
  });

  test('a bare raw launcher fits Linux and macOS when no asset names an OS or CPU (ktlint)', () => {
    const assets = ['demo', 'demo.asc', 'demo.bat'];
    assert.equal(pick(assets, linuxArm), 'demo');
    assert.equal(pick(assets, macArm), 'demo');
    assert.equal(pick(assets, windows), null);
  });

});

describe('a tool that ships for macOS only', () => {
  test('refuses Linux, and an Intel Mac when only an arm64 build exists (mactop)', () => {
    const assets = ['demo_9.99.1_darwin_arm64.tar.gz'];
    assert.equal(pick(assets, macArm), 'demo_9.99.1_darwin_arm64.tar.gz');
    assert.equal(pick(assets, macIntel), null);
    assert.equal(pick(assets, linux), null);
  });

  test('"universal" alone names a macOS fat binary', () => {
    const assets = ['demo-universal.tar.gz', 'demo-linux-amd64.tar.gz'];
    assert.equal(pick(assets, macArm), 'demo-universal.tar.gz');
    assert.equal(pick(assets, linux), 'demo-linux-amd64.tar.gz');
  });

  test('is not guessed when no asset of the release says macOS (xcodes.zip): installing it on Linux would fail', () => {
    assert.equal(pick(['demo.zip'], linux), null);
    assert.equal(pick(['demo.zip'], macArm), null);
  });
});
