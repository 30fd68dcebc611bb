// Replays known tar extraction attacks. Each must fail with TOOL_UNSAFE_ARCHIVE,
// naming the entry and the archive kind, with nothing written outside dest.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { lstat, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { extractFile, extractStream } from '../../src/archive/extract.js';
import { eachTestInSandbox, makeTar, rejectsWith, type Sandbox, type TarEntry, walk } from '../unit/archive/build.js';

let box: Sandbox;
eachTestInSandbox((fresh) => (box = fresh));

async function extractTarGz(entries: TarEntry[]): Promise<unknown> {
  const file = join(box.input, 'evil.tar.gz');
  await writeFile(file, gzipSync(makeTar(entries)));
  return extractFile(file, { kind: 'tar.gz', dest: box.dest, singleFileName: 'x' });
}

const payload = { body: 'pwned\n', mode: 0o755 };

describe('tar attacks', () => {
  it('tar-slip: an entry named ../../evil is rejected and nothing is written outside dest', async () => {
    await rejectsWith(extractTarGz([{ name: 'ok.txt', body: 'fine' }, { name: '../../evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', [
      '"../../evil"',
      'tar.gz archive',
    ]);
  });

  it('tar-slip inside a path: pkg/../../../evil is rejected', async () => {
    await rejectsWith(extractTarGz([{ name: 'pkg/../../../evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['"pkg/../../../evil"']);
  });

  it('tar-slip through extractStream on a plain tar stream is rejected the same way', async () => {
    const source = Readable.from([makeTar([{ name: '../evil', ...payload }])]);
    const done = extractStream(source, { kind: 'tar', dest: box.dest, singleFileName: 'x', source: 'evil.tar' });
    await rejectsWith(done, 'TOOL_UNSAFE_ARCHIVE', ['"../evil"', 'tar archive "evil.tar"']);
  });

  it('absolute path: an entry naming an absolute path is rejected, not stripped and extracted', async () => {
    const target = join(box.root, 'abs-evil');
    await rejectsWith(extractTarGz([{ name: target, ...payload }]), 'TOOL_UNSAFE_ARCHIVE', [JSON.stringify(target), 'absolute']);
    assert.equal(existsSync(target), false);
    assert.deepEqual(await readdir(box.dest), [], 'node-tar must not have extracted a stripped copy');
  });

  it('symlink with an absolute target: a -> /tmp, then a/x, is rejected at the link', async () => {
    const entries: TarEntry[] = [
      { name: 'a', type: 'symlink', linkname: box.root },
      { name: 'a/x', ...payload },
    ];
    await rejectsWith(extractTarGz(entries), 'TOOL_UNSAFE_ARCHIVE', ['"a"', 'symlink', 'absolute']);
    assert.equal(existsSync(join(box.root, 'x')), false);
  });

  it('symlink escape: a -> ../../.., then a/evil written through it, is rejected', async () => {
    const entries: TarEntry[] = [
      { name: 'a', type: 'symlink', linkname: '../../..' },
      { name: 'a/evil', ...payload },
    ];
    await rejectsWith(extractTarGz(entries), 'TOOL_UNSAFE_ARCHIVE', ['"a"', 'outside the extraction directory']);
  });

  it('write through a symlink: even a link pointing inside (a -> sub) may not be written through', async () => {
    const entries: TarEntry[] = [
      { name: 'sub/', type: 'dir' },
      { name: 'a', type: 'symlink', linkname: 'sub' },
      { name: 'a/x', ...payload },
    ];
    await rejectsWith(extractTarGz(entries), 'TOOL_UNSAFE_ARCHIVE', ['"a/x"', 'through the symlink "a"']);
    assert.equal(existsSync(join(box.dest, 'sub', 'x')), false);
  });

  it('symlink chain escape: x/l -> .. and y -> x/l/.. each look inside but together leave dest', async () => {
    const entries: TarEntry[] = [
      { name: 'x/l', type: 'symlink', linkname: '..' },
      { name: 'y', type: 'symlink', linkname: 'x/l/..' },
    ];
    await rejectsWith(extractTarGz(entries), 'TOOL_UNSAFE_ARCHIVE', ['"y"', 'through other symlinks']);
  });

  it('case-folding symlink: A -> sub then a/x, one path on macOS and Windows, is rejected', async () => {
    const entries: TarEntry[] = [
      { name: 'sub/', type: 'dir' },
      { name: 'A', type: 'symlink', linkname: 'sub' },
      { name: 'a/x', ...payload },
    ];
    await rejectsWith(extractTarGz(entries), 'TOOL_UNSAFE_ARCHIVE', ['"a/x"', 'through the symlink "A"']);
  });

  it('hardlink to /etc/passwd is rejected and nothing in dest shares its inode', async () => {
    await rejectsWith(
      extractTarGz([{ name: 'passwd', type: 'hardlink', linkname: '/etc/passwd' }]),
      'TOOL_UNSAFE_ARCHIVE',
      ['"passwd"', 'hard link to "/etc/passwd"'],
    );
    const passwd = await stat('/etc/passwd').catch(() => undefined);
    for (const name of await walk(box.dest)) {
      assert.notEqual((await lstat(join(box.dest, name))).ino, passwd?.ino);
    }
  });

  it('hardlink escape: a link to ../../../input/secret, a real file outside dest, is rejected', async () => {
    await writeFile(join(box.input, 'secret'), 'secret');
    const done = extractTarGz([{ name: 'copy', type: 'hardlink', linkname: '../../../input/secret' }]);
    await rejectsWith(done, 'TOOL_UNSAFE_ARCHIVE', ['"copy"', '".." segment']);
    assert.deepEqual(await readdir(box.dest), []);
  });

  it('backslash path: ..\\..\\evil is rejected instead of being read as a file name', async () => {
    await rejectsWith(extractTarGz([{ name: '..\\..\\evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['backslash']);
  });

  it('drive letter: C:/evil is rejected', async () => {
    await rejectsWith(extractTarGz([{ name: 'C:/evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['"C:/evil"', 'drive letter']);
  });

  it('device file: a character device entry is rejected', async () => {
    await rejectsWith(extractTarGz([{ name: 'null', type: 'chardev' }]), 'TOOL_UNSAFE_ARCHIVE', ['"null"', 'CharacterDevice']);
  });

  it('FIFO: a named pipe entry is rejected', async () => {
    await rejectsWith(extractTarGz([{ name: 'pipe', type: 'fifo' }]), 'TOOL_UNSAFE_ARCHIVE', ['"pipe"', 'FIFO']);
  });

  it('setuid: a setuid, setgid, sticky executable is extracted as plain 0755', async () => {
    await extractTarGz([{ name: 'suid', body: '#!/bin/sh\n', mode: 0o7755 }]);
    assert.equal((await stat(join(box.dest, 'suid'))).mode & 0o7777, 0o755);
  });

  it('ownership: files belong to the extracting user, not the uid/gid in the header', async () => {
    await extractTarGz([{ name: 'owned', body: 'x', uid: 4242, gid: 4343 }]);
    const info = await stat(join(box.dest, 'owned'));
    assert.equal(info.uid, process.getuid?.());
    assert.equal(info.gid, process.getgid?.());
  });

  it('asset name: a single-file asset whose name would be ../evil is rejected', async () => {
    const source = Readable.from([Buffer.from('payload')]);
    const done = extractStream(source, { kind: 'raw', dest: box.dest, singleFileName: '../evil' });
    await rejectsWith(done, 'TOOL_UNSAFE_ARCHIVE', ['"../evil"', 'raw asset']);
  });
});
