import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { type Codec, codecOf, createDecompressor } from '../../../src/archive/decompress.js';
import { fixturesDir } from './build.js';

const hello = '#!/bin/sh\necho hello 9.99.1\n';

/** Feeds `input` in small chunks, so the decoders see more than one write. */
async function decompress(codec: Codec, input: Buffer): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const pieces = Array.from({ length: Math.ceil(input.length / 7) }, (_, i) => input.subarray(i * 7, i * 7 + 7));
  await pipeline(Readable.from(pieces), await createDecompressor(codec), async (source: AsyncIterable<Buffer>) => {
    for await (const chunk of source) chunks.push(Buffer.from(chunk));
  });
  return Buffer.concat(chunks);
}

async function fixture(name: string): Promise<Buffer> {
  return readFile(new URL(name, fixturesDir));
}

describe('codecOf', () => {
  it('maps each archive kind to its codec', () => {
    assert.equal(codecOf('tar.gz'), 'gzip');
    assert.equal(codecOf('gz'), 'gzip');
    assert.equal(codecOf('tar.xz'), 'xz');
    assert.equal(codecOf('bz2'), 'bzip2');
    assert.equal(codecOf('tar.zst'), 'zstd');
    assert.equal(codecOf('tar'), 'none');
    assert.equal(codecOf('raw'), 'none');
    assert.equal(codecOf('zip'), 'none');
  });
});

describe('createDecompressor', () => {
  const cases: [Codec, string][] = [
    ['xz', 'hello.xz'],
    ['bzip2', 'hello.bz2'],
    ['zstd', 'hello.zst'],
  ];

  it('decodes gzip and passes plain bytes through', async () => {
    assert.equal((await decompress('gzip', gzipSync(hello))).toString(), hello);
    assert.equal((await decompress('none', Buffer.from(hello))).toString(), hello);
  });

  for (const [codec, name] of cases) {
    it(`decodes ${codec} from a stream fed in small chunks`, async () => {
      assert.equal((await decompress(codec, await fixture(name))).toString(), hello);
    });

    it(`fails, rather than hangs, on truncated ${codec} input`, async () => {
      const whole = await fixture(name);
      await assert.rejects(decompress(codec, whole.subarray(0, Math.floor(whole.length / 2))));
    });

    it(`fails on empty and on garbage ${codec} input`, async () => {
      await assert.rejects(decompress(codec, Buffer.alloc(0)));
      await assert.rejects(decompress(codec, Buffer.from('this is not compressed at all, not even a little')));
    });
  }

  it('fails on truncated and on empty gzip input', async () => {
    const whole = gzipSync(hello);
    await assert.rejects(decompress('gzip', whole.subarray(0, whole.length - 6)));
    await assert.rejects(decompress('gzip', Buffer.alloc(0)));
  });

  it('can run xz decoders concurrently and after a failed one', async () => {
    const xz = await fixture('hello.xz');
    await assert.rejects(decompress('xz', xz.subarray(0, 20)));
    const results = await Promise.all([decompress('xz', xz), decompress('xz', xz), decompress('xz', xz)]);
    for (const result of results) assert.equal(result.toString(), hello);
  });
});
