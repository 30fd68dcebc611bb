/**
 * One decompression stream per codec, so every archive kind except zip can
 * be extracted straight from a download stream. The sole importer of the xz
 * and zstd libraries (bzip2.ts drives bzip2's). Decoder failures surface as
 * plain stream errors; the caller turns them into TOOL_BAD_ARCHIVE. Every
 * decoder keeps memory bounded whatever the compression ratio: a bomb is
 * refused downstream by counting, so it must never be decoded ahead of it.
 */
import { Duplex, PassThrough, type TransformOptions } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { createGunzip, type ZlibOptions } from 'node:zlib';
import type { ArchiveKind } from './kind.js';
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
    case 'bzip2': {
      const { bzip2Decoder, loadBzip2 } = await import('./bzip2.js');
      return bzip2Decoder(await loadBzip2());
    }
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

/**
 * A decoder that decodes each piece it is given at once and hands the output to
 * a callback, as fzstd does. It cannot be paused, and 50 bytes of zstd can be
 * 1 MiB of output: one 64 KiB chunk of a bomb would be gigabytes in memory
 * before anything downstream could refuse it.
 */
interface EagerDecoder {
  write(piece: Uint8Array): void;
  end(): void;
}

/** Output aimed at per input slice; slices shrink (to 64 bytes) or grow (to 1 MiB) to stay near it. */
const SLICE_OUTPUT = 2 << 20;

/**
 * Wraps an EagerDecoder so memory stays bounded whatever the ratio: input is fed
 * in slices sized from the output the last one made, and each slice's output is
 * passed on, as the reader asks for it, before the next slice is decoded.
 */
function paced(open: (emit: (chunk: Uint8Array) => void) => EagerDecoder): Duplex {
  return Duplex.from(async function* (source: AsyncIterable<Buffer>) {
    let output: Buffer[] = [];
    let outputBytes = 0;
    const decoder = open((chunk) => {
      output.push(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length));
      outputBytes += chunk.length;
    });
    const take = (): Buffer[] => {
      const taken = output;
      output = [];
      outputBytes = 0;
      return taken;
    };
    let slice = 256;
    let seen = 0;
    for await (const chunk of source) {
      seen += chunk.length;
      for (let at = 0; at < chunk.length; ) {
        const piece = chunk.subarray(at, at + slice);
        at += piece.length;
        decoder.write(piece);
        if (outputBytes > SLICE_OUTPUT) slice = Math.max(64, slice >> 2);
        else if (outputBytes < SLICE_OUTPUT / 4) slice = Math.min(1 << 20, slice << 1);
        yield* take();
      }
    }
    if (seen === 0) throw new Error('empty input');
    decoder.end();
    yield* take();
  });
}

function zstd(ZstdDecompress: typeof import('fzstd').Decompress): Duplex {
  return paced((emit) => {
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
