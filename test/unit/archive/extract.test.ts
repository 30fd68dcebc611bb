import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstat, readFile, readlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { canStream, type ExtractedFile, extractFile, extractStream } from '../../../src/archive/extract.js';
import type { ArchiveKind } from '../../../src/archive/kind.js';
import { isToolError } from '../../../src/core/errors.js';
import { fixturesDir, makeSandbox, makeTar, makeZip, type Sandbox } from './build.js';

const script = '#!/bin/sh\necho tool 9.99.1\n';
const hello = '#!/bin/sh\necho hello 9.99.1\n';

let box: Sandbox;
beforeEach(async () => {
  box = await makeSandbox();
});
afterEach(async () => {
  await box.cleanup();
});

async function write(name: string, data: Buffer): Promise<string> {
  const file = join(box.input, name);
  await writeFile(file, data);
  return file;
}

async function modeOf(path: string): Promise<number> {
  return (await lstat(join(box.dest, path))).mode & 0o7777;
}

/** Sorted, without the streamed digests (checked on their own below). */
function sorted(files: ExtractedFile[]): ExtractedFile[] {
  return [...files].map(({ sha256: _digest, ...file }) => file).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

const pkgTar = (): Buffer =>
  makeTar([
    { name: 'pkg-9.99.1/', type: 'dir' },
    { name: 'pkg-9.99.1/bin/', type: 'dir', mode: 0o700 },
    { name: 'pkg-9.99.1/bin/tool', body: script, mode: 0o755 },
    { name: 'pkg-9.99.1/README', body: 'readme\n', mode: 0o640 },
    { name: 'pkg-9.99.1/tool', type: 'symlink', linkname: 'bin/tool' },
  ]);

describe('extractFile', () => {
  it('reports the SHA-256 of each tar file as written, hashed while it streamed', async () => {
    const file = await write('pkg.tar.gz', gzipSync(pkgTar()));
    const files = await extractFile(file, { kind: 'tar.gz', dest: box.dest, singleFileName: 'unused' });
    const regular = files.filter((entry) => entry.type === 'file');
    assert.equal(regular.length, 2);
    for (const entry of regular) {
      const onDisk = createHash('sha256').update(await readFile(join(box.dest, entry.path))).digest('hex');
      assert.equal(entry.sha256, onDisk, entry.path);
    }
    assert.equal(files.find((entry) => entry.type !== 'file' && entry.sha256 !== undefined), undefined);
  });

  it('extracts a tar.gz with a top-level directory and an executable that runs', async () => {
    const file = await write('pkg.tar.gz', gzipSync(pkgTar()));
    const files = await extractFile(file, { kind: 'tar.gz', dest: box.dest, singleFileName: 'unused' });
    assert.deepEqual(sorted(files), [
      { path: 'pkg-9.99.1', mode: 0o755, type: 'dir' },
      { path: 'pkg-9.99.1/README', mode: 0o644, type: 'file' },
      { path: 'pkg-9.99.1/bin', mode: 0o755, type: 'dir' },
      { path: 'pkg-9.99.1/bin/tool', mode: 0o755, type: 'file' },
      { path: 'pkg-9.99.1/tool', mode: 0o777, type: 'symlink' },
    ]);
    assert.equal(await modeOf('pkg-9.99.1/bin/tool'), 0o755);
    assert.equal(await modeOf('pkg-9.99.1/README'), 0o644);
    assert.equal(await modeOf('pkg-9.99.1/bin'), 0o755);
    assert.equal(await readlink(join(box.dest, 'pkg-9.99.1/tool')), 'bin/tool');
    assert.equal(execFileSync(join(box.dest, 'pkg-9.99.1/bin/tool'), { encoding: 'utf8' }), 'tool 9.99.1\n');
  });

  it('extracts a zip, keeping exec bits from the unix attributes and creating implicit directories', async () => {
    const zip = makeZip([
      { name: 'pkg/bin/tool', body: script, mode: 0o100755, deflate: true },
      { name: 'pkg/README.md', body: 'readme', mode: 0o100644 },
      { name: 'pkg/docs/', mode: 0o040755 },
      { name: 'pkg/link', body: 'bin/tool', mode: 0o120777 },
      { name: 'windows.txt', body: 'no unix mode', mode: 0 },
    ]);
    const files = await extractFile(await write('pkg.zip', zip), { kind: 'zip', dest: box.dest, singleFileName: 'x' });
    assert.deepEqual(sorted(files), [
      { path: 'pkg', mode: 0o755, type: 'dir' },
      { path: 'pkg/README.md', mode: 0o644, type: 'file' },
      { path: 'pkg/bin', mode: 0o755, type: 'dir' },
      { path: 'pkg/bin/tool', mode: 0o755, type: 'file' },
      { path: 'pkg/docs', mode: 0o755, type: 'dir' },
      { path: 'pkg/link', mode: 0o777, type: 'symlink' },
      { path: 'windows.txt', mode: 0o644, type: 'file' },
    ]);
    assert.equal(await modeOf('pkg/bin/tool'), 0o755);
    assert.equal(await readlink(join(box.dest, 'pkg/link')), 'bin/tool');
    assert.equal(execFileSync(join(box.dest, 'pkg/bin/tool'), { encoding: 'utf8' }), 'tool 9.99.1\n');
  });

  it('decompresses a single .gz asset to singleFileName with mode 0755', async () => {
    const file = await write('tool-linux.gz', gzipSync(script));
    const files = await extractFile(file, { kind: 'gz', dest: box.dest, singleFileName: 'tool' });
    assert.deepEqual(files, [{ path: 'tool', mode: 0o755, type: 'file' }]);
    assert.equal(await modeOf('tool'), 0o755);
    assert.equal(execFileSync(join(box.dest, 'tool'), { encoding: 'utf8' }), 'tool 9.99.1\n');
  });

  it('copies a raw asset to singleFileName with mode 0755', async () => {
    const file = await write('tool-linux-amd64', Buffer.from(script));
    const files = await extractFile(file, { kind: 'raw', dest: box.dest, singleFileName: 'tool' });
    assert.deepEqual(files, [{ path: 'tool', mode: 0o755, type: 'file' }]);
    assert.equal(await readFile(join(box.dest, 'tool'), 'utf8'), script);
    assert.equal(await modeOf('tool'), 0o755);
  });

  it('extracts a tar hard link as a second name for a file extracted earlier', async () => {
    const tar = makeTar([
      { name: 'bin/tool', body: script, mode: 0o755 },
      { name: 'bin/tool-alias', type: 'hardlink', linkname: 'bin/tool' },
    ]);
    const files = await extractFile(await write('links.tar', tar), { kind: 'tar', dest: box.dest, singleFileName: 'x' });
    assert.deepEqual(sorted(files), [
      { path: 'bin', mode: 0o755, type: 'dir' },
      { path: 'bin/tool', mode: 0o755, type: 'file' },
      { path: 'bin/tool-alias', mode: 0o755, type: 'file' },
    ]);
    const [a, b] = await Promise.all([lstat(join(box.dest, 'bin/tool')), lstat(join(box.dest, 'bin/tool-alias'))]);
    assert.equal(a.ino, b.ino);
  });

  it('extracts a plain tar', async () => {
    const files = await extractFile(await write('pkg.tar', pkgTar()), { kind: 'tar', dest: box.dest, singleFileName: 'x' });
    assert.equal(files.length, 5);
    assert.equal(await modeOf('pkg-9.99.1/bin/tool'), 0o755);
  });

  for (const kind of ['tar.xz', 'tar.bz2', 'tar.zst'] as const) {
    it(`extracts the committed ${kind} fixture`, async () => {
      const file = new URL(`hello-9.99.1.${kind}`, fixturesDir).pathname;
      const files = await extractFile(file, { kind, dest: box.dest, singleFileName: 'x' });
      assert.deepEqual(sorted(files), [
        { path: 'hello-9.99.1', mode: 0o755, type: 'dir' },
        { path: 'hello-9.99.1/README', mode: 0o644, type: 'file' },
        { path: 'hello-9.99.1/bin', mode: 0o755, type: 'dir' },
        { path: 'hello-9.99.1/bin/hello', mode: 0o755, type: 'file' },
      ]);
      assert.equal(execFileSync(join(box.dest, 'hello-9.99.1/bin/hello'), { encoding: 'utf8' }), 'hello 9.99.1\n');
    });
  }

  for (const kind of ['xz', 'bz2', 'zst'] as const) {
    it(`decompresses the committed single-file .${kind} fixture`, async () => {
      const file = await write(`hello.${kind}`, await readFile(new URL(`hello.${kind}`, fixturesDir)));
      const files = await extractFile(file, { kind, dest: box.dest, singleFileName: 'hello' });
      assert.deepEqual(files, [{ path: 'hello', mode: 0o755, type: 'file' }]);
      assert.equal(await readFile(join(box.dest, 'hello'), 'utf8'), hello);
      assert.equal(await modeOf('hello'), 0o755);
    });
  }

  it('names the file in the error for a corrupt archive', async () => {
    const file = await write('broken.tar.gz', Buffer.from('not gzip'));
    await assert.rejects(extractFile(file, { kind: 'tar.gz', dest: box.dest, singleFileName: 'x' }), (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_ARCHIVE'));
      assert.ok(error.message.includes(file), error.message);
      return true;
    });
  });

  it('refuses a destination that is not empty, as a programmer error', async () => {
    await writeFile(join(box.dest, 'leftover'), '');
    const file = await write('tool', Buffer.from(script));
    await assert.rejects(extractFile(file, { kind: 'raw', dest: box.dest, singleFileName: 'tool' }), /not empty/);
  });
});

describe('extractStream', () => {
  it('extracts a tar.gz fed through a pipe in small chunks', async () => {
    const data = gzipSync(pkgTar());
    const pipe = new PassThrough();
    const done = extractStream(pipe, { kind: 'tar.gz', dest: box.dest, singleFileName: 'x', source: 'pkg.tar.gz' });
    for (let i = 0; i < data.length; i += 100) pipe.write(data.subarray(i, i + 100));
    pipe.end();
    assert.equal((await done).length, 5);
    assert.equal(await readFile(join(box.dest, 'pkg-9.99.1/bin/tool'), 'utf8'), script);
  });

  it('extracts a single-file xz stream', async () => {
    const source = Readable.from([await readFile(new URL('hello.xz', fixturesDir))]);
    const files = await extractStream(source, { kind: 'xz', dest: box.dest, singleFileName: 'hello' });
    assert.deepEqual(files, [{ path: 'hello', mode: 0o755, type: 'file' }]);
  });

  it('rejects zip with TOOL_BAD_ARCHIVE, since zip needs random access', async () => {
    const source = Readable.from([makeZip([{ name: 'a', body: 'a' }])]);
    await assert.rejects(extractStream(source, { kind: 'zip', dest: box.dest, singleFileName: 'x' }), (error: unknown) =>
      isToolError(error, 'TOOL_BAD_ARCHIVE'),
    );
  });

  it('passes on a ToolError raised by the source stream, such as a failed download', async () => {
    const { ToolError } = await import('../../../src/core/errors.js');
    const source = new Readable({
      read() {
        this.destroy(new ToolError('TOOL_NETWORK', 'The download of x failed'));
      },
    });
    await assert.rejects(extractStream(source, { kind: 'tar.gz', dest: box.dest, singleFileName: 'x' }), (error: unknown) =>
      isToolError(error, 'TOOL_NETWORK'),
    );
  });
});

describe('canStream', () => {
  it('is true for every kind but zip', () => {
    const kinds: ArchiveKind[] = ['tar', 'tar.gz', 'tar.xz', 'tar.bz2', 'tar.zst', 'gz', 'xz', 'bz2', 'zst', 'raw'];
    for (const kind of kinds) assert.equal(canStream(kind), true, kind);
    assert.equal(canStream('zip'), false);
  });
});

