import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { libcNote } from '../../../src/assets/libc-note.js';

const GNU = { os: 'linux', arch: 'x64', libc: 'gnu' } as const;

describe('libcNote', () => {
  it('explains a musl build chosen for a glibc Linux', () => {
    assert.equal(libcNote('ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz', GNU, 'ripgrep'), 'a static musl build, runs on this glibc system');
    assert.equal(libcNote('tool_alpine_amd64.tgz', GNU), 'a static musl build, runs on this glibc system');
  });

  it('says nothing for a gnu build, a musl system, or another OS', () => {
    assert.equal(libcNote('ripgrep-14.1.1-x86_64-unknown-linux-gnu.tar.gz', GNU, 'ripgrep'), undefined);
    assert.equal(libcNote('fd_linux_amd64.tar.gz', GNU, 'fd'), undefined);
    assert.equal(libcNote('ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz', { ...GNU, libc: 'musl' }, 'ripgrep'), undefined);
    assert.equal(libcNote('ripgrep-14.1.1-x86_64-apple-darwin.tar.gz', { os: 'darwin', arch: 'x64' }, 'ripgrep'), undefined);
  });

  it('does not take a tool whose own name contains "musl" for a musl build', () => {
    assert.equal(libcNote('musl-tool_linux_amd64.tar.gz', GNU, 'musl-tool'), undefined);
  });
});
