// Runs the evaluator over the WHOLE aqua standard registry (../shared/data/aqua-registry/
// registry.yaml at 4d86e12, outside this repository): it must parse, index, and resolve
// at least 95% of github_release packages to an asset on linux/amd64 without falling
// back to "unsupported". Skipped, with the reason, when that file is absent.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { bestMatches, buildShards, catalogEntry, shardOf } from '../../../src/registries/catalog.js';
import { resolveAquaAsset } from '../../../src/aqua/resolve.js';
import { sampleTag } from '../../../src/aqua/sample-tag.js';
import { parseRegistryYaml } from '../../../src/aqua/yaml-load.js';
import { FULL_REGISTRY_PATH } from './excerpt.js';

const present = existsSync(FULL_REGISTRY_PATH);
const skip = present ? false : `the full aqua registry is not at ${FULL_REGISTRY_PATH}`;

describe('the full aqua standard registry', () => {
  it('parses, indexes and resolves at least 95% of github_release packages on linux/amd64', { skip }, () => {
    const packages = parseRegistryYaml(readFileSync(FULL_REGISTRY_PATH, 'utf8'), 'registry.yaml');
    assert.equal(packages.length, 2278);
    const shards = buildShards(packages.map(catalogEntry));
    const find = (name: string) => bestMatches(shards.get(shardOf(name))?.[name], name).map(([i]) => packages[i]!.repo_name);
    assert.deepEqual(find('ripgrep'), ['ripgrep']);
    assert.deepEqual(find('fzf'), ['fzf']);
    assert.deepEqual(find('fzf-tmux'), ['fzf']);
    const releases = packages.filter((pkg) => pkg.type === 'github_release');
    const unsupported: string[] = [];
    let assets = 0;
    for (const pkg of releases) {
      const result = resolveAquaAsset(pkg, { tag: sampleTag(pkg), os: 'linux', arch: 'amd64' });
      if (result.kind === 'asset') assets++;
      if (result.kind === 'unsupported') unsupported.push(`${result.field}: ${result.reason}`);
    }
    const share = assets / releases.length;
    assert.ok(share >= 0.95, `only ${assets} of ${releases.length} resolve to an asset (${(share * 100).toFixed(1)}%)`);
    assert.ok(unsupported.length <= releases.length * 0.01, unsupported.join('\n'));
  });
});
