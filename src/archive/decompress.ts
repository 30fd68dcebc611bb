/**
 * One decompression Transform per codec, so every archive kind except zip can
 * be extracted straight from a download stream. The sole importer of any xz,
 * bzip2 or zstd library. Decoder failures surface as plain stream errors; the
 * caller turns them into TOOL_BAD_ARCHIVE.
 */
import { Duplex, PassThrough, Transform, type TransformOptions } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import type { ArchiveKind } from './kind.js';
// The decoders are imported when first needed (xz's WASM costs start-up time):
// - fzstd: pure JS, no dependencies, with a streaming Decompress class. Node 20's
//   zlib has no zstd, and @mongodb-js/zstd fetches a prebuilt binary at install time.
// - unbzip2-stream: pure JS and streaming (block by block); seek-bzip and
//   compressjs only decode whole buffers.
// - xz-decompress: xz-embedded compiled to WASM and shipped inside the npm tarball,
//   streaming through web streams; lzma-native is a native addon.

// Stream options reach the Transform underneath, though ZlibOptions does not list them.
const gunzipOptions: ZlibOptions & TransformOptions = { chunkSize: 1 << 19, readableHighWaterMark: 1 << 21 };

export type Codec = 'none' | 'gzip' | 'xz' | 'bzip2' | 'zstd';

export function codecOf(kind: ArchiveKind): Codec {
  switch (kind) {
    case 'tar.gz':
    case 'gz':
      return 'gzip';
    case 'tar.xz':
    case 'xz':
      return 'xz';
    case 'tar.bz2':
    case 'bz2':
      return 'bzip2';
    case 'tar.zst':
    case 'zst':
      return 'zstd';
    default:
      return 'none';
  }
}

/** A fresh stream that turns compressed bytes into plain bytes ('none' passes them through). */
export async function createDecompressor(codec: Codec): Promise<Duplex> {
  switch (codec) {
    case 'none':
      return new PassThrough();
    case 'gzip':
      // 512 KiB output chunks instead of 16 KiB: each is one thread-pool round trip, and
      // room for four lets inflation run ahead while tar writes the previous ones.
      return createGunzip(gunzipOptions);
    case 'xz':
      return xz(commonJsExports(await import('xz-decompress')));
    case 'bzip2':
      return bzip2((await import('unbzip2-stream')).default);
    case 'zstd':
      return zstd((await import('fzstd')).Decompress);
  }
}

/** A CommonJS package imported dynamically arrives as { default: exports }; its types describe the exports. */
function commonJsExports<T>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

function xz(xzDecompress: typeof import('xz-decompress')): Duplex {
  // Compressed bytes go into the TransformStream; XzReadableStream pulls from its
  // readable side. Destroying the Duplex cancels the XzReadableStream, which
  // releases the library's global decoder lock.
  const input = new TransformStream<Uint8Array, Uint8Array>();
  // The package types its stream as the global ReadableStream; at run time it is Node's web stream.
  const output = new xzDecompress.XzReadableStream(input.readable) as unknown as WebReadableStream;
  return Duplex.fromWeb({ readable: output, writable: input.writable });
}

function bzip2(unbzip2Stream: (typeof import('unbzip2-stream'))['default']): Transform {
  const decoder = unbzip2Stream();
  let failure: Error | undefined;
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      decoder.write(chunk);
      done(failure);
    },
    flush(done) {
      if (seen === 0) return done(new Error('empty input'));
      decoder.end();
      done(failure);
    },
  });
  decoder.on('data', (chunk: Buffer) => stream.push(chunk));
  decoder.on('error', (error: Error) => (failure ??= error));
  return stream;
}

function zstd(ZstdDecompress: typeof import('fzstd').Decompress): Transform {
  let seen = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(attempt(() => decoder.push(chunk)));
    },
    flush(done) {
      if (seen === 0) return done(new Error('empty input'));
      done(attempt(() => decoder.push(new Uint8Array(0), true)));
    },
  });
  // Each block fzstd hands over is a fresh array, so it can be pushed as is.
  const decoder = new ZstdDecompress((chunk) => {
    if (chunk.length > 0) stream.push(chunk);
  });
  return stream;
}

function attempt(step: () => void): Error | undefined {
  try {
    step();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error : new Error(String(error));
  }
}
