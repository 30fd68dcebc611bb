// Replays decompression bombs against the extractor with small limits, so each
// runs in a moment; the fault suite builds the same bombs full size (test/support/
// bombs.ts, zip-bombs.ts). Each must stop with one line naming the archive, the
// limit and its setting, with nothing written outside dest (checked after every
// test) and no more than the limit written inside it. Removing dest is the
// caller's job (test/e2e/archive-bombs.test.ts shows staging goes).
import assert from 'node:assert/strict';
import { lstat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { extractFile, extractStream, type ExtractedFile } from '../../src/archive/extract.js';
import type { ArchiveKind } from '../../src/archive/kind.js';
import type { ArchiveLimits } from '../../src/core/archive-limits.js';
import { isToolError } from '../../src/core/errors.js';
import { makeGzipBomb, makeLyingTarGz, makeManyEntriesTarGz, makeTarGzBomb, makeXzBomb, makeZerosBomb, MiB } from '../support/bombs.js';
import { makeTarGz } from '../support/archives.js';
import { inflateEveryEntry, makeZipFlatBomb, makeZipOverlapBomb } from '../support/zip-bombs.js';
import { eachTestInSandbox, makeZip, type Sandbox, walk } from '../unit/archive/build.js';

let box: Sandbox;
eachTestInSandbox((fresh) => (box = fresh));

const small: ArchiveLimits = { maxUnpackedBytes: 4 * MiB, maxEntries: 1000, maxRatio: 200, ratioFloorBytes: 64 * MiB };
const roomy: ArchiveLimits = { maxUnpackedBytes: 1024 * MiB, maxEntries: 100_000, maxRatio: 1_000_000, ratioFloorBytes: 1024 * MiB };

async function extract(name: string, kind: ArchiveKind, bytes: Buffer, limits: ArchiveLimits = small): Promise<unknown> {
  const file = join(box.input, name);
  await writeFile(file, bytes);
  return extractFile(file, { kind, dest: box.dest, singleFileName: 'tool', source: name, limits });
}

/** Rejects with `code` as one line that contains every fragment. */
async function refused(promise: Promise<unknown>, code: string, fragments: readonly string[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isToolError(error, code), `expected ${code}, got ${error instanceof Error ? error.stack : String(error)}`);
    const line = error.toLine();
    assert.doesNotMatch(line, /\n/);
    for (const fragment of fragments) assert.ok(line.includes(fragment), `"${line}" should mention ${fragment}`);
    return true;
  });
}

const overBytes = (name: string) => [`"${name}"`, 'unpacks to more than 4 MiB', 'TOOL_MAX_UNPACKED_BYTES', 'Nothing was installed'];
const overDeclared = (name: string) => [`"${name}"`, 'declares more than 4 MiB', 'TOOL_MAX_UNPACKED_BYTES', 'Nothing was installed'];

/** Bytes of every file under dest. */
async function bytesInDest(): Promise<number> {
  let total = 0;
  for (const path of await walk(box.dest)) total += (await lstat(join(box.dest, path))).size;
  return total;
}

async function assertWroteAtMost(bytes: number): Promise<void> {
  const written = await bytesInDest();
  assert.ok(written <= bytes, `${written} bytes were written; the limit allows ${bytes}`);
}

describe('decompression bombs', () => {
  it('gzip bomb: 64 MiB of zeros in 64 KiB of .gz stops at the 4 MiB limit, counted as it inflates', async () => {
    await refused(extract('bomb.gz', 'gz', makeGzipBomb(64)), 'TOOL_ARCHIVE_LIMIT', overBytes('bomb.gz'));
    await assertWroteAtMost(small.maxUnpackedBytes);
  });

  it('gzip bomb on the download stream: a tar.gz whose zeros follow a small header stops the stream at the limit', async () => {
    const bomb = makeLyingTarGz('understated', 1024, 64);
    let sent = 0;
    const source = Readable.from((function* () {
      for (let at = 0; at < bomb.length; at += 4096) {
        sent += Math.min(4096, bomb.length - at);
        yield bomb.subarray(at, at + 4096);
      }
    })());
    const done = extractStream(source, { kind: 'tar.gz', dest: box.dest, singleFileName: 'x', source: 'bomb.tar.gz', limits: small });
    await refused(done, 'TOOL_ARCHIVE_LIMIT', overBytes('bomb.tar.gz'));
    assert.ok(sent < bomb.length, `the download stopped early (${sent} of ${bomb.length} bytes read)`);
  });

  it('gzip bomb in a tar.gz with an honest header: refused from the header before a byte is written', async () => {
    await refused(extract('bomb.tar.gz', 'tar.gz', makeTarGzBomb(64)), 'TOOL_ARCHIVE_LIMIT', overDeclared('bomb.tar.gz'));
    assert.deepEqual(await walk(box.dest), []);
  });

  it('xz bomb: 64 MiB of zeros in 18 KiB of .xz stops at the limit', async () => {
    await refused(extract('bomb.xz', 'xz', makeXzBomb(64)), 'TOOL_ARCHIVE_LIMIT', overBytes('bomb.xz'));
    await assertWroteAtMost(small.maxUnpackedBytes);
  });

  it('xz bomb as a tar.xz: zeros that tar reads as end-of-archive padding still count, since every decoded byte does', async () => {
    await refused(extract('bomb.tar.xz', 'tar.xz', makeXzBomb(64)), 'TOOL_ARCHIVE_LIMIT', overBytes('bomb.tar.xz'));
    assert.deepEqual(await walk(box.dest), []);
  });

  for (const [name, kind, codec] of [['bomb.bz2', 'bz2', 'bzip2'], ['bomb.zst', 'zst', 'zstd'], ['bomb.tar.zst', 'tar.zst', 'zstd']] as const) {
    it(`${codec} bomb as a ${kind}: 6 MiB of zeros stop at the 4 MiB limit`, async () => {
      await refused(extract(name, kind, makeZerosBomb(codec, 6)), 'TOOL_ARCHIVE_LIMIT', overBytes(name));
      await assertWroteAtMost(small.maxUnpackedBytes);
    });
  }

  it('a raw asset larger than the limit is stopped at the limit too', async () => {
    await refused(extract('huge', 'raw', Buffer.alloc(5 * MiB)), 'TOOL_ARCHIVE_LIMIT', overBytes('huge'));
    await assertWroteAtMost(small.maxUnpackedBytes);
  });

  it('compression ratio: zeros expanding 1000 times are refused past the floor, with the byte limit far away', async () => {
    const limits = { ...roomy, maxRatio: 200, ratioFloorBytes: 2 * MiB };
    await refused(extract('bomb.gz', 'gz', makeGzipBomb(64), limits), 'TOOL_ARCHIVE_LIMIT', [
      '"bomb.gz"',
      'expands more than 200 times',
      'TOOL_MAX_COMPRESSION_RATIO=2000',
      'Nothing was installed',
    ]);
    // Judged against what gunzip has decoded, not what it was handed: stopped just past the floor.
    await assertWroteAtMost(3 * MiB);
  });

  for (const [name, kind, codec] of [['bomb.xz', 'xz', 'xz'], ['bomb.zst', 'zst', 'zstd'], ['bomb.bz2', 'bz2', 'bzip2']] as const) {
    it(`compression ratio: a 256 MiB ${codec} bomb is refused soon after the floor, judged by what the decoder has decoded`, async () => {
      const limits = { ...roomy, maxRatio: 200, ratioFloorBytes: 2 * MiB };
      await refused(extract(name, kind, makeZerosBomb(codec, 256), limits), 'TOOL_ARCHIVE_LIMIT', [`"${name}"`, 'expands more than 200 times']);
      // xz is handed input in 64 KiB slices, which may decode to 200 x 64 KiB before the ratio can tell.
      await assertWroteAtMost(20 * MiB);
    });
  }

  // zstd and bzip2 decoders hand over everything a piece of input decodes to at once: a 64 KiB
  // chunk of this bomb is 1.3 GiB. Their wrappers pace the input so that never happens.
  for (const [name, kind, codec] of [['bomb.zst', 'zst', 'zstd'], ['bomb.bz2', 'bz2', 'bzip2']] as const) {
    it(`${codec} bomb of 1 GiB: memory stays bounded while it is refused (peak RSS grows by less than 200 MiB)`, async () => {
      const bomb = makeZerosBomb(codec, 1024);
      const before = process.resourceUsage().maxRSS;
      await refused(extract(name, kind, bomb, { ...small, maxUnpackedBytes: 16 * MiB }), 'TOOL_ARCHIVE_LIMIT', [`"${name}"`]);
      const grew = (process.resourceUsage().maxRSS - before) / 1024;
      assert.ok(grew < 200, `peak RSS grew by ${grew.toFixed(0)} MiB`);
    });
  }

  it('an archive inside every limit extracts whole', async () => {
    const files = (await extract('fine.tar.gz', 'tar.gz', makeTarGzBomb(3))) as ExtractedFile[];
    assert.deepEqual(files.map(({ sha256: _digest, ...file }) => file), [{ path: 'bomb', mode: 0o644, type: 'file' }]);
    assert.match(files[0]!.sha256 ?? '', /^[0-9a-f]{64}$/, 'hashed as it streamed');
    assert.equal(await bytesInDest(), 3 * MiB);
  });
});

describe('zip bombs', () => {
  it('zip bomb with overlapping entries: 64 entries sharing one local file are refused as overlapping before anything is written', async () => {
    const bomb = makeZipOverlapBomb({ files: 64, kernelMiB: 1, layout: 'shared' });
    assert.equal(inflateEveryEntry(bomb), 64 * MiB, 'the bomb is genuine: every entry inflates, CRC and size intact');
    await refused(extract('bomb.zip', 'zip', bomb, roomy), 'TOOL_UNSAFE_ARCHIVE', ['"bomb.zip"', 'overlaps the entry', 'zip bombs']);
    assert.deepEqual(await walk(box.dest), []);
  });

  it('better zip bomb (Fifield): each entry quoting the next one\'s header is refused as overlapping before anything is written', async () => {
    const bomb = makeZipOverlapBomb({ files: 64, kernelMiB: 1, layout: 'quoted' });
    assert.ok(inflateEveryEntry(bomb) > 64 * MiB, 'the bomb is genuine: every entry inflates, CRC and size intact');
    await refused(extract('bomb.zip', 'zip', bomb, roomy), 'TOOL_UNSAFE_ARCHIVE', ['"bomb.zip"', '"f0001" overlaps the entry "f0000"']);
    assert.deepEqual(await walk(box.dest), []);
  });

  it('flat zip bomb: entries that do not overlap but declare more than the limit are refused before anything is written', async () => {
    await refused(extract('bomb.zip', 'zip', makeZipFlatBomb({ files: 8, mebibytesEach: 1 })), 'TOOL_ARCHIVE_LIMIT', overDeclared('bomb.zip'));
    assert.deepEqual(await walk(box.dest), []);
  });

  it('flat zip bomb under the byte limit: its declared ratio is refused before anything is written', async () => {
    const limits = { ...roomy, maxRatio: 200, ratioFloorBytes: 2 * MiB };
    await refused(extract('bomb.zip', 'zip', makeZipFlatBomb({ files: 8, mebibytesEach: 1 }), limits), 'TOOL_ARCHIVE_LIMIT', [
      'expands more than 200 times',
      'TOOL_MAX_COMPRESSION_RATIO',
    ]);
    assert.deepEqual(await walk(box.dest), []);
  });

  it('a zip with more entries than the limit is refused from its central directory before anything is written', async () => {
    const entries = Array.from({ length: 1001 }, (_, i) => ({ name: `f${i}`, body: 'x' }));
    await refused(extract('many.zip', 'zip', makeZip(entries)), 'TOOL_ARCHIVE_LIMIT', ['"many.zip"', 'more than 1000 files', 'TOOL_MAX_ENTRIES=2000']);
    assert.deepEqual(await walk(box.dest), []);
  });
});

describe('entry counts and lying headers', () => {
  // npm run faults sets TOOL_BOMB_ENTRIES=1000000; npm test keeps it small (each entry is a file created).
  const entries = Number(process.env.TOOL_BOMB_ENTRIES ?? 1000);
  const few: ArchiveLimits = { ...small, maxEntries: 200 };

  it(`a tar with ${entries} tiny entries stops at a 200-entry limit`, async () => {
    await refused(extract('many.tar.gz', 'tar.gz', makeManyEntriesTarGz(entries), few), 'TOOL_ARCHIVE_LIMIT', [
      '"many.tar.gz"',
      'more than 200 files, directories and links',
      'TOOL_MAX_ENTRIES=400',
      'Nothing was installed',
    ]);
    assert.ok((await walk(box.dest)).length <= few.maxEntries);
  });

  it('directories implied by deep paths count: 6 entries 40 levels deep cross a 200-entry limit', async () => {
    const deep = Array.from({ length: 6 }, (_, i) => ({ path: `d${i}/${'a/'.repeat(40)}f`, body: '' }));
    await refused(extract('deep.tar.gz', 'tar.gz', makeTarGz(deep), few), 'TOOL_ARCHIVE_LIMIT', ['TOOL_MAX_ENTRIES']);
    assert.ok((await walk(box.dest)).length <= few.maxEntries);
  });

  it('tar whose header understates: 1 KiB declared, 64 MiB of zeros after it, is stopped by counting, not by the header', async () => {
    await refused(extract('lie.tar.gz', 'tar.gz', makeLyingTarGz('understated', 1024, 64)), 'TOOL_ARCHIVE_LIMIT', overBytes('lie.tar.gz'));
    await assertWroteAtMost(small.maxUnpackedBytes);
  });

  it('tar.gz compressed twice: node-tar inflates the inner layer itself, and the sizes it writes are still held to the limit', async () => {
    const twice = gzipSync(makeTarGzBomb(64));
    await refused(extract('twice.tar.gz', 'tar.gz', twice), 'TOOL_ARCHIVE_LIMIT', overDeclared('twice.tar.gz'));
    assert.deepEqual(await walk(box.dest), []);
  });

  it('tar whose header overstates: 6 GiB declared in a 2 KiB archive is refused at the header', async () => {
    await refused(extract('lie.tar.gz', 'tar.gz', makeLyingTarGz('overstated', 6 * 1024 * MiB)), 'TOOL_ARCHIVE_LIMIT', overDeclared('lie.tar.gz'));
    assert.deepEqual(await walk(box.dest), []);
  });

  it('tar whose pax header contradicts its ustar size (0 vs 64 MiB) is held to the size it really writes', async () => {
    await refused(extract('lie.tar.gz', 'tar.gz', makeLyingTarGz('pax', 64 * MiB)), 'TOOL_ARCHIVE_LIMIT', ['"lie.tar.gz"', 'TOOL_MAX_UNPACKED_BYTES']);
    await assertWroteAtMost(small.maxUnpackedBytes);
  });
});
