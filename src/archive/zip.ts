/**
 * Zip extraction with yauzl, the sole importer of `yauzl`. Zip needs the
 * central directory at the end of the file, so it works from a file, not a
 * stream. Two passes over the central directory: the first writes nothing and
 * refuses an archive whose entries overlap (zip-spans.ts) or whose declared
 * sizes or entry count cannot fit the limits; the second reads entries one at a
 * time (lazyEntries), each name decoded here and checked by the EntryGuard
 * before anything is written, each body counted by the UnpackBudget as it inflates.
 */
import { mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { badArchive, unsafeEntry } from './archive-errors.js';
import { EntryGuard, type ExtractedFile } from './entry-guard.js';
import { writeNewFile } from './new-file.js';
import type { UnpackBudget } from './unpack-budget.js';
import { assertNoOverlap, type ZipSpan } from './zip-spans.js';

export interface ZipExtractOptions {
  dest: string;
  archive: string;
  budget: UnpackBudget;
}

/** Longest symlink target we accept; a link entry's body is its target. */
const maxLinkTarget = 4096;

const fileTypes: Readonly<Record<number, string>> = {
  0o010000: 'FIFO',
  0o020000: 'character device',
  0o060000: 'block device',
  0o120000: 'symlink',
  0o140000: 'socket',
};

export async function extractZip(file: string, options: ZipExtractOptions): Promise<ExtractedFile[]> {
  await survey(file, options);
  const guard = new EntryGuard(options.archive, { allowDuplicates: false, budget: options.budget });
  const zip = await openZip(file);
  await forEachEntry(zip, (entry) => writeEntry(zip, entry, guard, options));
  return guard.finish();
}

/**
 * The first pass, which writes nothing: no two entries may share bytes (checked
 * first: that is an attack whatever the sizes), and the headers' entry count,
 * sizes and ratio must fit the limits. The second pass counts what really inflates.
 */
async function survey(file: string, options: ZipExtractOptions): Promise<void> {
  const zip = await openZip(file);
  const spans: ZipSpan[] = [];
  let declared = 0;
  await forEachEntry(zip, async (entry) => {
    declared += entry.uncompressedSize;
    const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
    spans.push({ name: entryName(entry), start: entry.relativeOffsetOfLocalHeader, end: fileDataStart + entry.compressedSize });
    // yauzl yields exactly entryCount entries, so this count cannot lie; checked here so the file gets closed.
    if (spans.length === 1) options.budget.expectEntries(zip.entryCount);
  });
  assertNoOverlap(spans, options.archive);
  options.budget.expect(declared);
  options.budget.judgeRatio(declared, zip.fileSize);
}

function openZip(file: string): Promise<ZipFile> {
  // decodeStrings: false so yauzl neither rewrites backslashes to "/" nor rejects
  // names with its own generic errors: safe-path decides, with our error codes.
  return yauzl.openPromise(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
}

/** Visits entries one at a time; the file closes itself after the last one, or here on the first error. */
function forEachEntry(zip: ZipFile, visit: (entry: Entry) => Promise<void>): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      visit(entry).then(
        () => zip.readEntry(),
        (error: unknown) => {
          zip.close();
          reject(error);
        },
      );
    });
    zip.readEntry();
  });
}

/** Keeps backslashes (strict) so safe-path can refuse them; honours the UTF-8 flag and Info-ZIP's Unicode path field. */
function entryName(entry: Entry): string {
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
}

async function writeEntry(zip: ZipFile, entry: Entry, guard: EntryGuard, options: ZipExtractOptions): Promise<void> {
  const name = entryName(entry);
  if (entry.isEncrypted()) throw badArchive(options.archive, `entry ${JSON.stringify(name)} is encrypted, which is not supported`);
  const unixMode = entry.externalFileAttributes >>> 16;
  const type = entryType(name, unixMode);
  const linkTarget = type === 'symlink' ? await readLinkTarget(zip, entry, name, options.archive) : undefined;
  const admitted = guard.admit({ name, type, mode: unixMode, linkTarget });
  if (admitted === undefined) return;
  const target = join(options.dest, admitted.path);
  if (type === 'dir') {
    await mkdir(target, { recursive: true, mode: admitted.mode });
    return;
  }
  await mkdir(dirname(target), { recursive: true, mode: 0o755 });
  if (type === 'symlink') {
    await symlink(linkTarget as string, target);
    return;
  }
  const check = crcCheck(entry.crc32, name, options.archive);
  options.budget.addPacked(entry.compressedSize);
  await writeNewFile(target, admitted.mode, () => zip.openReadStreamPromise(entry), options.budget.meter(), check);
}

/**
 * The type from the unix mode in the external attributes (zips made on
 * Windows have none; then a trailing "/" marks a directory).
 */
function entryType(name: string, unixMode: number): string {
  const format = unixMode & 0o170000;
  if (format === 0o040000 || name.endsWith('/')) return 'dir';
  if (format === 0 || format === 0o100000) return 'file';
  return fileTypes[format] ?? `unknown (mode ${unixMode.toString(8)})`;
}

/** yauzl checks sizes but not CRC-32, so a stored entry with flipped bytes would pass unnoticed. */
function crcCheck(expected: number, name: string, archive: string): Transform {
  let crc = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      crc = crc32(chunk, crc);
      done(null, chunk);
    },
    flush(done) {
      done(crc === expected ? null : badArchive(archive, `entry ${JSON.stringify(name)} fails its CRC-32 check`));
    },
  });
}

async function readLinkTarget(zip: ZipFile, entry: Entry, name: string, archive: string): Promise<string> {
  if (entry.uncompressedSize > maxLinkTarget) {
    throw unsafeEntry(archive, name, `is a symlink with a ${entry.uncompressedSize}-byte target`);
  }
  const chunks: Buffer[] = [];
  for await (const chunk of await zip.openReadStreamPromise(entry)) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
