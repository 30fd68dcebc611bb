// Pins platform detection: TOOL_OS / TOOL_ARCH / TOOL_LIBC overrides with their aliases, and
// that a bad value is a TOOL_BAD_SETTING error naming the variable and the allowed values.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ExitCode, isToolError } from '../../../src/core/errors.js';
import { detectLibc, detectPlatform } from '../../../src/env/detect-platform.js';

test('overrides accept aliases: macos and amd64 give darwin-x64 without a libc', () => {
  assert.deepEqual(detectPlatform({ TOOL_OS: 'macos', TOOL_ARCH: 'amd64' }), { os: 'darwin', arch: 'x64' });
});

test('overrides accept x86_64, aarch64, glibc and any case', () => {
  assert.deepEqual(detectPlatform({ TOOL_OS: 'Linux', TOOL_ARCH: 'aarch64', TOOL_LIBC: 'glibc' }), { os: 'linux', arch: 'arm64', libc: 'gnu' });
  assert.deepEqual(detectPlatform({ TOOL_OS: 'linux', TOOL_ARCH: 'x86_64', TOOL_LIBC: 'MUSL' }), { os: 'linux', arch: 'x64', libc: 'musl' });
});

test('TOOL_LIBC means nothing off linux', () => {
  assert.deepEqual(detectPlatform({ TOOL_OS: 'windows', TOOL_ARCH: 'x64', TOOL_LIBC: 'musl' }), { os: 'windows', arch: 'x64' });
});

test('empty variables count as unset', () => {
  assert.deepEqual(detectPlatform({ TOOL_OS: '', TOOL_ARCH: ' ', TOOL_LIBC: '' }), detectPlatform({}));
});

test('without overrides the running machine is detected, with a libc on linux', () => {
  if (!['linux', 'darwin', 'win32'].includes(process.platform) || !['x64', 'arm64'].includes(process.arch)) return;
  const platform = detectPlatform({});
  assert.ok(['linux', 'darwin', 'windows'].includes(platform.os));
  assert.ok(['x64', 'arm64'].includes(platform.arch));
  assert.equal(platform.libc !== undefined, platform.os === 'linux');
  if (process.platform === 'linux') assert.equal(platform.libc, detectLibc());
});

for (const [name, value, allowed] of [
  ['TOOL_OS', 'freebsd', 'linux, darwin, macos, windows'],
  ['TOOL_ARCH', '386', 'x64, amd64, x86_64, arm64, aarch64'],
  ['TOOL_LIBC', 'uclibc', 'gnu, glibc, musl'],
] as const) {
  test(`a bad ${name} is a config error naming the variable and the allowed values`, () => {
    assert.throws(
      () => detectPlatform({ TOOL_OS: 'linux', TOOL_ARCH: 'x64', [name]: value }),
      (error: unknown) => {
        assert.ok(isToolError(error, 'TOOL_BAD_SETTING'));
        assert.equal(error.message, `${name}=${value} is not one of ${allowed}`);
        assert.equal(error.exitCode, ExitCode.config);
        return true;
      },
    );
  });
}
