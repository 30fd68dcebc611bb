import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import {
  assertLinksInside,
  checkLinkTarget,
  entrySegments,
  nameProblem,
  plainFileName,
} from '../../../src/archive/safe-path.js';

const archive = 'tar.gz archive "x.tar.gz"';

function assertUnsafe(run: () => unknown, fragment: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isToolError(error, 'TOOL_UNSAFE_ARCHIVE'), `expected TOOL_UNSAFE_ARCHIVE, got ${String(error)}`);
    assert.match(error.message, /tar\.gz archive "x\.tar\.gz" entry/);
    assert.ok(error.message.includes(fragment), `${error.message} should mention ${fragment}`);
    return true;
  });
}

describe('entrySegments', () => {
  it('splits a relative name and drops empty and "." segments', () => {
    assert.deepEqual(entrySegments('./pkg//bin/./tool', archive), ['pkg', 'bin', 'tool']);
    assert.deepEqual(entrySegments('pkg/', archive), ['pkg']);
  });

  it('returns no segments for names that mean the extraction directory itself', () => {
    assert.deepEqual(entrySegments('./', archive), []);
    assert.deepEqual(entrySegments('', archive), []);
  });

  it('keeps names that merely contain dots, like "..hidden" and "a..b"', () => {
    assert.deepEqual(entrySegments('..hidden/a..b', archive), ['..hidden', 'a..b']);
  });

  it('rejects absolute paths, ".." segments, backslashes, drive letters and NUL bytes', () => {
    assertUnsafe(() => entrySegments('/etc/passwd', archive), 'absolute path');
    assertUnsafe(() => entrySegments('pkg/../../evil', archive), '".." segment');
    assertUnsafe(() => entrySegments('..', archive), '".." segment');
    assertUnsafe(() => entrySegments('..\\evil', archive), 'backslash');
    assertUnsafe(() => entrySegments('C:/Windows/evil', archive), 'drive letter');
    assertUnsafe(() => entrySegments('c:evil', archive), 'drive letter');
    assertUnsafe(() => entrySegments('a\0b', archive), 'NUL byte');
  });

  it('names the entry in the message', () => {
    assertUnsafe(() => entrySegments('../../evil', archive), '"../../evil"');
  });
});

describe('nameProblem', () => {
  it('allows ".." only when asked to, for symlink targets', () => {
    assert.match(nameProblem('../x') ?? '', /"\.\."/);
    assert.equal(nameProblem('../x', true), undefined);
    assert.match(nameProblem('/x', true) ?? '', /absolute/);
  });
});

describe('plainFileName', () => {
  it('accepts one plain file name', () => {
    assert.equal(plainFileName('rg', archive), 'rg');
  });

  it('rejects names with directories, "." and ".."', () => {
    assertUnsafe(() => plainFileName('bin/rg', archive), 'not a plain file name');
    assertUnsafe(() => plainFileName('.', archive), 'not a plain file name');
    assertUnsafe(() => plainFileName('', archive), 'not a plain file name');
    assertUnsafe(() => plainFileName('../rg', archive), '".." segment');
  });
});

describe('checkLinkTarget', () => {
  it('accepts relative targets that stay inside, including "../" to a sibling directory', () => {
    checkLinkTarget(['pkg', 'bin', 'rg'], '../lib/rg', archive);
    checkLinkTarget(['current'], '.', archive);
    checkLinkTarget(['pkg', 'link'], '..', archive);
  });

  it('rejects targets that are absolute, empty, or climb above the extraction directory', () => {
    assertUnsafe(() => checkLinkTarget(['a'], '/tmp', archive), 'absolute path');
    assertUnsafe(() => checkLinkTarget(['a'], '', archive), 'empty target');
    assertUnsafe(() => checkLinkTarget(['a'], '..', archive), 'outside the extraction directory');
    assertUnsafe(() => checkLinkTarget(['pkg', 'a'], '../../etc', archive), 'outside the extraction directory');
    assertUnsafe(() => checkLinkTarget(['a'], 'x/../../y', archive), 'outside the extraction directory');
    assertUnsafe(() => checkLinkTarget(['a'], '..\\..', archive), 'backslash');
  });
});

describe('assertLinksInside', () => {
  it('accepts links whose chains stay inside', () => {
    assertLinksInside(
      new Map([
        ['pkg/bin/rg', '../lib/rg'],
        ['pkg/lib', 'real-lib'],
        ['latest', 'pkg'],
      ]),
      archive,
    );
  });

  it('rejects a link that escapes through another link that points at ".."', () => {
    // x/l -> .. is dest itself; y -> x/l/.. is therefore dest's parent.
    const links = new Map([
      ['x/l', '..'],
      ['y', 'x/l/..'],
    ]);
    assertUnsafe(() => assertLinksInside(links, archive), 'through other symlinks');
  });

  it('rejects a chain that escapes through a link named in a different case, as on macOS', () => {
    const links = new Map([
      ['x/L', '..'],
      ['y', 'x/l/..'],
    ]);
    assertUnsafe(() => assertLinksInside(links, archive), 'through other symlinks');
  });

  it('rejects a loop of symlinks', () => {
    assertUnsafe(() => assertLinksInside(new Map([['a', 'b'], ['b', 'a']]), archive), 'loop');
  });
});
