// Tests src/registry/validate.ts. Lives under test/unit/app/ only because this
// helper's brief did not own test/unit/registry/; move it there unchanged
// (same depth, so the imports stay valid).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { validateRegistryEntry } from '../../../src/registry/validate.js';

const file = '/pkg/registry/hello.json';

function valid(): Record<string, unknown> {
  return {
    $schema: './schema.json',
    repo: 'example/hello',
    description: 'Says hello',
    homepage: 'https://example.invalid/hello',
    bins: [{ name: 'hello' }, { name: 'hello-helper', path: 'hello-{version}/bin/*' }],
    assets: { 'linux-x64': 'hello-{version}-linux-x64.tar.gz', 'linux-x64-musl': 'hello-musl.tar.gz', 'darwin-arm64': 'hello-mac.zip' },
    format: 'tar.gz',
    versionOrder: 'semver',
    tagPrefix: 'hello-',
    checksum: { file: 'SHA256SUMS', ofBinary: true },
    versionCommand: { args: ['--version'], pattern: '^hello (\\S+)' },
    selfUpdate: { args: ['self-update'], method: 'rename-over' },
  };
}

function assertBad(json: unknown, field: string): void {
  assert.throws(
    () => validateRegistryEntry(json, file, 'hello'),
    (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_REGISTRY'), `expected TOOL_BAD_REGISTRY, got ${String(error)}`);
      assert.ok(error.message.includes(file), `${error.message} should name the file`);
      assert.ok(error.message.includes(`"${field}"`), `${error.message} should name the field ${field}`);
      return true;
    },
    field,
  );
}

function without(key: string): Record<string, unknown> {
  const json = valid();
  delete json[key];
  return json;
}

describe('validateRegistryEntry', () => {
  it('returns the entry for valid JSON, named after the file', () => {
    const entry = validateRegistryEntry(valid(), file, 'hello');
    assert.deepEqual(entry, {
      name: 'hello',
      repo: 'example/hello',
      description: 'Says hello',
      homepage: 'https://example.invalid/hello',
      bins: [{ name: 'hello' }, { name: 'hello-helper', path: 'hello-{version}/bin/*' }],
      assets: { 'linux-x64': 'hello-{version}-linux-x64.tar.gz', 'linux-x64-musl': 'hello-musl.tar.gz', 'darwin-arm64': 'hello-mac.zip' },
      format: 'tar.gz',
      versionOrder: 'semver',
      tagPrefix: 'hello-',
      checksum: { file: 'SHA256SUMS', ofBinary: true },
      versionCommand: { args: ['--version'], pattern: '^hello (\\S+)' },
      selfUpdate: { args: ['self-update'], method: 'rename-over' },
    });
  });

  it('accepts a minimal entry', () => {
    const json = { repo: 'example/hello', description: 'Says hello', bins: [{ name: 'hello' }], versionOrder: 'calver' };
    assert.deepEqual(validateRegistryEntry(json, file, 'hello'), { name: 'hello', ...json });
  });

  it('accepts a name field equal to the file name and rejects another', () => {
    assert.equal(validateRegistryEntry({ ...valid(), name: 'hello' }, file, 'hello').name, 'hello');
    assertBad({ ...valid(), name: 'other' }, 'name');
  });

  it('rejects JSON that is not an object', () => {
    assertBad([], '(top level)');
    assertBad(null, '(top level)');
  });

  it('rejects a missing or malformed repo', () => {
    assertBad(without('repo'), 'repo');
    assertBad({ ...valid(), repo: 'hello' }, 'repo');
    assertBad({ ...valid(), repo: 'a/b/c' }, 'repo');
  });

  it('rejects an unknown top-level field', () => {
    assertBad({ ...valid(), binaries: ['hello'] }, 'binaries');
  });

  it('rejects a missing description', () => {
    assertBad(without('description'), 'description');
  });

  it('rejects an asset key that is not a platform', () => {
    assertBad({ ...valid(), assets: { 'linux-amd64': 'hello.tar.gz' } }, 'assets.linux-amd64');
    assertBad({ ...valid(), assets: { 'linux-x64': '' } }, 'assets.linux-x64');
  });

  it('rejects empty or malformed bins', () => {
    assertBad({ ...valid(), bins: [] }, 'bins');
    assertBad(without('bins'), 'bins');
    assertBad({ ...valid(), bins: [{ name: '../hello' }] }, 'bins[0].name');
    assertBad({ ...valid(), bins: [{ name: 'hello' }, 'hello2'] }, 'bins[1]');
    assertBad({ ...valid(), bins: [{ name: 'hello', path: '' }] }, 'bins[0].path');
  });

  it('rejects a missing or unknown versionOrder', () => {
    assertBad({ ...valid(), versionOrder: 'date' }, 'versionOrder');
    assertBad(without('versionOrder'), 'versionOrder');
  });

  it('rejects an unknown format', () => {
    assertBad({ ...valid(), format: 'rar' }, 'format');
  });

  it('rejects an unknown selfUpdate.method and non-string args', () => {
    assertBad({ ...valid(), selfUpdate: { args: ['-U'], method: 'overwrite' } }, 'selfUpdate.method');
    assertBad({ ...valid(), selfUpdate: { args: '-U', method: 'in-place' } }, 'selfUpdate.args');
  });

  it('rejects an invalid versionCommand.pattern and missing args', () => {
    assertBad({ ...valid(), versionCommand: { args: ['--version'], pattern: '(' } }, 'versionCommand.pattern');
    assertBad({ ...valid(), versionCommand: { pattern: '(\\S+)' } }, 'versionCommand.args');
  });

  it('rejects a non-boolean checksum.ofBinary', () => {
    assertBad({ ...valid(), checksum: { file: 'SHA256SUMS', ofBinary: 'yes' } }, 'checksum.ofBinary');
  });

  it('puts the fix in the hint', () => {
    assert.throws(
      () => validateRegistryEntry(without('repo'), file, 'hello'),
      (error: unknown) => isToolError(error) && error.hint !== undefined && error.hint.includes('registry/README.md'),
    );
  });
});
