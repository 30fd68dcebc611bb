/**
 * Pairs a V8 code cache (`<file>.v8cache`, see code-cache.ts) with the bundle
 * file it was made from. V8 checks the source only by its length, so a cache
 * starts with the file's size and build stamp: a hash of its content that
 * scripts/bundle.mjs appends as a last-line comment. Not the mtime: npm install
 * gives every file the time of the install, which would turn the caches off for
 * every user who installed the package.
 */
import { readFileSync } from 'node:fs';

const HEADER = 16;

/** Written by scripts/bundle.mjs at the end of every bundle file. */
const BUILD_STAMP = /\/\/# toolBuild=([0-9a-f]{16})\n?$/;

/** The source's length and build stamp; undefined (no cache) for a file the build did not stamp. */
export function stamp(source: string): Buffer | undefined {
  const build = BUILD_STAMP.exec(source.slice(-40))?.[1];
  if (build === undefined) return undefined;
  const header = Buffer.alloc(HEADER);
  header.writeDoubleLE(source.length, 0);
  header.write(build, 8, 'hex');
  return header;
}

/** The cached data made from this very file, if there is any. */
export function readCache(cacheFile: string, fileStamp: Buffer | undefined): Buffer | undefined {
  if (fileStamp === undefined) return undefined;
  let data: Buffer;
  try {
    data = readFileSync(cacheFile);
  } catch {
    return undefined; // not built, or removed
  }
  return data.length > HEADER && data.subarray(0, HEADER).equals(fileStamp) ? data.subarray(HEADER) : undefined;
}

/** The cache made for bundle file `file`, if it has one that belongs to it (what a start-up would use). */
export function codeCacheFor(file: string): Buffer | undefined {
  return readCache(`${file}.v8cache`, stamp(readFileSync(file, 'latin1')));
}

