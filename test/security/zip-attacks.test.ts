// Replays known zip extraction attacks. Each must fail with TOOL_UNSAFE_ARCHIVE
// (or TOOL_BAD_ARCHIVE for lying headers), with nothing written outside dest.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { extractFile } from '../../src/archive/extract.js';
import { eachTestInSandbox, makeZip, rejectsWith, type Sandbox, walk, type ZipEntry } from '../unit/archive/build.js';

let box: Sandbox;
eachTestInSandbox((fresh) => (box = fresh));

async function extractZip(entries: ZipEntry[]): Promise<unknown> {
  const file = join(box.input, 'evil.zip');
  await writeFile(file, makeZip(entries));
  return extractFile(file, { kind: 'zip', dest: box.dest, singleFileName: 'x' });
}

const payload = { body: 'pwned\n', mode: 0o100755 };

describe('zip attacks', () => {
  it('zip-slip: an entry named ../../evil is rejected and nothing is written outside dest', async () => {
    await rejectsWith(extractZip([{ name: 'ok.txt', body: 'fine' }, { name: '../../evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', [
      '"../../evil"',
      'zip archive',
    ]);
  });

  it('zip-slip with a backslash: ..\\..\\evil is rejected, not rewritten to ../../evil or kept as a name', async () => {
    await rejectsWith(extractZip([{ name: '..\\..\\evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['backslash']);
    assert.deepEqual(await walk(box.dest), []);
  });

  it('zip-slip smuggled in a Unicode Path extra field: a benign name whose 0x7075 field says ../../evil is rejected', async () => {
    await rejectsWith(extractZip([{ name: 'benign.txt', unicodePath: '../../evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', [
      '"../../evil"',
    ]);
  });

  it('absolute path: an entry naming an absolute path is rejected', async () => {
    const target = join(box.root, 'abs-evil');
    await rejectsWith(extractZip([{ name: target, ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['absolute']);
    assert.equal(existsSync(target), false);
  });

  it('drive letter: C:\\evil and C:/evil are rejected', async () => {
    await rejectsWith(extractZip([{ name: 'C:/evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['drive letter']);
    await rejectsWith(extractZip([{ name: 'C:\\evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['"C:\\\\evil"']);
  });

  it('NUL byte: an entry named "ok\\0../../evil" is rejected', async () => {
    await rejectsWith(extractZip([{ name: 'ok\u0000../../evil', ...payload }]), 'TOOL_UNSAFE_ARCHIVE', ['NUL byte']);
  });

  it('symlink with an absolute target: a -> /etc is rejected before the link is created', async () => {
    await rejectsWith(extractZip([{ name: 'a', body: '/etc', mode: 0o120777 }]), 'TOOL_UNSAFE_ARCHIVE', ['"a"', 'absolute']);
    assert.deepEqual(await walk(box.dest), []);
  });

  it('symlink escape: a -> ../../.., then a/evil written through it, is rejected', async () => {
    const entries: ZipEntry[] = [
      { name: 'a', body: '../../..', mode: 0o120777 },
      { name: 'a/evil', ...payload },
    ];
    await rejectsWith(extractZip(entries), 'TOOL_UNSAFE_ARCHIVE', ['"a"', 'outside the extraction directory']);
  });

  it('write through a symlink: a -> sub, then a/x, is rejected', async () => {
    const entries: ZipEntry[] = [
      { name: 'sub/', mode: 0o040755 },
      { name: 'a', body: 'sub', mode: 0o120777 },
      { name: 'a/x', ...payload },
    ];
    await rejectsWith(extractZip(entries), 'TOOL_UNSAFE_ARCHIVE', ['"a/x"', 'through the symlink "a"']);
    assert.equal(existsSync(join(box.dest, 'sub', 'x')), false);
  });

  it('duplicate entry: a second entry with the same name is rejected', async () => {
    const entries: ZipEntry[] = [
      { name: 'tool', body: 'first', mode: 0o100755 },
      { name: 'tool', body: 'second', mode: 0o100755 },
    ];
    await rejectsWith(extractZip(entries), 'TOOL_UNSAFE_ARCHIVE', ['"tool"', 'more than once']);
  });

  it('device file and FIFO: entries with those unix modes are rejected', async () => {
    await rejectsWith(extractZip([{ name: 'pipe', mode: 0o010644 }]), 'TOOL_UNSAFE_ARCHIVE', ['"pipe"', 'FIFO']);
    await rejectsWith(extractZip([{ name: 'dev', mode: 0o020644 }]), 'TOOL_UNSAFE_ARCHIVE', ['character device']);
  });

  it('setuid: a setuid executable is extracted as plain 0755', async () => {
    const files = await extractZip([{ name: 'suid', body: '#!/bin/sh\n', mode: 0o104755 }]);
    assert.deepEqual(files, [{ path: 'suid', mode: 0o755, type: 'file' }]);
  });

  it('zip bomb with lying sizes: an entry inflating past its declared size is rejected as a bad archive', async () => {
    const big = 'A'.repeat(1 << 20);
    await rejectsWith(extractZip([{ name: 'bomb', body: big, deflate: true, declaredSize: 10 }]), 'TOOL_BAD_ARCHIVE', [
      'zip archive',
    ]);
  });
});
