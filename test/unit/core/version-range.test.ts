import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isRange, satisfiesRange } from '../../../src/core/version-range.js';

describe('isRange', () => {
  it('accepts caret, tilde, comparator and x ranges', () => {
    for (const text of ['^14', '~1.7', '>=1.6 <2', '1.x', '*']) assert.equal(isRange(text), true, text);
  });

  it('rejects garbage', () => {
    for (const text of ['garbage', 'foo bar', 'nightly', '=']) assert.equal(isRange(text), false, text);
  });
});

describe('satisfiesRange', () => {
  it('checks semver versions', () => {
    assert.equal(satisfiesRange('14.1.1', '^14'), true);
    assert.equal(satisfiesRange('15.0.0', '^14'), false);
    assert.equal(satisfiesRange('1.7.9', '~1.7'), true);
    assert.equal(satisfiesRange('1.8.0', '~1.7'), false);
    assert.equal(satisfiesRange('v1.6.0', '>=1.6 <2'), true);
  });

  it('coerces calendar versions with leading zeros and short versions', () => {
    assert.equal(satisfiesRange('2024.08.06', '^2024.8'), true);
    assert.equal(satisfiesRange('2024.08.06', '>=2024.9'), false);
    assert.equal(satisfiesRange('2024.10.22.1', '>=2024.10.22 <2024.11'), true);
    assert.equal(satisfiesRange('14', '^14'), true);
  });

  it('excludes prereleases unless asked to include them', () => {
    assert.equal(satisfiesRange('15.0.0-rc.1', '>=14'), false);
    assert.equal(satisfiesRange('15.0.0-rc.1', '>=14', true), true);
  });

  it('is false for text that is not a version', () => {
    assert.equal(satisfiesRange('nightly', '*'), false);
  });
});
