/**
 * Bounded memory for decoders that cannot be paused. fzstd decodes each piece
 * it is given at once and hands the output to a callback, and 50 bytes of zstd
 * can be 1 MiB of output: one 64 KiB chunk of a bomb would be gigabytes in
 * memory before anything downstream could refuse it. Here input is fed in
 * slices sized from the output the last one made, and each slice's output is
 * passed on, as the reader asks for it, before the next slice is decoded.
 */
import { Duplex } from 'node:stream';

/** A decoding stream that can say how many compressed bytes it has decoded so far, not just been handed. */
export type Decoder = Duplex & { consumed(): number };

export function withConsumed(stream: Duplex, consumed: () => number): Decoder {
  return Object.assign(stream, { consumed });
}

export interface EagerDecoder {
  write(piece: Uint8Array): void;
  end(): void;
}

/** Output aimed at per input slice; slices shrink (to 64 bytes) or grow (to 1 MiB) to stay near it. */
const SLICE_OUTPUT = 2 << 20;

export function pacedDecoder(open: (emit: (chunk: Uint8Array) => void) => EagerDecoder): Decoder {
  let consumed = 0;
  const stream = Duplex.from(async function* (source: AsyncIterable<Buffer>) {
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
    for await (const chunk of source) {
      for (let at = 0; at < chunk.length; ) {
        const piece = chunk.subarray(at, at + slice);
        at += piece.length;
        consumed += piece.length;
        decoder.write(piece);
        if (outputBytes > SLICE_OUTPUT) slice = Math.max(64, slice >> 2);
        else if (outputBytes < SLICE_OUTPUT / 4) slice = Math.min(1 << 20, slice << 1);
        yield* take();
      }
    }
    if (consumed === 0) throw new Error('empty input');
    decoder.end();
    yield* take();
  });
  return withConsumed(stream, () => consumed);
}
