/**
 * Creates one extracted file from a stream. O_EXCL and O_NOFOLLOW: never write
 * into something that already exists, least of all through a symlink.
 */
import { constants } from 'node:fs';
import { open } from 'node:fs/promises';
import type { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

const createFlags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);

/**
 * Creates `path`, then streams the body from `openBody`, through any `checks`,
 * into it; rejects on the first error of any of them. The body is opened only
 * once the file exists so that the pipeline's error handlers are attached in
 * the same tick: a yauzl stream starts flowing, and can fail, as soon as it opens.
 */
export async function writeNewFile(
  path: string,
  mode: number,
  openBody: () => Readable | Promise<Readable>,
  ...checks: Transform[]
): Promise<void> {
  const handle = await open(path, createFlags, mode);
  let body: Readable;
  try {
    body = await openBody();
  } catch (error) {
    await handle.close();
    throw error;
  }
  // The write stream owns the handle from here: it closes it on finish and on error.
  await pipeline([body, ...checks, handle.createWriteStream()]);
}
