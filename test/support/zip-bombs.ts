/**
 * Zip bombs, for the limit tests and the fault suite.
 * - overlap 'shared': every central directory entry points at the same local
 *   file, so one compressed kernel is inflated once per entry;
 * - overlap 'quoted': David Fifield's "better zip bomb" (2019): each entry's
 *   data begins with a stored deflate block that quotes the next entry's local
 *   header, then runs on into that entry's data, down to the one kernel. Every
 *   entry has its own local header, name, CRC and sizes, all honest.
 * - flat: no overlap, each entry its own deflated run of zeros (about 1000:1).
 * All CRCs and sizes are true: inflateEveryEntry proves each bomb is genuine.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import { MiB } from './bombs.js';

interface Member {
  name: Buffer;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

function localHeader(member: Member): Buffer {
  const header = Buffer.alloc(30);
  header.writeUInt32LE(0x04034b50, 0);
  header.writeUInt16LE(20, 4);
  header.writeUInt16LE(8, 8); // deflate
  header.writeUInt32LE(member.crc, 14);
  header.writeUInt32LE(member.compressedSize, 18);
  header.writeUInt32LE(member.size, 22);
  header.writeUInt16LE(member.name.length, 26);
  return Buffer.concat([header, member.name]);
}

/** The central directory and end record for `members`, which start at `directoryOffset`. */
function directory(members: readonly Member[], directoryOffset: number): Buffer {
  const records = members.map((member) => {
    const record = Buffer.alloc(46);
    record.writeUInt32LE(0x02014b50, 0);
    record.writeUInt16LE((3 << 8) | 20, 4);
    record.writeUInt16LE(20, 6);
    record.writeUInt16LE(8, 10);
    record.writeUInt32LE(member.crc, 16);
    record.writeUInt32LE(member.compressedSize, 20);
    record.writeUInt32LE(member.size, 24);
    record.writeUInt16LE(member.name.length, 28);
    record.writeUInt32LE((0o100644 << 16) >>> 0, 38);
    record.writeUInt32LE(member.offset, 42);
    return Buffer.concat([record, member.name]);
  });
  const central = Buffer.concat(records);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(central.length, 12);
  end.writeUInt32LE(directoryOffset, 16);
  return Buffer.concat([central, end]);
}

function kernel(mebibytes: number): { data: Buffer; crc: number; size: number } {
  const zeros = Buffer.alloc(mebibytes * MiB);
  return { data: deflateRawSync(zeros, { level: 9 }), crc: crc32(zeros), size: zeros.length };
}

function names(files: number): Buffer[] {
  return Array.from({ length: files }, (_, i) => Buffer.from(`f${String(i).padStart(4, '0')}`));
}

/** `files` entries that together inflate to about files × kernelMiB MiB from one kernel of kernelMiB MiB of zeros. */
export function makeZipOverlapBomb(options: { files: number; kernelMiB: number; layout: 'shared' | 'quoted' }): Buffer {
  const core = kernel(options.kernelMiB);
  return options.layout === 'shared' ? sharedBomb(names(options.files), core) : quotedBomb(names(options.files), core);
}

function sharedBomb(entryNames: Buffer[], core: ReturnType<typeof kernel>): Buffer {
  const members = entryNames.map((name) => ({ name, crc: core.crc, compressedSize: core.data.length, size: core.size, offset: 0 }));
  const local = Buffer.concat([localHeader(members[0]!), core.data]);
  return Buffer.concat([local, directory(members, local.length)]);
}

function quotedBomb(entryNames: Buffer[], core: ReturnType<typeof kernel>): Buffer {
  const count = entryNames.length;
  const members = new Array<Member>(count);
  const headers = new Array<Buffer>(count);
  // From the last entry back: each one's data is "quote the next header" + the next entry's data.
  for (let i = count - 1; i >= 0; i--) {
    const next = i + 1 < count ? headers[i + 1]! : undefined;
    const member: Member = next
      ? { name: entryNames[i]!, crc: crcOfRest(headers, i + 1, core), compressedSize: 5 + next.length + members[i + 1]!.compressedSize, size: next.length + members[i + 1]!.size, offset: 0 }
      : { name: entryNames[i]!, crc: core.crc, compressedSize: core.data.length, size: core.size, offset: 0 };
    members[i] = member;
    headers[i] = localHeader(member);
  }
  const parts: Buffer[] = [];
  let offset = 0;
  for (let i = 0; i < count; i++) {
    members[i]!.offset = offset;
    const quote = i + 1 < count ? storedBlockHeader(headers[i + 1]!.length) : Buffer.alloc(0);
    parts.push(headers[i]!, quote);
    offset += headers[i]!.length + quote.length;
  }
  parts.push(core.data);
  offset += core.data.length;
  return Buffer.concat([...parts, directory(members, offset)]);
}

/** CRC-32 of headers[from..] followed by the kernel's zeros: what entry from-1 inflates to. */
function crcOfRest(headers: readonly Buffer[], from: number, core: ReturnType<typeof kernel>): number {
  let crc = 0;
  for (let i = from; i < headers.length; i++) crc = crc32(headers[i]!, crc);
  return crc32(Buffer.alloc(core.size), crc);
}

/** A non-final stored deflate block of `length` bytes: BFINAL 0, BTYPE 00, then LEN and its complement. */
function storedBlockHeader(length: number): Buffer {
  const block = Buffer.alloc(5);
  block.writeUInt16LE(length, 1);
  block.writeUInt16LE(~length & 0xffff, 3);
  return block;
}

/** `files` entries without overlap, each its own deflated `mebibytesEach` MiB of zeros. */
export function makeZipFlatBomb(options: { files: number; mebibytesEach: number }): Buffer {
  const core = kernel(options.mebibytesEach);
  const parts: Buffer[] = [];
  const members: Member[] = [];
  let offset = 0;
  for (const name of names(options.files)) {
    const member = { name, crc: core.crc, compressedSize: core.data.length, size: core.size, offset };
    members.push(member);
    const local = localHeader(member);
    parts.push(local, core.data);
    offset += local.length + core.data.length;
  }
  return Buffer.concat([...parts, directory(members, offset)]);
}

/**
 * Reads a zip the naive way, trusting each central directory entry, and
 * inflates every entry, checking its size and CRC. Returns the total: what
 * an extractor without an overlap check would write. For small bombs only.
 */
export function inflateEveryEntry(zip: Buffer): number {
  const end = zip.length - 22;
  const count = zip.readUInt16LE(end + 10);
  let cursor = zip.readUInt32LE(end + 16);
  let total = 0;
  for (let i = 0; i < count; i++) {
    const [crc, compressedSize, size, nameLength, offset] = [16, 20, 24, 28, 42].map((at) =>
      at === 28 ? zip.readUInt16LE(cursor + at) : zip.readUInt32LE(cursor + at),
    ) as [number, number, number, number, number];
    const dataStart = offset + 30 + zip.readUInt16LE(offset + 26) + zip.readUInt16LE(offset + 28);
    const data = inflateRawSync(zip.subarray(dataStart, dataStart + compressedSize));
    if (data.length !== size || crc32(data) !== crc) throw new Error(`entry ${i} does not inflate to its declared size and CRC`);
    total += data.length;
    cursor += 46 + nameLength;
  }
  return total;
}
