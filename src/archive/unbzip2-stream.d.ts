// unbzip2-stream ships no types. Its stream wrapper decodes everything it holds
// at once (no backpressure), so bzip2.ts drives the block decoder underneath.
declare module 'unbzip2-stream/lib/bit_iterator.js' {
  /** Reads n bits (null: skip to the next byte boundary); bytesRead counts bytes started. */
  interface BitReader {
    (n: number | null): number;
    bytesRead: number;
  }
  export default function bitIterator(nextBuffer: () => Uint8Array | undefined): BitReader;
}

declare module 'unbzip2-stream/lib/bzip2.js' {
  import type { BitReader } from 'unbzip2-stream/lib/bit_iterator.js';

  interface Bzip2 {
    /** Reads a stream header ("BZh" + level); returns the block size in units of 100 000 bytes. */
    header(bits: BitReader): number;
    /** Decodes one block into `emit`, byte by byte; returns the running stream CRC, or null at the end of a stream. */
    decompress(bits: BitReader, emit: (byte: number) => void, buf: Int32Array, bufsize: number, streamCRC: number | null): number | null;
  }
  const bzip2: Bzip2;
  export default bzip2;
}
