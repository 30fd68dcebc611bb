// Pins the expr-lang subset aqua's registry writes in version_constraint and
// version_filter, including expr-lang's precedence and compile-time type checks.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AquaUnsupportedError } from '../../../src/aqua/errors.js';
import { evaluateVersionConstraint, evaluateVersionFilter } from '../../../src/aqua/expr.js';

const holds = (expr: string, tag: string, semver = tag) => evaluateVersionConstraint(expr, tag, semver);

describe('version_constraint expressions', () => {
  it('evaluates the literal constraints "true" and "false"', () => {
    assert.equal(holds('true', 'v1.0.0'), true);
    assert.equal(holds('false', 'v1.0.0'), false);
  });

  it('tests semver() against the tag without its version_prefix', () => {
    assert.equal(holds('semver("<= 1.0.0")', 'v1.0.0'), true);
    assert.equal(holds('semver(">= 2.0.0, < 3")', 'cli-v2.1.0', 'v2.1.0'), true);
    assert.equal(holds('semver(">= 2.0.0, < 3")', 'cli-v2.1.0'), false);
  });

  it('compares Version and SemVer as written', () => {
    assert.equal(holds('Version == "v1.0.0"', 'v1.0.0'), true);
    assert.equal(holds('Version == "v1.0.0"', '1.0.0'), false);
    assert.equal(holds('Version in ["v1.0.1", "v1.0.2"]', 'v1.0.2'), true);
    assert.equal(holds('Version not in ["v1.0.1"]', 'v1.0.2'), true);
    assert.equal(holds('SemVer in ["1.0.0"]', 'mimir-1.0.0', '1.0.0'), true);
  });

  it('combines with or, ||, and, &&, not and parentheses', () => {
    assert.equal(holds('semver("<= 0.5.0") or Version == "v0.7.0"', 'v0.7.0'), true);
    assert.equal(holds('semver("<= 0.5.0") || Version in ["v0.6.0"]', 'v0.6.1'), false);
    assert.equal(holds('(semver("<= 1.32.3+k0s.0") && semver(">= 1.32.0+k0s.0")) || semver("<= 1.0.0")', 'v1.32.1+k0s.0'), true);
    assert.equal(holds('not (Version startsWith "release-") and semver(">= 1.0.0")', 'v1.2.0'), true);
    assert.equal(holds('!(Version == "v1.0.0")', 'v1.0.0'), false);
  });

  it('supports the string operators and Go regular expressions with escapes', () => {
    assert.equal(holds('Version startsWith "cli-v" or Version startsWith "v"', 'cli-v1.0.0'), true);
    assert.equal(holds('Version contains "-dev"', 'v1.0.0-dev.1'), true);
    assert.equal(holds('Version endsWith "-esoctl"', 'v1-esoctl'), true);
    assert.equal(holds('Version matches "^v\\\\d+\\\\.\\\\d+\\\\.\\\\d+$"', 'v1.2.3'), true);
    assert.equal(holds('Version matches "^v\\\\d+\\\\.\\\\d+\\\\.\\\\d+$"', 'v1.2.3-rc'), false);
  });

  it('passes trimPrefix(Version, …) to semverWithVersion', () => {
    const expr = 'Version startsWith "release-cli-" and semverWithVersion(">= 0.2.0", trimPrefix(Version, "release-cli-"))';
    assert.equal(holds(expr, 'release-cli-0.3.0'), true);
    assert.equal(holds(expr, 'release-cli-0.1.0'), false);
  });

  it('counts `not Version startsWith "x"` as false, because expr-lang binds not first and rejects not on a string', () => {
    assert.equal(holds('not Version startsWith "x"', 'v1.0.0'), false);
    assert.equal(holds('semver(">= 0.0.0") || not Version startsWith "x"', 'v1.0.0'), false);
  });

  it('counts an expression that is not a bool as false, as aqua does', () => {
    assert.equal(holds('Version', 'v1.0.0'), false);
    assert.equal(holds('Version == 1', 'v1.0.0'), false);
  });

  it('names an operator or function outside the subset', () => {
    assert.throws(() => holds('Version + "x" == "v1x"', 'v1'), (error: unknown) => error instanceof AquaUnsupportedError && /"\+"/.test(error.message));
    assert.throws(() => holds('hasPrefix(Version, "v")', 'v1'), (error: unknown) => error instanceof AquaUnsupportedError && /hasPrefix/.test(error.message));
  });
});

describe('version_filter expressions', () => {
  it('tests semver() against the whole tag', () => {
    assert.equal(evaluateVersionFilter('semver(">= 0.13.0")', 'v0.14.0'), true);
    assert.equal(evaluateVersionFilter('not (Version matches "-(alpha|beta|rc)")', 'v1.0.0-rc.1'), false);
  });

  it('supports let and any() with a predicate over #', () => {
    const filter = 'let words = ["lsp", "js-api", "nightly"];\nnot any(words, {Version matches #})';
    assert.equal(evaluateVersionFilter(filter, 'v1.0.0'), true);
    assert.equal(evaluateVersionFilter(filter, 'js-api-v1.0.0'), false);
  });
});
