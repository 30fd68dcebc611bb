// unbzip2-stream ships no types. It returns a classic `through` stream: write()
// and end() decode synchronously, emitting 'data', 'error' and 'end'.
declare module 'unbzip2-stream' {
  import type { Stream } from 'node:stream';

  interface ThroughStream extends Stream {
    write(chunk: Uint8Array): boolean;
    end(): void;
  }

  export default function unbzip2Stream(): ThroughStream;
}
