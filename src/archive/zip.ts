/**
 * Zip extraction with yauzl, the sole importer of `yauzl`. Zip needs the
 * central directory at the end of the file, so it works from a file, not a
 * stream. Entries are read one at a time (lazyEntries); each name is decoded
 * here and checked by the EntryGuard before anything is written.
 */
import { mkdir, symlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { Transform } from 'node:stream';
import { crc32 } from 'node:zlib';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { badArchive, unsafeEntry } from './archive-errors.js';
import { EntryGuard, type ExtractedFile } from './entry-guard.js';
import { writeNewFile } from './new-file.js';

export interface ZipExtractOptions {
  dest: string;
  archive: string;
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
  const guard = new EntryGuard(options.archive, { allowDuplicates: false });
  // decodeStrings: false so yauzl neither rewrites backslashes to "/" nor rejects
  // names with its own generic errors: safe-path decides, with our error codes.
  const zip = await yauzl.openPromise(file, { lazyEntries: true, decodeStrings: false, validateEntrySizes: true });
  await new Promise<void>((resolve, reject) => {
    zip.on('error', reject);
    zip.on('end', () => resolve());
    zip.on('entry', (entry: Entry) => {
      writeEntry(zip, entry, guard, options).then(
        () => zip.readEntry(),
        (error: unknown) => {
          zip.close();
          reject(error);
        },
      );
    });
    zip.readEntry();
  });
  return guard.finish();
}

async function writeEntry(zip: ZipFile, entry: Entry, guard: EntryGuard, options: ZipExtractOptions): Promise<void> {
  // Keep backslashes (strict) so safe-path can refuse them; honours the UTF-8 flag and Info-ZIP's Unicode path field.
  const name = yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, entry.fileNameRaw, entry.extraFields, true);
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
  await writeNewFile(target, admitted.mode, () => zip.openReadStreamPromise(entry), check);
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
