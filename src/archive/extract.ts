/**
 * Archive extraction: dispatch on the archive kind to the tar, zip or
 * single-file backend, then give every extracted file and directory its final
 * mode. Callers extract into an empty staging directory and discard it on any
 * error; nothing is ever written outside it.
 */
import { constants, createReadStream } from 'node:fs';
import { open, readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pipeline, type Readable } from 'node:stream';
import type { ArchiveLimits } from '../core/archive-limits.js';
import { ToolError } from '../core/errors.js';
import { asArchiveError, describeArchive } from './archive-errors.js';
import { codecOf, createDecompressor } from './decompress.js';
import type { ExtractedFile } from './entry-guard.js';
import { isTarKind, type ArchiveKind } from './kind.js';
import { extractSingleFile } from './single-file.js';
import { UnpackBudget } from './unpack-budget.js';
// tar (node-tar) and zip (yauzl) are loaded only for archives of their kind: yauzl alone adds
// about 14 MB of resident memory, which a raw or tar.gz install should not pay.

export type { ExtractedFile } from './entry-guard.js';

export interface ExtractOptions {
  kind: ArchiveKind;
  /** An existing empty directory; nothing may be written outside it. */
  dest: string;
  /** For single-file kinds (raw, gz, xz, bz2, zst): the file name to write inside dest. */
  singleFileName: string;
  /** The asset name, URL or path to name in error messages; extractFile defaults it to the file. */
  source?: string;
  /** How far the archive may expand (Settings.archiveLimits); default core/archive-limits.ts's. */
  limits?: ArchiveLimits;
}

/** True when extractStream supports the kind (zip needs its central directory, at the end of the file). */
export function canStream(kind: ArchiveKind): boolean {
  return kind !== 'zip';
}

/** Extracts an archive on disk. Rejects with TOOL_UNSAFE_ARCHIVE, TOOL_BAD_ARCHIVE or TOOL_ARCHIVE_LIMIT. */
export async function extractFile(file: string, options: ExtractOptions): Promise<ExtractedFile[]> {
  const dest = await checkDest(options.dest);
  const source = options.source ?? file;
  if (options.kind !== 'zip') return extractStream(createReadStream(file), { ...options, dest, source });
  const archive = describeArchive('zip', source);
  try {
    const { extractZip } = await import('./zip.js');
    const budget = new UnpackBudget(archive, options.limits);
    return await applyModes(dest, await extractZip(file, { dest, archive, budget }));
  } catch (error) {
    throw asArchiveError(error, archive);
  }
}

/**
 * Loads the tar backend (about 17 ms of module loading) ahead of extraction,
 * so a caller can overlap it with waiting for the download's first bytes.
 */
export async function prepareExtraction(kind: ArchiveKind): Promise<void> {
  if (isTarKind(kind)) await import('./tar.js');
}

/**
 * Extracts from a stream (every kind except zip), so download, hashing and
 * extraction can run as one pipeline. Rejects with TOOL_BAD_ARCHIVE for zip.
 */
export async function extractStream(
  source: NodeJS.ReadableStream | Readable,
  options: ExtractOptions,
): Promise<ExtractedFile[]> {
  const archive = describeArchive(options.kind, options.source);
  if (!canStream(options.kind)) {
    throw new ToolError('TOOL_BAD_ARCHIVE', `The ${archive} cannot be extracted from a stream: zip keeps its index at the end`, {
      hint: 'Download it to a file first and use extractFile.',
    });
  }
  const dest = await checkDest(options.dest);
  // Loaded before the pipeline starts: a decoder error in the gap would destroy the stream before tar attaches.
  const tar = isTarKind(options.kind) ? await import('./tar.js') : undefined;
  const budget = new UnpackBudget(archive, options.limits);
  // Every byte the decoder produces is counted as it comes out: the meter stops the whole pipeline
  // at a limit. Errors from source, decoder or meter reach the backend through `plain`; the
  // callback only keeps them from going unhandled.
  const decoder = await createDecompressor(codecOf(options.kind));
  budget.measureDecodedBy(decoder.consumed);
  const plain = pipeline(source, decoder, budget.meter(), () => {});
  try {
    const files = tar
      ? await tar.extractTar(plain, { dest, archive, budget })
      : await extractSingleFile(plain, { dest, archive, fileName: options.singleFileName, budget });
    return await applyModes(dest, files);
  } catch (error) {
    plain.destroy();
    throw asArchiveError(error, archive);
  }
}

/** The contract says dest exists and is empty; the symlink checks rely on the second part. */
async function checkDest(dest: string): Promise<string> {
  const absolute = resolve(dest);
  const entries = await readdir(absolute);
  if (entries.length > 0) throw new Error(`extraction directory ${absolute} is not empty`);
  return absolute;
}

/**
 * Sets each file and directory to exactly the mode the guard chose, whatever the
 * process umask made of it. O_NOFOLLOW: a chmod must never land on a link's target.
 */
async function applyModes(dest: string, files: ExtractedFile[]): Promise<ExtractedFile[]> {
  // Windows has no mode bits to fix, and cannot open a directory as a file.
  if (process.platform === 'win32') return files;
  for (const file of files) {
    if (file.type === 'symlink') continue;
    const handle = await open(join(dest, file.path), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    try {
      await handle.chmod(file.mode);
    } finally {
      await handle.close();
    }
  }
  return files;
}
