/**
 * Tar extraction with node-tar's Unpack, the sole importer of `tar`. Every
 * header goes through the EntryGuard in `filter`, before node-tar sees the
 * entry; node-tar's own path checks stay on as a second line, and `strict`
 * turns each of its warnings into an error instead of a silent skip.
 */
import { createHash } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { type ReadEntry, Unpack } from 'tar';
import { asArchiveError } from './archive-errors.js';
import { EntryGuard, type EntryHeader, type ExtractedFile } from './entry-guard.js';

export interface TarExtractOptions {
  /** Absolute path of the empty extraction directory. */
  dest: string;
  /** describeArchive() text for messages. */
  archive: string;
}

const entryTypes: Readonly<Record<string, string>> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'dir',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
};

/** Extracts an uncompressed tar stream into options.dest; rejects with a ToolError on the first problem. */
/**
 * A pass-through that hashes an entry's bytes on their way to the file, so the
 * manifest records every file's SHA-256 without reading the store back
 * (326 MB took 0.3 s to re-read and hash; here it overlaps with inflation).
 */
function hashingPassage(path: string, digests: Map<string, string>): Transform {
  const hash = createHash('sha256');
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      digests.set(path, hash.digest('hex'));
      done();
    },
  });
}

export function extractTar(input: Readable, options: TarExtractOptions): Promise<ExtractedFile[]> {
  const guard = new EntryGuard(options.archive, { allowDuplicates: true });
  // The guard's path of each admitted entry, and the digest of each file written (a later duplicate wins, as on disk).
  const admittedPath = new WeakMap<ReadEntry, string>();
  const digests = new Map<string, string>();
  return new Promise((resolve, reject) => {
    let settled = false;
    const fail = (error: unknown): void => {
      if (settled) return;
      settled = true;
      reject(asArchiveError(error, options.archive));
      // Stop parsing so no later entry is written, and stop reading the input.
      input.unpipe();
      input.destroy();
      unpack.abort(error instanceof Error ? error : new Error(String(error)));
    };
    const unpack = new Unpack({
      cwd: options.dest,
      strict: true,
      preserveOwner: false,
      preservePaths: false,
      // Parent directories node-tar creates itself; the OS umask may narrow these.
      dmode: 0o755,
      fmode: 0o644,
      filter: (_path, entry) => admit(guard, entry as ReadEntry, fail, admittedPath),
      // node-tar pipes each file entry through what this returns; directories and links carry no bytes.
      transform: (entry) => {
        const path = admittedPath.get(entry);
        return path !== undefined && entry.type !== 'Link' ? (hashingPassage(path, digests) as unknown as ReadEntry) : undefined;
      },
      onwarn: (code, message) => fail(new Error(`${code}: ${message}`)),
    });
    unpack.on('error', fail);
    unpack.on('finish', () => {
      if (settled) return;
      try {
        const files = guard.finish().map((file) => (file.type === 'file' && digests.has(file.path) ? { ...file, sha256: digests.get(file.path)! } : file));
        settled = true;
        resolve(files);
      } catch (error) {
        fail(error);
      }
    });
    input.on('error', fail);
    input.pipe(unpack);
  });
}

/** The `filter` hook: false skips the entry; an unsafe entry also fails the whole extraction. */
function admit(guard: EntryGuard, entry: ReadEntry, fail: (error: unknown) => void, admittedPath: WeakMap<ReadEntry, string>): boolean {
  const header: EntryHeader = {
    name: entry.path,
    type: entryTypes[entry.type] ?? entry.type,
    mode: entry.mode,
    linkTarget: entry.linkpath,
  };
  try {
    const admitted = guard.admit(header);
    if (admitted === undefined) return false;
    // Only the normalised permission bits reach the disk: never setuid, setgid or sticky.
    entry.mode = admitted.mode;
    admittedPath.set(entry, admitted.path);
    return true;
  } catch (error) {
    fail(error);
    return false;
  }
}
