/**
 * bzip2 decoding one block at a time, the sole importer of unbzip2-stream.
 * Its stream wrapper decodes every block it holds in one call, and 45 bytes of
 * bzip2 can be 1 MiB of output (a crafted block, about 46 MB): a bomb's whole
 * output would sit in memory before anything downstream could refuse it. Here
 * each block's output is passed on, as the reader asks for it, before the next
 * block is decoded. Concatenated streams are read one after another, as bzip2(1) does.
 */
import { Duplex } from 'node:stream';
import type { BitReader } from 'unbzip2-stream/lib/bit_iterator.js';
import { withConsumed, type Decoder } from './paced-decoder.js';

interface Library {
  bzip2: (typeof import('unbzip2-stream/lib/bzip2.js'))['default'];
  bitIterator: (typeof import('unbzip2-stream/lib/bit_iterator.js'))['default'];
}

/** Loaded on first use: a CommonJS module imported dynamically arrives as { default: exports }. */
export async function loadBzip2(): Promise<Library> {
  const [bzip2, bits] = await Promise.all([import('unbzip2-stream/lib/bzip2.js'), import('unbzip2-stream/lib/bit_iterator.js')]);
  return { bzip2: bzip2.default, bitIterator: bits.default };
}

/** Compressed bytes held before a block is decoded: a whole block of the stream's size, as unbzip2-stream waits for. */
function enoughFor(blockSize: number): number {
  return 25_000 + 100_000 * blockSize;
}

export function bzip2Decoder({ bzip2, bitIterator }: Library): Decoder {
  let bits: BitReader | undefined;
  const stream = Duplex.from(async function* (source: AsyncIterable<Buffer>) {
    const queue: Buffer[] = [];
    let received = 0;
    let blockSize = 0;
    let streamCRC: number | null = null;
    /** Reads a stream header or decodes one block; returns its output, if any. */
    const step = (reader: BitReader): Buffer | undefined => {
      if (blockSize === 0) {
        blockSize = bzip2.header(reader);
        streamCRC = 0;
        return undefined;
      }
      const output = new Growing();
      const size = 100_000 * blockSize;
      streamCRC = bzip2.decompress(reader, (byte) => output.add(byte), new Int32Array(size), size, streamCRC);
      if (streamCRC === null) blockSize = 0;
      return output.bytes();
    };
    for await (const chunk of source) {
      queue.push(chunk);
      received += chunk.length;
      bits ??= bitIterator(() => queue.shift());
      while (received - bits.bytesRead + 1 >= enoughFor(blockSize)) {
        const output = step(bits);
        if (output?.length) yield output;
      }
    }
    if (bits === undefined) throw new Error('empty input');
    while (received > bits.bytesRead) {
      const output = step(bits);
      if (output?.length) yield output;
    }
    if (streamCRC !== null) throw new Error('input stream ended prematurely');
  });
  return withConsumed(stream, () => bits?.bytesRead ?? 0);
}

/** A byte buffer that doubles as it fills: a block arrives one byte at a time. */
class Growing {
  #buffer = Buffer.allocUnsafe(1 << 16);
  #length = 0;

  add(byte: number): void {
    if (this.#length === this.#buffer.length) {
      const bigger = Buffer.allocUnsafe(this.#buffer.length * 2);
      this.#buffer.copy(bigger);
      this.#buffer = bigger;
    }
    this.#buffer[this.#length++] = byte;
  }

  bytes(): Buffer {
    return this.#buffer.subarray(0, this.#length);
  }
}
