/**
 * Tar extraction with node-tar's Unpack, the sole importer of `tar`. Every
 * header goes through the EntryGuard in `filter`, before node-tar sees the
 * entry; node-tar's own path checks stay on as a second line, and `strict`
 * turns each of its warnings into an error instead of a silent skip.
 */
import type { Readable } from 'node:stream';
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
export function extractTar(input: Readable, options: TarExtractOptions): Promise<ExtractedFile[]> {
  const guard = new EntryGuard(options.archive, { allowDuplicates: true });
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
      filter: (_path, entry) => admit(guard, entry as ReadEntry, fail),
      onwarn: (code, message) => fail(new Error(`${code}: ${message}`)),
    });
    unpack.on('error', fail);
    unpack.on('finish', () => {
      if (settled) return;
      try {
        const files = guard.finish();
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
function admit(guard: EntryGuard, entry: ReadEntry, fail: (error: unknown) => void): boolean {
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
    return true;
  } catch (error) {
    fail(error);
    return false;
  }
}
