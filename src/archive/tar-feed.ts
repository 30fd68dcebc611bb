/**
 * Feeds a tar stream to node-tar's Unpack with the flow control it lacks.
 * node-tar parses headers as fast as bytes arrive and queues each entry's
 * file-system work; only an entry's body holds the parser back, so a tar of a
 * million empty files would be parsed in one go: every entry queued (memory),
 * and once the entry limit refuses the archive, every admitted one still created
 * before node-tar finishes (minutes). The work is counted through Unpack's path
 * reservations (each entry reserves its paths until it is on disk), and the
 * input pauses while too much is queued.
 */
import type { Readable } from 'node:stream';

/** What feedTar needs of node-tar's Unpack (declared here: only tar.ts imports tar). */
export interface TarSink {
  write(chunk: Buffer): boolean;
  once(event: 'drain', listener: () => void): unknown;
  reservations: { reserve(paths: string[], fn: (clear: () => void) => void): boolean };
}

export interface TarFeed {
  /** Past the end of the archive: the rest is read (and metered upstream) but not handed to node-tar. */
  dropRest(): void;
}

/** Entries whose file-system work may be queued before the input pauses, and the level it resumes at. */
const PAUSE_AT = 256;
const RESUME_AT = 64;

export function feedTar(input: Readable, sink: TarSink, onEnd: () => void): TarFeed {
  let queued = 0;
  let sinkFull = false;
  let dropping = false;
  const resumeIfReady = (): void => {
    if (dropping || (!sinkFull && queued <= RESUME_AT)) input.resume();
  };
  const reserve = sink.reservations.reserve.bind(sink.reservations);
  sink.reservations.reserve = (paths, fn) => {
    queued++;
    // node-tar (7.5) never forgets a reservation's function, which holds the entry: about
    // 3 KB per entry for the whole extraction. Only this small wrapper stays behind.
    let work: typeof fn | undefined = fn;
    return reserve(paths, (clear) =>
      work?.(() => {
        work = undefined;
        queued--;
        clear();
        resumeIfReady();
      }),
    );
  };
  input.on('data', (chunk: Buffer) => {
    if (dropping) return;
    const roomy = sink.write(chunk);
    // The write may have reached the end of the archive (dropRest), which keeps the input flowing.
    if (dropping) return;
    if (!roomy && !sinkFull) {
      sinkFull = true;
      sink.once('drain', () => {
        sinkFull = false;
        resumeIfReady();
      });
    }
    if (sinkFull || queued > PAUSE_AT) input.pause();
  });
  input.on('end', onEnd);
  return {
    dropRest: () => {
      dropping = true;
      input.resume();
    },
  };
}
