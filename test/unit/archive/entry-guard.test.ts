import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EntryGuard } from '../../../src/archive/entry-guard.js';
import { isToolError } from '../../../src/core/errors.js';

const archive = 'tar archive "x.tar"';

function guard(allowDuplicates = true): EntryGuard {
  return new EntryGuard(archive, { allowDuplicates });
}

function assertUnsafe(run: () => unknown, fragment: string): void {
  assert.throws(run, (error: unknown) => {
    assert.ok(isToolError(error, 'TOOL_UNSAFE_ARCHIVE'), `expected TOOL_UNSAFE_ARCHIVE, got ${String(error)}`);
    assert.ok(error.message.includes(fragment), `${error.message} should mention ${fragment}`);
    return true;
  });
}

describe('EntryGuard', () => {
  it('gives executables 0755, other files 0644, directories 0755, and drops setuid, setgid and sticky bits', () => {
    const g = guard();
    assert.deepEqual(g.admit({ name: 'bin/tool', type: 'file', mode: 0o4755 }), { path: 'bin/tool', mode: 0o755 });
    assert.deepEqual(g.admit({ name: 'bin/own', type: 'file', mode: 0o700 }), { path: 'bin/own', mode: 0o755 });
    assert.deepEqual(g.admit({ name: 'README', type: 'file', mode: 0o2644 }), { path: 'README', mode: 0o644 });
    assert.deepEqual(g.admit({ name: 'share/', type: 'dir', mode: 0o1777 }), { path: 'share', mode: 0o755 });
  });

  it('skips an entry naming the extraction directory itself', () => {
    assert.equal(guard().admit({ name: './', type: 'dir' }), undefined);
    assertUnsafe(() => guard().admit({ name: './', type: 'file' }), 'extraction directory itself');
  });

  it('lists implicit parent directories along with the entries', () => {
    const g = guard();
    g.admit({ name: 'pkg/bin/tool', type: 'file', mode: 0o755 });
    g.admit({ name: 'pkg/bin/alias', type: 'symlink', linkTarget: 'tool' });
    assert.deepEqual(g.finish(), [
      { path: 'pkg', mode: 0o755, type: 'dir' },
      { path: 'pkg/bin', mode: 0o755, type: 'dir' },
      { path: 'pkg/bin/tool', mode: 0o755, type: 'file' },
      { path: 'pkg/bin/alias', mode: 0o777, type: 'symlink' },
    ]);
  });

  it('refuses to write through a symlink, even one that points inside', () => {
    const g = guard();
    g.admit({ name: 'real/', type: 'dir' });
    g.admit({ name: 'link', type: 'symlink', linkTarget: 'real' });
    assertUnsafe(() => g.admit({ name: 'link/file', type: 'file' }), 'through the symlink "link"');
  });

  it('refuses names that differ from a symlink only in case, which are one file on macOS and Windows', () => {
    const g = guard();
    g.admit({ name: 'sub/', type: 'dir' });
    g.admit({ name: 'A', type: 'symlink', linkTarget: 'sub' });
    assertUnsafe(() => g.admit({ name: 'a/x', type: 'file' }), 'through the symlink "A"');
    assertUnsafe(() => g.admit({ name: 'a', type: 'file' }), 'differs only in case');
    assertUnsafe(() => g.admit({ name: 'SUB', type: 'symlink', linkTarget: '.' }), 'differs only in case');
  });

  it('allows names that differ only in case when neither is a symlink', () => {
    const g = guard();
    g.admit({ name: 'README', type: 'file' });
    assert.deepEqual(g.admit({ name: 'readme', type: 'file' }), { path: 'readme', mode: 0o644 });
  });

  it('refuses an entry whose type changes, such as a symlink replacing a directory', () => {
    const g = guard();
    g.admit({ name: 'a/b', type: 'file' });
    assertUnsafe(() => g.admit({ name: 'a', type: 'symlink', linkTarget: '.' }), 'as a dir and as a symlink');
  });

  it('allows a repeated tar entry but not a repeated zip entry', () => {
    const tar = guard(true);
    tar.admit({ name: 'f', type: 'file' });
    assert.deepEqual(tar.admit({ name: 'f', type: 'file' }), { path: 'f', mode: 0o644 });
    const zip = guard(false);
    zip.admit({ name: 'f', type: 'file' });
    assertUnsafe(() => zip.admit({ name: 'f', type: 'file' }), 'more than once');
  });

  it('accepts a hard link only to a file extracted earlier, and gives it that file\'s mode', () => {
    const g = guard();
    g.admit({ name: 'bin/tool', type: 'file', mode: 0o755 });
    assert.deepEqual(g.admit({ name: 'bin/tool2', type: 'hardlink', linkTarget: 'bin/tool' }), {
      path: 'bin/tool2',
      mode: 0o755,
    });
    assertUnsafe(() => g.admit({ name: 'x', type: 'hardlink', linkTarget: '/etc/passwd' }), 'absolute path');
    assertUnsafe(() => g.admit({ name: 'y', type: 'hardlink', linkTarget: 'bin' }), 'not a file extracted earlier');
    assertUnsafe(() => g.admit({ name: 'z', type: 'hardlink', linkTarget: 'later' }), 'not a file extracted earlier');
  });

  it('refuses device files, FIFOs and unknown entry types', () => {
    assertUnsafe(() => guard().admit({ name: 'dev', type: 'CharacterDevice' }), 'CharacterDevice entry');
    assertUnsafe(() => guard().admit({ name: 'fifo', type: 'FIFO' }), 'FIFO entry');
  });

  it('checks symlink chains when finishing', () => {
    const g = guard();
    g.admit({ name: 'x/l', type: 'symlink', linkTarget: '..' });
    g.admit({ name: 'y', type: 'symlink', linkTarget: 'x/l/..' });
    assertUnsafe(() => g.finish(), '"y"');
  });
});
