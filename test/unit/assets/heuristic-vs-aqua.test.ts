// Pins scripts/heuristic-vs-aqua.ts: it renders aqua's assets for each package into one synthetic
// release, asks the heuristic for the four linux/darwin cells, and counts a cell as agreeing only
// when both pick the same asset or both pick none. Packages are made up, with impossible tags.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compare } from '../../../scripts/heuristic-vs-aqua.js';
import { parseRegistryYaml } from '../../../src/aqua/yaml-load.js';

const registry = `
packages:
  - type: github_release
    repo_owner: demo
    repo_name: demo
    asset: demo_{{.OS}}_{{.Arch}}.tar.gz
  - type: github_release
    repo_owner: demo
    repo_name: macdemo
    asset: macdemo.zip
    supported_envs:
      - darwin
  - type: http
    repo_owner: demo
    repo_name: webdemo
    url: https://example.invalid/webdemo-{{.Version}}.tar.gz
`;

test('counts agreeing cells, lists disagreements, and skips packages that are not github releases', () => {
  const result = compare(parseRegistryYaml(registry, 'inline.yaml'));
  assert.equal(result.packages, 2);
  assert.equal(result.skipped, 0);
  assert.equal(result.cells, 8);
  assert.equal(result.agreed, 6);
  assert.deepEqual(
    result.disagreements.map((d) => [d.pkg, d.cell, d.aqua, d.heuristic]),
    [
      ['demo/macdemo', 'darwin/amd64', 'macdemo.zip', null],
      ['demo/macdemo', 'darwin/arm64', 'macdemo.zip', null],
    ],
  );
});
