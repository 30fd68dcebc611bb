/**
 * Decompression bombs, for the limit tests (test/security/archive-bombs.test.ts)
 * and the fault suite, which builds the big ones (a million entries, GiB of
 * zeros) with the same functions. Everything is made in memory in a moment at
 * any size: every codec `tool` reads accepts concatenated members, streams or
 * frames, so a bomb is one small compressed unit of 1 MiB of zeros, repeated.
 * Zip bombs live in zip-bombs.ts.
 */
import { gzipSync } from 'node:zlib';

export const MiB = 1 << 20;

export type BombCodec = 'gzip' | 'xz' | 'bzip2' | 'zstd';

/**
 * Each decodes to exactly 1 MiB of zeros. This repository has decoders only for
 * these three, so the units were made once, by
 * `head -c 1M /dev/zero | xz -9 | base64 -w0` (and `bzip2 -9`, `zstd -19` alike).
 */
const encodedUnits: Readonly<Record<Exclude<BombCodec, 'gzip'>, string>> = {
  xz:
    '/Td6WFoAAATm1rRGAgAhARwAAAAQz1jM7///ANldAABv/f//o7f/Rz5IFXI5YVG4kijmo4YH+e7kHoLTL8U6PAFLsX7JiopNL6MN2X+m44wjEVPgWRjFdYri' +
    'd/i2lH8MasDedElk4ulcU7IE2PdEDKtfDW1G6eXDdoi3llestk3haR1v+0uIEGxCy4g/XACP0E6vJiiUcR89jyThcJ6nI1/sKMuF0ZWYin4qkfIndfcZwAaY' +
    'TZj92K/VkA/EJVP49ZE2MQWlsO5vwXBNRwzRkRGqrWAdus6xJxhcWYbpZlJYvul2rFnk5VsFCPnH2q38+1Iq9+SVJQAAAAAAwva6PqJwa2AAAfUBgIBAAHmX' +
    'f0exxGf7AgAAAAAEWVo=',
  bzip2: 'QlpoOTFBWSZTWThXHOUACAhAAMAEAAggADDMBSmmCAbEIB4u5IpwoSBwrjnK',
  zstd: 'KLUv/QRoTAAACAABAPz/ORACAgAQAAIAEAACABAAAgAQAAIAEAACABAAAwAQAPE+FuE=',
};

const units = new Map<BombCodec, Buffer>();

function unit(codec: BombCodec): Buffer {
  let found = units.get(codec);
  if (found === undefined) {
    found = codec === 'gzip' ? gzipSync(Buffer.alloc(MiB), { level: 9 }) : Buffer.from(encodedUnits[codec], 'base64');
    units.set(codec, found);
  }
  return found;
}

/** A compressed file that decodes to `mebibytes` MiB of zeros: a single-file bomb (.gz, .xz, .bz2, .zst). */
export function makeZerosBomb(codec: BombCodec, mebibytes: number): Buffer {
  return Buffer.concat(new Array<Buffer>(mebibytes).fill(unit(codec)));
}

/** `mebibytes` MiB of zeros, gzipped: about 1 KiB per MiB. */
export function makeGzipBomb(mebibytes: number): Buffer {
  return makeZerosBomb('gzip', mebibytes);
}

/** `mebibytes` MiB of zeros as xz: under 300 bytes per MiB. */
export function makeXzBomb(mebibytes: number): Buffer {
  return makeZerosBomb('xz', mebibytes);
}

// ------------------------------------------------------------------ tar

function writeOctal(header: Buffer, offset: number, width: number, value: number): void {
  header.write(`${value.toString(8).padStart(width - 1, '0')}\0`, offset, width, 'latin1');
}

/** A USTAR header (typeflag '0' file, 'x' pax record) whose size field says `size`, honest or not. */
export function tarHeader(name: string, size: number, typeflag = '0'): Buffer {
  if (size >= 8 * 1024 ** 3) throw new Error('tarHeader writes sizes below 8 GiB only (11 octal digits)');
  const header = Buffer.alloc(512);
  header.write(name, 0, 100, 'utf8');
  writeOctal(header, 100, 8, 0o644);
  writeOctal(header, 108, 8, 0);
  writeOctal(header, 116, 8, 0);
  writeOctal(header, 124, 12, size);
  writeOctal(header, 136, 12, 946684800);
  header.write(typeflag, 156, 1, 'latin1');
  header.write('ustar\u000000', 257, 8, 'latin1');
  header.fill(' ', 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 8, 'latin1');
  return header;
}

const endOfArchive = Buffer.alloc(1024);

/**
 * A tar.gz holding one file, "bomb", of `mebibytes` MiB of zeros, with honest
 * headers: gzip members for the header, the zeros and the end-of-archive blocks.
 */
export function makeTarGzBomb(mebibytes: number): Buffer {
  return Buffer.concat([gzipSync(tarHeader('bomb', mebibytes * MiB)), makeGzipBomb(mebibytes), gzipSync(endOfArchive)]);
}

/**
 * A tar.gz of `count` empty files, e/0000000 … (one implicit directory "e"):
 * 512 bytes of tar per entry, about 20 bytes of gzip. Built in batches of
 * gzip members, so a million entries take a few seconds and never exist
 * uncompressed all at once.
 */
export function makeManyEntriesTarGz(count: number): Buffer {
  const members: Buffer[] = [];
  const batch = 8192;
  for (let first = 0; first < count; first += batch) {
    const headers: Buffer[] = [];
    for (let i = first; i < Math.min(count, first + batch); i++) headers.push(tarHeader(`e/${String(i).padStart(7, '0')}`, 0));
    members.push(gzipSync(Buffer.concat(headers), { level: 1 }));
  }
  members.push(gzipSync(endOfArchive));
  return Buffer.concat(members);
}

/**
 * Tars whose size fields lie, gzipped:
 * - understated: the header says `claimed` bytes, and `mebibytes` MiB of zeros
 *   follow anyway (a reader that trusts headers sees a small archive);
 * - overstated: the header says `claimed` bytes and the archive ends at once;
 * - pax: the ustar field says 0 while a pax record says `claimed`, and the
 *   data is there (readers disagree on which header to believe).
 */
export function makeLyingTarGz(lie: 'understated' | 'overstated' | 'pax', claimed: number, mebibytes = 0): Buffer {
  const padded = (bytes: number) => Buffer.alloc(Math.ceil(bytes / 512) * 512);
  switch (lie) {
    case 'understated':
      return Buffer.concat([gzipSync(Buffer.concat([tarHeader('small', claimed), padded(claimed)])), makeGzipBomb(mebibytes), gzipSync(endOfArchive)]);
    case 'overstated':
      return gzipSync(Buffer.concat([tarHeader('huge', claimed), Buffer.alloc(1024), endOfArchive]));
    case 'pax': {
      const record = paxRecord('size', String(claimed));
      const head = Buffer.concat([tarHeader('PaxHeader/lie', record.length, 'x'), record, padded(record.length).subarray(record.length), tarHeader('lie', 0)]);
      return Buffer.concat([gzipSync(head), makeGzipBomb(Math.ceil(claimed / MiB)), gzipSync(endOfArchive)]);
    }
  }
}

/** "<length> <key>=<value>\n", where length counts the whole record, its own digits included. */
function paxRecord(key: string, value: string): Buffer {
  const body = ` ${key}=${value}\n`;
  let length = body.length + 1;
  while (String(length).length + body.length !== length) length = String(length).length + body.length;
  return Buffer.from(`${length}${body}`);
}
