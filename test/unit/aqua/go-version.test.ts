// Pins aqua's semver() semantics: hashicorp/go-version parsing and ordering plus
// aqua's comma-separated constraint lists (pkg/expr/version_compare.go).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AquaEvalError } from '../../../src/aqua/errors.js';
import { compareGoVersions, parseGoVersion, satisfiesGoConstraint } from '../../../src/aqua/go-version.js';

function compare(a: string, b: string): number {
  return compareGoVersions(parseGoVersion(a)!, parseGoVersion(b)!);
}

describe('go-version', () => {
  it('accepts the loose versions go-version accepts and pads to three parts', () => {
    assert.deepEqual(parseGoVersion('v1.2'), { segments: [1, 2, 0], pre: '' });
    assert.deepEqual(parseGoVersion('1.2.3.4'), { segments: [1, 2, 3, 4], pre: '' });
    assert.deepEqual(parseGoVersion('1.0.0beta1'), { segments: [1, 0, 0], pre: 'beta1' });
    assert.deepEqual(parseGoVersion('1.32.3+k0s.0'), { segments: [1, 32, 3], pre: '' });
    assert.equal(parseGoVersion('jq-1.7'), undefined);
    assert.equal(parseGoVersion('latest'), undefined);
  });

  it('orders releases after their prereleases and numbers before words', () => {
    assert.equal(compare('1.0.0-rc.1', '1.0.0'), -1);
    assert.equal(compare('1.0.0-alpha', '1.0.0-beta'), -1);
    assert.equal(compare('1.0.0-rc.2', '1.0.0-rc.10'), -1);
    assert.equal(compare('1.0.0-1', '1.0.0-alpha'), -1);
    assert.equal(compare('v1.10.0', '1.9.9'), 1);
    assert.equal(compare('1.2', '1.2.0.0'), 0);
    assert.equal(compare('1.0.0+a', '1.0.0+b'), 0);
  });

  it('requires every comma-separated part of a constraint', () => {
    assert.equal(satisfiesGoConstraint('>= 2.0.0, < 3', 'v2.5.0'), true);
    assert.equal(satisfiesGoConstraint('>= 2.0.0, < 3', 'v3.0.0'), false);
    assert.equal(satisfiesGoConstraint('<=1.0.0', '1.0.0'), true);
    assert.equal(satisfiesGoConstraint('!= 1.0.0', '1.0.1'), true);
    assert.equal(satisfiesGoConstraint('= 1.0', 'v1.0.0'), true);
  });

  it('compares prereleases inside ranges, unlike npm semver', () => {
    assert.equal(satisfiesGoConstraint('<= 1.0.0-beta', 'v1.0.0-alpha'), true);
    assert.equal(satisfiesGoConstraint('<= 2.0.0', '2.0.0-rc.1'), true);
    assert.equal(satisfiesGoConstraint('>= 7.5.0-preview.1, <= 7.5.1', 'v7.5.0-preview.3'), true);
  });

  it('is false for tags that are not versions and for commit hashes', () => {
    assert.equal(satisfiesGoConstraint('>= 0.0.0', 'nightly'), false);
    assert.equal(satisfiesGoConstraint('>= 0.0.0', 'a'.repeat(40)), false);
  });

  it('fails like aqua when a constraint part has no operator', () => {
    assert.throws(() => satisfiesGoConstraint('1.2.3', 'v1.2.3'), AquaEvalError);
  });
});
