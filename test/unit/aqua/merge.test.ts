// Pins aqua's field-by-field merge rules for version overrides and platform
// overrides (pkg/config/registry: overrideVersion, OverrideByRuntime).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPlatformOverride, applyVersionOverride } from '../../../src/aqua/merge.js';
import type { AquaPackage } from '../../../src/aqua/types.js';

const base: AquaPackage = {
  type: 'github_release', repo_owner: 'o', repo_name: 'r', asset: 'a-{{.OS}}', format: 'tar.gz',
  replacements: { amd64: 'x86_64', darwin: 'macOS' }, files: [{ name: 'r' }], version_prefix: 'cli-',
};

describe('applyVersionOverride', () => {
  it('replaces replacements and files wholesale, even with empty values', () => {
    const pkg = applyVersionOverride(base, { version_constraint: 'true', replacements: { arm64: 'aarch64' }, files: [] });
    assert.deepEqual(pkg.replacements, { arm64: 'aarch64' });
    assert.deepEqual(pkg.files, []);
  });

  it('ignores empty strings but honours an explicit empty version_prefix', () => {
    const pkg = applyVersionOverride(base, { version_constraint: 'true', asset: '', version_prefix: '' });
    assert.equal(pkg.asset, 'a-{{.OS}}');
    assert.equal(pkg.version_prefix, '');
  });

  it('clears the fields a new type cannot use', () => {
    const pkg = applyVersionOverride({ ...base, url: 'https://example.invalid/x' }, { version_constraint: 'true', type: 'http' });
    assert.equal(pkg.type, 'http');
    assert.equal(pkg.asset, undefined);
    assert.equal(pkg.url, 'https://example.invalid/x');
  });
});

describe('applyPlatformOverride', () => {
  it('merges replacements key by key, the override winning', () => {
    const pkg = applyPlatformOverride(base, undefined, { goos: 'linux', replacements: { linux: 'unknown-linux-musl', amd64: 'x64' } });
    assert.deepEqual(pkg.replacements, { amd64: 'x64', darwin: 'macOS', linux: 'unknown-linux-musl' });
  });

  it('applies the format override first and lets the platform override win', () => {
    assert.equal(applyPlatformOverride(base, 'zip', undefined).format, 'zip');
    assert.equal(applyPlatformOverride(base, 'zip', { goos: 'windows', format: 'raw' }).format, 'raw');
  });
});
