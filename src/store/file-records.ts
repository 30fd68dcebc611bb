/**
 * What each file of a store version was when it was published: size, mode and
 * SHA-256 of every regular file, the target of every symlink. The manifest
 * keeps them (`files`), so `tool doctor` can tell a byte changed after install
 * (--deep re-hashes) or a size, mode or modification time (the fast check).
 * Versions installed before tool recorded this have no `files`.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { lstat, readdir, readlink } from 'node:fs/promises';
import { join, posix } from 'node:path';
import { pipeline } from 'node:stream/promises';

export type FileRecord =
  /** mode: permission bits in octal as published (read-only), e.g. "555". */
  | { size: number; mode: string; sha256: string }
  | { link: string };

/** Path relative to the version directory ("files/rg") → its record. */
export type FileRecords = Record<string, FileRecord>;

/** Publishing takes every write bit away (publish.ts), so that is the mode to expect afterwards. */
export function publishedMode(mode: number): string {
  return (mode & 0o777 & ~0o222).toString(8);
}

/** SHA-256 of a file, streamed: an executable may be hundreds of MB. */
export async function hashFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path, { highWaterMark: 1 << 20 }), hash);
  return hash.digest('hex');
}

/** Every entry below `dir`, as POSIX paths relative to `base`, sorted; directories included. */
export async function walk(base: string, dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(join(base, dir), { withFileTypes: true }).catch(() => []);
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
    const path = posix.join(dir, entry.name);
    found.push(path);
    if (entry.isDirectory()) found.push(...(await walk(base, path)));
  }
  return found;
}

/**
 * Records of everything under `<versionDir>/files`. `known` gives hashes the
 * caller already has (a raw asset is its own executable), so those files are
 * not read twice.
 */
export async function recordFiles(versionDir: string, known: Record<string, string> = {}): Promise<FileRecords> {
  const records: FileRecords = {};
  for (const path of await walk(versionDir, 'files')) {
    const full = join(versionDir, path);
    const info = await lstat(full);
    if (info.isSymbolicLink()) records[path] = { link: await readlink(full) };
    else if (info.isFile()) records[path] = { size: info.size, mode: publishedMode(info.mode), sha256: known[path] ?? (await hashFile(full)) };
  }
  return records;
}
