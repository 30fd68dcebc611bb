/**
 * Creates one extracted file from a stream. O_EXCL and O_NOFOLLOW: never write
 * into something that already exists, least of all through a symlink.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const createFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/** Streams `body`, through any `checks`, into a new file at `path`; rejects on the first error of any of them. */
export async function writeNewFile(path: string, mode: number, body: Readable, ...checks: Transform[]): Promise<void> {
  const handle = await open(path, createFlags, mode);
  // The write stream owns the handle from here: it closes it on finish and on error.
  await pipeline([body, ...checks, handle.createWriteStream()]);
}
