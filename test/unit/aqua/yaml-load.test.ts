// Pins how registry YAML becomes AquaPackage values: go-yaml-like scalars, nil
// versus empty, aliases, and TOOL_BAD_REGISTRY errors that name the line.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { parseRegistryYaml } from '../../../src/aqua/yaml-load.js';
import { excerpt } from './excerpt.js';

function badRegistry(pattern: RegExp) {
  return (error: unknown) => isToolError(error, 'TOOL_BAD_REGISTRY') && pattern.test(error.message) && Boolean(error.hint);
}

describe('parseRegistryYaml', () => {
  it('reads every entry of the committed excerpt', () => {
    const packages = excerpt();
    assert.equal(packages.length, 15);
    const ripgrep = packages.find((pkg) => pkg.repo_name === 'ripgrep')!;
    assert.equal(ripgrep.type, 'github_release');
    assert.equal(ripgrep.version_constraint, 'false');
    assert.ok((ripgrep.version_overrides?.length ?? 0) > 5);
  });

  it('keeps numbers written in string fields as their text, like go-yaml', () => {
    const [pkg] = parseRegistryYaml('packages:\n  - type: github_release\n    repo_owner: o\n    repo_name: r\n    asset: "x"\n    replacements:\n      386: i386\n      amd64: 1.10\n', 't.yaml');
    assert.deepEqual(pkg!.replacements, { 386: 'i386', amd64: '1.10' });
  });

  it('tells an explicit empty version_prefix from an absent one', () => {
    const text = 'packages:\n  - type: github_release\n    repo_owner: o\n    repo_name: r\n    version_prefix: cli-\n    version_overrides:\n      - version_constraint: "true"\n        version_prefix: ""\n      - version_constraint: "true"\n        files:\n';
    const [pkg] = parseRegistryYaml(text, 't.yaml');
    assert.equal(pkg!.version_overrides![0]!.version_prefix, '');
    assert.equal('version_prefix' in pkg!.version_overrides![1]!, false);
    assert.equal('files' in pkg!.version_overrides![1]!, false);
  });

  it('resolves anchors and aliases as the registry uses them for shared file lists', () => {
    const text = 'packages:\n  - type: github_release\n    repo_owner: o\n    repo_name: r\n    files: &f\n      - name: a\n    overrides:\n      - goos: linux\n        files: *f\n';
    const [pkg] = parseRegistryYaml(text, 't.yaml');
    assert.deepEqual(pkg!.overrides![0]!.files, [{ name: 'a' }]);
  });

  it('names the file and line when the YAML does not parse', () => {
    assert.throws(() => parseRegistryYaml('packages:\n  - type: a\n    type: b\n', 'bad.yaml'), badRegistry(/^bad\.yaml line 3: /));
    assert.throws(() => parseRegistryYaml('packages: [\n', 'bad.yaml'), badRegistry(/^bad\.yaml line \d+: /));
  });

  it('names the line, package and field when an entry has the wrong shape', () => {
    const text = 'packages:\n  - type: a\n    repo_owner: o\n    repo_name: r\n  - type: github_release\n    repo_owner: o\n    repo_name: s\n    version_overrides:\n      - version_constraint: "true"\n        files: 3\n';
    assert.throws(() => parseRegistryYaml(text, 'bad.yaml'), badRegistry(/^bad\.yaml line 5 \(package o\/s\): field version_overrides\[0\]\.files must be a list/));
  });

  it('requires a top-level packages list', () => {
    assert.throws(() => parseRegistryYaml('pkgs: []\n', 'bad.yaml'), badRegistry(/packages/));
  });
});
