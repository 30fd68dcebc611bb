// Pins the aqua index: aqua's naming (name, else owner/repo; first duplicate wins),
// case-insensitive lookups, and candidates instead of guesses for shared names.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildAquaIndex, lookupAqua } from '../../../src/aqua/index-build.js';
import type { AquaPackage } from '../../../src/aqua/types.js';
import { excerpt } from './excerpt.js';

const index = buildAquaIndex(excerpt());

function found(query: string): string | undefined {
  const result = lookupAqua(index, query);
  return result.kind === 'found' ? `${result.name} via ${result.via}` : undefined;
}

describe('buildAquaIndex and lookupAqua', () => {
  it('finds packages by full name, case-insensitively', () => {
    assert.equal(found('cli/cli'), 'cli/cli via name');
    assert.equal(found('burntsushi/RIPGREP'), 'BurntSushi/ripgrep via name');
    assert.equal(found('grafana/mimir/mimirtool'), 'grafana/mimir/mimirtool via name');
  });

  it('finds a package by repository when its name differs', () => {
    assert.equal(found('dnote/dnote'), 'dnote/dnote/cli via repo');
  });

  it('finds packages by short name and by executable', () => {
    assert.equal(found('ripgrep'), 'BurntSushi/ripgrep via short-name');
    assert.equal(found('mimirtool'), 'grafana/mimir/mimirtool via short-name');
    assert.equal(found('rg'), 'BurntSushi/ripgrep via executable');
    assert.equal(found('gh'), 'cli/cli via executable');
    assert.equal(found('shfmt'), 'mvdan/sh via executable');
    assert.equal(found('xrep'), 'BurntSushi/ripgrep via executable');
  });

  it('indexes the files an entry inherits, not the default name, when an override lists none', () => {
    assert.deepEqual(index.byExecutable['shfmt'], ['mvdan/sh']);
    assert.equal(Object.hasOwn(index.byExecutable, 'sh'), false);
  });

  it('lists the candidates when a short name or executable is shared', () => {
    const extra: AquaPackage[] = [
      { type: 'github_release', repo_owner: 'a', repo_name: 'tool' },
      { type: 'github_release', repo_owner: 'b', repo_name: 'tool', aliases: [{ name: 'b/old-tool' }] },
    ];
    const shared = buildAquaIndex([...excerpt(), ...extra]);
    assert.deepEqual(lookupAqua(shared, 'tool'), { kind: 'ambiguous', query: 'tool', candidates: ['a/tool', 'b/tool'] });
    assert.deepEqual(shared.ambiguousShortNames['tool'], ['a/tool', 'b/tool']);
    const alias = lookupAqua(shared, 'B/OLD-TOOL');
    assert.equal(alias.kind === 'found' && `${alias.name} via ${alias.via}`, 'b/tool via alias');
  });

  it('keeps the first of two packages with the same name, as aqua does', () => {
    const twice = buildAquaIndex([
      { type: 'github_release', repo_owner: 'o', repo_name: 'r', asset: 'first' },
      { type: 'github_release', repo_owner: 'O', repo_name: 'R', asset: 'second' },
    ]);
    assert.deepEqual(Object.keys(twice.packages), ['o/r']);
    assert.equal(twice.packages['o/r']!.asset, 'first');
  });

  it('says missing for an unknown name', () => {
    assert.deepEqual(lookupAqua(index, 'no-such-tool-9.99.1'), { kind: 'missing', query: 'no-such-tool-9.99.1' });
    assert.equal(lookupAqua(index, '__proto__').kind, 'missing');
  });

  it('survives a JSON round trip unchanged', () => {
    const copy = JSON.parse(JSON.stringify(index)) as typeof index;
    assert.equal(copy.indexVersion, 1);
    assert.deepEqual(lookupAqua(copy, 'rg'), lookupAqua(index, 'rg'));
    assert.deepEqual(copy.packages, JSON.parse(JSON.stringify(index.packages)));
  });
});
