/**
 * One decompression stream per codec, so every archive kind except zip can
 * be extracted straight from a download stream. The sole importer of the xz
 * and zstd libraries (bzip2.ts drives bzip2's). Decoder failures surface as
 * plain stream errors; the caller turns them into TOOL_BAD_ARCHIVE. Every
 * decoder keeps memory bounded whatever the compression ratio: a bomb is
 * refused downstream by counting, so it must never be decoded ahead of it.
 */
import { Duplex, Transform, type TransformOptions } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import type { ArchiveKind } from './kind.js';
import { pacedDecoder, withConsumed, type Decoder } from './paced-decoder.js';
// The decoders are imported when first needed (xz's WASM costs start-up time):
// - fzstd: pure JS, no dependencies, with a streaming Decompress class. Node 20's
//   zlib has no zstd, and @mongodb-js/zstd fetches a prebuilt binary at install time.
// - unbzip2-stream (in bzip2.ts): pure JS, with a block decoder; seek-bzip and
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

/**
 * A fresh stream that turns compressed bytes into plain bytes ('none' passes them
 * through), and counts the compressed bytes it has decoded: the compression
 * ratio is judged against those, not against input still waiting in buffers.
 */
export async function createDecompressor(codec: Codec): Promise<Decoder> {
  switch (codec) {
    case 'none':
      return passThrough();
    case 'gzip': {
      // 512 KiB output chunks instead of 16 KiB: each is one thread-pool round trip, and
      // room for four lets inflation run ahead while tar writes the previous ones.
      const gunzip = createGunzip(gunzipOptions);
      return withConsumed(gunzip, () => gunzip.bytesWritten);
    }
    case 'xz':
      return xz(commonJsExports(await import('xz-decompress')));
    case 'bzip2': {
      const { bzip2Decoder, loadBzip2 } = await import('./bzip2.js');
      return bzip2Decoder(await loadBzip2());
    }
    case 'zstd':
      return zstd((await import('fzstd')).Decompress);
  }
}

function passThrough(): Decoder {
  let passed = 0;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      passed += chunk.length;
      done(null, chunk);
    },
  });
  return withConsumed(stream, () => passed);
}

/** A CommonJS package imported dynamically arrives as { default: exports }; its types describe the exports. */
function commonJsExports<T>(module: T): T {
  return (module as { default?: T }).default ?? module;
}

/** The xz decoder pulls input through this, in slices, so what it has pulled is close to what it has decoded. */
const XZ_SLICE = 1 << 16;

function xz(xzDecompress: typeof import('xz-decompress')): Decoder {
  // Compressed bytes go into the TransformStream; XzReadableStream pulls from its
  // readable side. Destroying the Duplex cancels the XzReadableStream, which
  // releases the library's global decoder lock.
  const input = new TransformStream<Uint8Array, Uint8Array>();
  let pulled = 0;
  const sliced = input.readable.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        for (let at = 0; at < chunk.length; at += XZ_SLICE) controller.enqueue(chunk.subarray(at, at + XZ_SLICE));
      },
    }),
  );
  // With no room on its readable side, this transform runs only when the decoder asks for more.
  const counted = sliced.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(piece, controller) {
        pulled += piece.length;
        controller.enqueue(piece);
      },
    }),
  );
  // The package types its stream as the global ReadableStream; at run time it is Node's web stream.
  const output = new xzDecompress.XzReadableStream(counted) as unknown as WebReadableStream;
  return withConsumed(Duplex.fromWeb({ readable: output, writable: input.writable }), () => pulled);
}

function zstd(ZstdDecompress: typeof import('fzstd').Decompress): Decoder {
  return pacedDecoder((emit) => {
    // Each block fzstd hands over is a fresh array, so it can be passed on as is.
    const decoder = new ZstdDecompress((chunk) => {
      if (chunk.length > 0) emit(chunk);
    });
    return {
      write: (piece) => decoder.push(piece),
      end: () => decoder.push(new Uint8Array(0), true),
    };
  });
}
