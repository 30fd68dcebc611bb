/**
 * Tar extraction with node-tar's Unpack, the sole importer of `tar`. Every
 * header goes through the EntryGuard in `filter`, before node-tar sees the
 * entry; node-tar's own path checks stay on as a second line, and `strict`
 * turns each of its warnings into an error instead of a silent skip. Input
 * reaches node-tar through tar-feed.ts, which keeps its parser from running
 * far ahead of the file system.
 */
import type { Readable } from 'node:stream';
import { type ReadEntry, Unpack } from 'tar';
import { asArchiveError } from './archive-errors.js';
import { EntryDigests } from './entry-digests.js';
import { EntryGuard, type EntryHeader, type ExtractedFile } from './entry-guard.js';
import { feedTar } from './tar-feed.js';
import type { UnpackBudget } from './unpack-budget.js';

export interface TarExtractOptions {
  /** Absolute path of the empty extraction directory. */
  dest: string;
  /** describeArchive() text for messages. */
  archive: string;
  /** Counts entries here and headers' sizes; the caller meters the bytes of the tar stream itself. */
  budget: UnpackBudget;
}

const entryTypes: Readonly<Record<string, string>> = {
  File: 'file',
  OldFile: 'file',
  ContiguousFile: 'file',
  Directory: 'dir',
  SymbolicLink: 'symlink',
  Link: 'hardlink',
};

/**
 * Extracts an uncompressed tar stream into options.dest; rejects with a ToolError
 * on the first problem, but only once node-tar has settled every write it began:
 * the caller removes dest next, and a file still being created would race it.
 */
export function extractTar(input: Readable, options: TarExtractOptions): Promise<ExtractedFile[]> {
  const guard = new EntryGuard(options.archive, { allowDuplicates: true, budget: options.budget });
  const digests = new EntryDigests();
  return new Promise((resolve, reject) => {
    let failure: Error | undefined;
    let ended = false;
    const end = (): void => {
      if (ended) return;
      ended = true;
      unpack.end();
    };
    const fail = (error: unknown): void => {
      if (failure !== undefined) return;
      failure = asArchiveError(error, options.archive);
      // Stop reading and end the parse: entries still buffered are skipped (admit says no once
      // failed), the one being written is cut short, and 'finish' follows the last write.
      // abort() would return sooner, leaving those writes running and 'finish' never emitted.
      // end() waits for the chunk node-tar is inside of (it may be called from the filter):
      // ending its own gunzip mid-write throws "write after end".
      input.destroy();
      setImmediate(end);
    };
    const unpack = new Unpack({
      cwd: options.dest,
      strict: true,
      preserveOwner: false,
      preservePaths: false,
      // Parent directories node-tar creates itself; the OS umask may narrow these.
      dmode: 0o755,
      fmode: 0o644,
      filter: (_path, entry) => failure === undefined && admit(guard, options.budget, entry as ReadEntry, fail, digests),
      // node-tar pipes each file entry through what this returns (entry-digests.ts).
      transform: (entry) => digests.passage(entry, entry.type === 'Link') as unknown as ReadEntry | undefined,
      onwarn: (code, message) => fail(new Error(`${code}: ${message}`)),
    });
    unpack.on('error', fail);
    const feed = feedTar(input, unpack, end);
    // Past the end-of-archive blocks node-tar keeps every further byte in one buffer that it
    // copies again with each chunk: a bomb's trailing zeros would cost memory and quadratic
    // time. The rest is read by the feed instead, still metered (and hashed upstream), and dropped.
    unpack.on('eof', () => feed.dropRest());
    unpack.on('finish', () => {
      if (failure !== undefined) return reject(failure);
      try {
        resolve(guard.finish().map((file) => (file.type === 'file' && digests.digestOf(file.path) ? { ...file, sha256: digests.digestOf(file.path)! } : file)));
      } catch (error) {
        reject(asArchiveError(error, options.archive));
      }
    });
    input.on('error', fail);
  });
}

/** The `filter` hook: false skips the entry; an unsafe entry also fails the whole extraction. */
function admit(guard: EntryGuard, budget: UnpackBudget, entry: ReadEntry, fail: (error: unknown) => void, digests: EntryDigests): boolean {
  const header: EntryHeader = {
    name: entry.path,
    type: entryTypes[entry.type] ?? entry.type,
    mode: entry.mode,
    linkTarget: entry.linkpath,
  };
  try {
    const admitted = guard.admit(header);
    if (admitted === undefined) return false;
    // node-tar writes exactly the size the header gives, or fails: these are the bytes on disk,
    // counted before they are written. The decoder's output is metered too (extract.ts).
    budget.expect(entry.size ?? 0);
    // Only the normalised permission bits reach the disk: never setuid, setgid or sticky.
    entry.mode = admitted.mode;
    digests.admitted(entry, admitted.path);
    return true;
  } catch (error) {
    fail(error);
    return false;
  }
}
