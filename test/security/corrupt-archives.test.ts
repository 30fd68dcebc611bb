// Corrupt, truncated and mislabelled downloads must reject with
// TOOL_BAD_ARCHIVE: never hang, never crash with a raw stack trace.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { extractFile, extractStream } from '../../src/archive/extract.js';
import type { ArchiveKind } from '../../src/archive/kind.js';
import { eachTestInSandbox, fixturesDir, makeTar, makeZip, rejectsWith, type Sandbox } from '../unit/archive/build.js';

let box: Sandbox;
eachTestInSandbox((fresh) => (box = fresh));

/** Every test gets this long; a hang fails instead of stalling the suite. */
const timeout = 10_000;

async function extractBytes(kind: ArchiveKind, data: Buffer): Promise<unknown> {
  const file = join(box.input, `asset.${kind}`);
  await writeFile(file, data);
  return extractFile(file, { kind, dest: box.dest, singleFileName: 'tool' });
}

function half(data: Buffer): Buffer {
  return data.subarray(0, Math.floor(data.length / 2));
}

const tar = makeTar([
  { name: 'pkg/bin/tool', body: '#!/bin/sh\n'.repeat(200), mode: 0o755 },
  { name: 'pkg/README', body: 'readme\n'.repeat(200) },
]);

describe('corrupt archives', () => {
  it('truncated gzip: a tar.gz cut in half rejects with TOOL_BAD_ARCHIVE instead of hanging', { timeout }, async () => {
    await rejectsWith(extractBytes('tar.gz', half(gzipSync(tar))), 'TOOL_BAD_ARCHIVE', ['tar.gz archive', 'asset.tar.gz']);
  });

  it('truncated gzip on a stream: the same through extractStream', { timeout }, async () => {
    const done = extractStream(Readable.from([half(gzipSync(tar))]), { kind: 'tar.gz', dest: box.dest, singleFileName: 'x' });
    await rejectsWith(done, 'TOOL_BAD_ARCHIVE', ['tar.gz archive']);
  });

  it('truncated single .gz: rejects with TOOL_BAD_ARCHIVE', { timeout }, async () => {
    await rejectsWith(extractBytes('gz', half(gzipSync('#!/bin/sh\n'.repeat(100)))), 'TOOL_BAD_ARCHIVE', ['gz archive']);
  });

  it('truncated tar: a plain tar cut inside an entry rejects', { timeout }, async () => {
    await rejectsWith(extractBytes('tar', tar.subarray(0, 1000)), 'TOOL_BAD_ARCHIVE', ['tar archive']);
  });

  it('garbage tar: random bytes labelled .tar reject', { timeout }, async () => {
    await rejectsWith(extractBytes('tar', Buffer.alloc(4096, 'garbage ')), 'TOOL_BAD_ARCHIVE', ['tar archive']);
  });

  it('bad header checksum: a tar whose first header is altered rejects', { timeout }, async () => {
    const altered = Buffer.from(tar);
    altered[0] = 'X'.charCodeAt(0);
    await rejectsWith(extractBytes('tar', altered), 'TOOL_BAD_ARCHIVE', ['tar archive']);
  });

  it('empty download: an empty tar.gz and an empty .gz reject', { timeout }, async () => {
    await rejectsWith(extractBytes('tar.gz', Buffer.alloc(0)), 'TOOL_BAD_ARCHIVE', ['tar.gz archive']);
    await rejectsWith(extractBytes('gz', Buffer.alloc(0)), 'TOOL_BAD_ARCHIVE', ['gz archive']);
  });

  it('mislabelled: a gzip file called .tar.xz rejects', { timeout }, async () => {
    await rejectsWith(extractBytes('tar.xz', gzipSync(tar)), 'TOOL_BAD_ARCHIVE', ['tar.xz archive']);
  });

  for (const kind of ['tar.xz', 'tar.bz2', 'tar.zst'] as const) {
    it(`truncated ${kind}: the committed fixture cut in half rejects`, { timeout }, async () => {
      const whole = await readFile(new URL(`hello-9.99.1.${kind}`, fixturesDir));
      await rejectsWith(extractBytes(kind, half(whole)), 'TOOL_BAD_ARCHIVE', [`${kind} archive`]);
    });
  }

  for (const kind of ['xz', 'bz2', 'zst'] as const) {
    it(`empty and truncated single .${kind} reject`, { timeout }, async () => {
      const whole = await readFile(new URL(`hello.${kind}`, fixturesDir));
      await rejectsWith(extractBytes(kind, half(whole)), 'TOOL_BAD_ARCHIVE', [`${kind} archive`]);
    });
  }

  it('not a zip: a text file labelled .zip rejects with TOOL_BAD_ARCHIVE', { timeout }, async () => {
    await rejectsWith(extractBytes('zip', Buffer.from('this is not a zip file')), 'TOOL_BAD_ARCHIVE', ['zip archive']);
  });

  it('truncated zip: a zip missing its last bytes rejects', { timeout }, async () => {
    const zip = makeZip([{ name: 'tool', body: 'x'.repeat(1000), deflate: true }]);
    await rejectsWith(extractBytes('zip', zip.subarray(0, zip.length - 10)), 'TOOL_BAD_ARCHIVE', ['zip archive']);
  });

  it('zip with a corrupt deflated body: flipped bytes fail to inflate or to match the declared size', { timeout }, async () => {
    const zip = makeZip([{ name: 'tool', body: 'x'.repeat(1000), deflate: true }]);
    const corrupt = Buffer.from(zip);
    for (let i = 40; i < 60; i++) corrupt[i] = 0xff;
    await rejectsWith(extractBytes('zip', corrupt), 'TOOL_BAD_ARCHIVE', ['zip archive']);
  });

  it('zip with a corrupt stored body: flipped bytes fail the CRC-32 check', { timeout }, async () => {
    const zip = makeZip([{ name: 'tool', body: 'x'.repeat(1000) }]);
    const corrupt = Buffer.from(zip);
    corrupt[100] = 0x00;
    await rejectsWith(extractBytes('zip', corrupt), 'TOOL_BAD_ARCHIVE', ['"tool"', 'CRC-32']);
  });
});
