// Pins the asset-name vocabulary: how names split into words, which words name which
// platform, and which assets are never programs (checksums, signatures, packages, sources).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nonBinaryKind } from '../../../src/assets/non-binary.js';
import { readTraits, splitWords, toolWordsOf } from '../../../src/assets/tokens.js';

const none = new Set<string>();

test('words split on separators, with x86_64, 32-bit and mac-os joined and versions folded', () => {
  assert.deepEqual(splitWords('shellcheck-v0.11.0.linux.x86_64'), ['shellcheck', '#ver', 'linux', 'x86_64']);
  assert.deepEqual(splitWords('lazygit_0.52.0_Linux_32-bit'), ['lazygit', '#ver', 'linux', '32bit']);
  assert.deepEqual(splitWords('stripe_1.37.2_mac-os_arm64'), ['stripe', '#ver', 'macos', 'arm64']);
  assert.deepEqual(splitWords('dockerc_x86-64'), ['dockerc', 'x86_64']);
});

test('Rust triples, Go pairs and compound words give os, arch and libc', () => {
  assert.deepEqual(
    [readTraits('ripgrep-14.1.1-x86_64-unknown-linux-musl', false, none)].map((t) => [t.os, t.arch, t.libc, t.static]),
    [['linux', 'x64', 'musl', true]],
  );
  const apple = readTraits('fd-v10.2.0-aarch64-apple-darwin', false, none);
  assert.deepEqual([apple.os, apple.arch], ['darwin', 'arm64']);
  const msvc = readTraits('delta-0.18.2-x86_64-pc-windows-msvc', false, none);
  assert.deepEqual([msvc.os, msvc.arch, msvc.libc], ['windows', 'x64', 'msvc']);
  const linux64 = readTraits('jq-linux64', false, none);
  assert.deepEqual([linux64.os, linux64.arch, linux64.archImplied], ['linux', 'x64', true]);
  const musllinux = readTraits('yt-dlp_musllinux_aarch64', false, none);
  assert.deepEqual([musllinux.os, musllinux.arch, musllinux.libc], ['linux', 'arm64', 'musl']);
  assert.equal(readTraits('yt-dlp_macos', false, none).arch, undefined);
  assert.equal(readTraits('tool_macos_universal2', false, none).arch, 'universal');
  assert.equal(readTraits('yt-dlp', true, none).os, 'windows');
});

test('32-bit, arm and foreign platforms are marked, even behind a good word', () => {
  assert.equal(readTraits('gitleaks_8.21.2_linux_x32', false, none).otherArch, 'x32');
  assert.equal(readTraits('fzf-0.54.0-linux_armv7', false, none).otherArch, 'armv7');
  assert.equal(readTraits('nvim-win32', false, none).otherArch, 'a 32-bit name');
  assert.equal(readTraits('oxfmt-win32-x64', false, none).arch, 'x64');
  assert.equal(readTraits('zoxide-0.9.8-aarch64-linux-android', false, none).otherOs, 'android');
  assert.equal(readTraits('bottom_x86_64-unknown-freebsd-14.3', false, none).otherOs, 'freebsd');
});

test('tool-name words are neutral; other words are extras, some of them bad', () => {
  const tools = toolWordsOf('ast-grep/ast-grep');
  assert.deepEqual([...tools], ['ast', 'grep']);
  const bun = readTraits('bun-linux-x64-musl-baseline-profile', false, toolWordsOf('bun'));
  assert.deepEqual([bun.extras, bun.bad], [['baseline'], ['profile']]);
  assert.equal(readTraits('gh_2.63.0_linux_amd64', false, none).lead, 'gh');
});

test('checksums, signatures, packages, sources and metadata are never programs', () => {
  const cases: [string, string | undefined][] = [
    ['SHA2-256SUMS', 'checksum'], ['SHASUMS256.txt', 'checksum'], ['checksums_hashes_order', 'checksum'],
    ['sha256.sum', 'checksum'], ['fd-v10.2.0-x86_64-unknown-linux-gnu.tar.gz.sha256', 'checksum'], ['micro.tgz.sha', 'checksum'],
    ['checksums.txt.keyless.sig', 'checksum'], ['caddy_2.8.4_linux_amd64.sbom.pem', 'signature'], ['age.tar.gz.proof', 'signature'],
    ['sops-v3.9.2.intoto.jsonl', 'signature'], ['k9s_Linux_amd64.tar.gz.sbom.json', 'signature'], ['app.cdx.json', 'signature'], ['minisign.pub', 'signature'],
    ['gh_2.63.0_windows_amd64.msi', 'package'], ['helix-24.07-x86_64.AppImage', 'package'], ['glow_2.0.0_x86_64.apk', 'package'],
    ['Source code (zip)', 'source'], ['deno_src.tar.gz', 'source'], ['source.tar.gz', 'source'],
    ['atuin-installer.sh', 'metadata'], ['lib.deno.d.ts', 'metadata'], ['bottom.desktop', 'metadata'], ['tool.1', 'metadata'],
    ['direnv.linux-amd64', undefined], ['tool-v1.1', undefined], ['jq-windows-amd64.exe', undefined],
  ];
  for (const [name, kind] of cases) assert.equal(nonBinaryKind(name), kind, name);
});

test('distribution names used as the OS: ubuntu, debian and centos are glibc Linux, and OS words keep glued release numbers', () => {
  const ubuntu = readTraits('kubescape-ubuntu-latest', false, toolWordsOf('kubescape'));
  assert.deepEqual([ubuntu.os, ubuntu.libc, ubuntu.extras], ['linux', 'gnu', []]);
  const wabt = readTraits('wabt-1.0.36-ubuntu-20.04', false, toolWordsOf('wabt'));
  assert.deepEqual([wabt.os, wabt.extras], ['linux', []]);
  assert.equal(readTraits('demo-debian12-amd64', false, none).os, 'linux');
  assert.equal(readTraits('demo-centos7-x86_64', false, none).libc, 'gnu');
  const mac = readTraits('wabt-1.0.36-macos-14', false, toolWordsOf('wabt'));
  assert.deepEqual([mac.os, mac.extras], ['darwin', []]);
  assert.equal(readTraits('clang+llvm-18.1.8-arm64-apple-macos11', false, none).os, 'darwin');
  assert.equal(readTraits('ttyd.win10', true, none).os, 'windows');
  const pnpm = readTraits('pnpm-linuxstatic-x64', false, toolWordsOf('pnpm'));
  assert.deepEqual([pnpm.os, pnpm.arch, pnpm.static], ['linux', 'x64', true]);
  assert.equal(readTraits('upx-4.2.4-dos', false, none).otherOs, 'dos');
});

test('release tags that are not versions add no words: nightly, dates, build numbers and commit hashes', () => {
  assert.deepEqual(readTraits('foundry_nightly_linux_amd64', false, toolWordsOf('foundry')).extras, []);
  assert.deepEqual(readTraits('demo-2024-12-09-x86_64-linux', false, toolWordsOf('demo')).extras, []);
  assert.deepEqual(readTraits('demo-20241209-linux-x64', false, toolWordsOf('demo')).extras, []);
  assert.deepEqual(readTraits('demo-nightly-3f2a9c1-linux-x64', false, toolWordsOf('demo')).extras, []);
  // Short numbers still count: bottom's "gnu-2-17" build is a glibc 2.17 variant, not the default.
  assert.deepEqual(readTraits('bottom_x86_64-unknown-linux-gnu-2-17', false, toolWordsOf('bottom')).extras, ['2', '17']);
  // A bare bitness is a CPU, not a build number.
  assert.equal(readTraits('demo-linux-64', false, none).arch, 'x64');
  assert.equal(readTraits('demo-linux-32', false, none).otherArch, 'a 32-bit name');
});

test('an asset named after the project itself is classified by the rest of its name (sbom-tool, checksums-tool, src-cli)', () => {
  assert.equal(nonBinaryKind('sbom-tool-linux-x64', toolWordsOf('microsoft/sbom-tool')), undefined);
  const checksums = toolWordsOf('checksums-tool');
  assert.equal(nonBinaryKind('checksums-tool_9.99.1_linux_amd64.tar.gz', checksums), undefined);
  assert.equal(nonBinaryKind('checksums-tool_9.99.1_checksums.txt', checksums), 'checksum');
  assert.equal(nonBinaryKind('checksums-tool_9.99.1_linux_amd64.tar.gz'), 'checksum');
  assert.equal(nonBinaryKind('src_linux_amd64', toolWordsOf('sourcegraph/src-cli')), undefined);
  assert.equal(nonBinaryKind('src_linux_amd64'), 'source');
  assert.equal(nonBinaryKind('demo-src-9.99.1.tar.gz', toolWordsOf('src-cli')), 'source');
  assert.equal(nonBinaryKind('kubescape-ubuntu-latest-sha256', toolWordsOf('kubescape')), 'checksum');
});

test('a tool name that looks like a platform word is the program name where it leads the asset name (wasm-tools, ios-deploy)', () => {
  const wasm = readTraits('wasm-tools-1.0.0-x86_64-linux', false, toolWordsOf('bytecodealliance/wasm-tools'));
  assert.deepEqual([wasm.os, wasm.arch, wasm.otherArch], ['linux', 'x64', undefined]);
  assert.equal(readTraits('demo-wasm-linux', false, toolWordsOf('demo')).otherArch, 'wasm');
  assert.equal(readTraits('ios-deploy-darwin-arm64', false, toolWordsOf('ios-deploy')).otherOs, undefined);
});

test('"arm" on macOS is Apple Silicon; on Linux it stays 32-bit', () => {
  const mac = readTraits('bob-macos-arm', false, toolWordsOf('bob'));
  assert.deepEqual([mac.os, mac.arch, mac.otherArch], ['darwin', 'arm64', undefined]);
  assert.equal(readTraits('bob-linux-arm', false, toolWordsOf('bob')).otherArch, 'arm');
});
