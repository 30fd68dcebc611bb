// Hand-written tar and zip writers for test fixtures. They write entry names
// verbatim (including "../evil", absolute paths and links pointing outside the
// archive) because the extractor's security tests need exactly such archives,
// which well-behaved archiving libraries refuse to produce.
import { deflateRawSync, gzipSync, crc32 } from 'node:zlib';

export interface ArchiveEntry {
  path: string;
  body?: Buffer | string;
  /** Default 0o644 for files, 0o755 for directories, 0o777 for symlinks. */
  mode?: number;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink';
  linkTarget?: string;
}

type EntryType = NonNullable<ArchiveEntry['type']>;

// A fixed timestamp keeps fixture archives byte-for-byte reproducible.
const MTIME_SECONDS = Date.UTC(2024, 0, 1) / 1000;

function entryType(entry: ArchiveEntry): EntryType {
  return entry.type ?? (entry.path.endsWith('/') ? 'dir' : 'file');
}

function entryMode(entry: ArchiveEntry, type: EntryType): number {
  if (entry.mode !== undefined) return entry.mode & 0o7777;
  if (type === 'dir') return 0o755;
  if (type === 'symlink') return 0o777;
  return 0o644;
}

function entryBody(entry: ArchiveEntry, type: EntryType): Buffer {
  if (type === 'symlink' && entry.body === undefined) return Buffer.from(entry.linkTarget ?? '');
  if (type !== 'file') return Buffer.alloc(0);
  return typeof entry.body === 'string' ? Buffer.from(entry.body) : (entry.body ?? Buffer.alloc(0));
}

export function gzip(body: Buffer): Buffer {
  return gzipSync(body);
}

// ---------------------------------------------------------------- tar (USTAR)

const TAR_TYPEFLAG: Record<EntryType, string> = { file: '0', hardlink: '1', symlink: '2', dir: '5' };

/** Octal number, zero-padded to width-1 digits and NUL-terminated, as USTAR expects. */
function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** Split a long path into USTAR prefix (<=155 bytes) and name (<=100 bytes) at a '/'. */
function splitUstarPath(path: string): { prefix: string; name: string } | undefined {
  if (Buffer.byteLength(path) <= 100) return { prefix: '', name: path };
  for (let i = path.indexOf('/'); i > 0; i = path.indexOf('/', i + 1)) {
    const prefix = path.slice(0, i);
    const name = path.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(name) <= 100 && name !== '') return { prefix, name };
  }
  return undefined;
}

function tarHeader(fields: { name: string; prefix: string; mode: number; size: number; typeflag: string; linkname: string }): Buffer {
  const header = Buffer.alloc(512);
  header.write(fields.name, 0, 100);
  header.write(octal(fields.mode, 8), 100);
  header.write(octal(0, 8), 108); // uid
  header.write(octal(0, 8), 116); // gid
  header.write(octal(fields.size, 12), 124);
  header.write(octal(MTIME_SECONDS, 12), 136);
  header.write(' '.repeat(8), 148); // checksum is computed with this field as spaces
  header.write(fields.typeflag, 156);
  header.write(fields.linkname, 157, 100);
  header.write('ustar\0' + '00', 257);
  header.write('root', 265);
  header.write('root', 297);
  header.write(fields.prefix, 345, 155);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(octal(sum, 7) + ' ', 148);
  return header;
}

function padTo512(data: Buffer): Buffer[] {
  const rest = data.length % 512;
  return rest === 0 ? [data] : [data, Buffer.alloc(512 - rest)];
}

/** GNU extension record ('L' long name, 'K' long link target) for strings USTAR cannot hold. */
function gnuLongRecord(typeflag: 'L' | 'K', value: string): Buffer[] {
  const data = Buffer.from(value + '\0');
  const header = tarHeader({ name: '././@LongLink', prefix: '', mode: 0o644, size: data.length, typeflag, linkname: '' });
  return [header, ...padTo512(data)];
}

export function makeTar(entries: ArchiveEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entryType(entry);
    const body = entryBody(entry, type);
    const linkname = type === 'symlink' || type === 'hardlink' ? (entry.linkTarget ?? '') : '';
    let split = splitUstarPath(entry.path);
    if (!split) {
      blocks.push(...gnuLongRecord('L', entry.path));
      split = { prefix: '', name: entry.path.slice(0, 100) };
    }
    if (Buffer.byteLength(linkname) > 100) blocks.push(...gnuLongRecord('K', linkname));
    blocks.push(tarHeader({ ...split, mode: entryMode(entry, type), size: body.length, typeflag: TAR_TYPEFLAG[type], linkname }));
    if (body.length > 0) blocks.push(...padTo512(body));
  }
  blocks.push(Buffer.alloc(1024)); // end-of-archive marker: two zero blocks
  return Buffer.concat(blocks);
}

export function makeTarGz(entries: ArchiveEntry[]): Buffer {
  return gzip(makeTar(entries));
}

// ---------------------------------------------------------------------- zip

const S_IF: Record<Exclude<EntryType, 'hardlink'>, number> = { file: 0o100000, dir: 0o040000, symlink: 0o120000 };
// 2024-01-01 00:00:00 in MS-DOS date/time format.
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;
const UTF8_FLAG = 0x0800;

interface ZipRecord { name: Buffer; method: number; crc: number; data: Buffer; size: number; externalAttrs: number; offset: number }

function zipRecord(entry: ArchiveEntry, offset: number): ZipRecord {
  const type = entryType(entry);
  if (type === 'hardlink') throw new Error(`zip archives cannot hold hard links (${entry.path})`);
  // Zip marks directories only by a trailing slash, so one is added when missing.
  const path = type === 'dir' && !entry.path.endsWith('/') ? `${entry.path}/` : entry.path;
  const body = entryBody(entry, type);
  const deflate = type === 'file' && body.length > 0;
  const unixMode = S_IF[type] | entryMode(entry, type);
  const dosAttrs = type === 'dir' ? 0x10 : 0;
  return {
    name: Buffer.from(path),
    method: deflate ? 8 : 0,
    crc: crc32(body),
    data: deflate ? deflateRawSync(body) : body,
    size: body.length,
    externalAttrs: ((unixMode << 16) | dosAttrs) >>> 0,
    offset,
  };
}

function localHeader(r: ZipRecord): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4); // version needed: 2.0 (deflate)
  h.writeUInt16LE(UTF8_FLAG, 6);
  h.writeUInt16LE(r.method, 8);
  h.writeUInt16LE(DOS_TIME, 10);
  h.writeUInt16LE(DOS_DATE, 12);
  h.writeUInt32LE(r.crc, 14);
  h.writeUInt32LE(r.data.length, 18);
  h.writeUInt32LE(r.size, 22);
  h.writeUInt16LE(r.name.length, 26);
  h.writeUInt16LE(0, 28); // extra field length
  return Buffer.concat([h, r.name]);
}

function centralHeader(r: ZipRecord): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE((3 << 8) | 20, 4); // made by: Unix, so readers honour the mode in externalAttrs
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(UTF8_FLAG, 8);
  h.writeUInt16LE(r.method, 10);
  h.writeUInt16LE(DOS_TIME, 12);
  h.writeUInt16LE(DOS_DATE, 14);
  h.writeUInt32LE(r.crc, 16);
  h.writeUInt32LE(r.data.length, 20);
  h.writeUInt32LE(r.size, 24);
  h.writeUInt16LE(r.name.length, 28);
  // extra length, comment length, disk number, internal attributes stay 0
  h.writeUInt32LE(r.externalAttrs, 38);
  h.writeUInt32LE(r.offset, 42);
  return Buffer.concat([h, r.name]);
}

export function makeZip(entries: ArchiveEntry[]): Buffer {
  const parts: Buffer[] = [];
  const records: ZipRecord[] = [];
  let offset = 0;
  for (const entry of entries) {
    const record = zipRecord(entry, offset);
    const local = Buffer.concat([localHeader(record), record.data]);
    records.push(record);
    parts.push(local);
    offset += local.length;
  }
  const central = Buffer.concat(records.map(centralHeader));
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(records.length, 8);
  end.writeUInt16LE(records.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, central, end]);
}
