// Tiny hand-written tar and zip writers for the archive tests. They write names
// and link targets verbatim ("../evil", "/etc/passwd", backslashes) because the
// security tests need exactly the archives that real archivers refuse to make.
import assert from 'node:assert/strict';
import { afterEach, beforeEach } from 'node:test';
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';
import { isToolError } from '../../../src/core/errors.js';

export interface TarEntry {
  name: string;
  type?: 'file' | 'dir' | 'symlink' | 'hardlink' | 'chardev' | 'fifo';
  body?: string;
  mode?: number;
  linkname?: string;
  uid?: number;
  gid?: number;
}

const tarTypeFlags = { file: '0', hardlink: '1', symlink: '2', chardev: '3', dir: '5', fifo: '6' } as const;

function field(header: Buffer, offset: number, length: number, value: string): void {
  Buffer.from(value, 'utf8').copy(header, offset, 0, length);
}

function octal(header: Buffer, offset: number, length: number, value: number): void {
  field(header, offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
}

export function makeTar(entries: readonly TarEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    const type = entry.type ?? 'file';
    const body = Buffer.from(type === 'file' ? (entry.body ?? '') : '');
    const header = Buffer.alloc(512);
    field(header, 0, 100, entry.name);
    octal(header, 100, 8, entry.mode ?? (type === 'dir' ? 0o755 : 0o644));
    octal(header, 108, 8, entry.uid ?? 0);
    octal(header, 116, 8, entry.gid ?? 0);
    octal(header, 124, 12, body.length);
    octal(header, 136, 12, 946684800);
    field(header, 156, 1, tarTypeFlags[type]);
    field(header, 157, 100, entry.linkname ?? '');
    field(header, 257, 8, 'ustar\u000000');
    header.fill(' ', 148, 156);
    let sum = 0;
    for (const byte of header) sum += byte;
    field(header, 148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
    blocks.push(header, body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

export interface ZipEntry {
  name: string;
  body?: string;
  /** Unix mode including the file type bits, e.g. 0o100755, 0o120777, 0o040755. */
  mode?: number;
  deflate?: boolean;
  /** Lie about the uncompressed size in the headers. */
  declaredSize?: number;
  /** An Info-ZIP Unicode Path extra field (0x7075), which readers prefer over the plain name. */
  unicodePath?: string;
}

function unicodePathField(name: Buffer, unicodePath: string | undefined): Buffer {
  if (unicodePath === undefined) return Buffer.alloc(0);
  const path = Buffer.from(unicodePath, 'utf8');
  const field = Buffer.alloc(9);
  field.writeUInt16LE(0x7075, 0);
  field.writeUInt16LE(5 + path.length, 2);
  field.writeUInt8(1, 4);
  field.writeUInt32LE(crc32(name), 5);
  return Buffer.concat([field, path]);
}

export function makeZip(entries: readonly ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const raw = Buffer.from(entry.body ?? '');
    const data = entry.deflate ? deflateRawSync(raw) : raw;
    const size = entry.declaredSize ?? raw.length;
    const crc = crc32(raw);
    const extra = unicodePathField(name, entry.unicodePath);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(entry.deflate ? 8 : 0, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(extra.length, 28);
    locals.push(local, name, extra, data);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE((3 << 8) | 20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(entry.deflate ? 8 : 0, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt16LE(extra.length, 30);
    central.writeUInt32LE(((entry.mode ?? 0o100644) << 16) >>> 0, 38);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name, extra);
    offset += local.length + name.length + extra.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/**
 * A sandbox directory with the empty extraction directory three levels down
 * (root/a/b/dest), so "../", "../../" and "../../../" all land inside the
 * sandbox. After an attack, `outside()` lists every path in the sandbox that
 * is not dest, its contents, or the input folder: it must be [].
 */
export interface Sandbox {
  root: string;
  dest: string;
  /** Where a test may write the archive itself; outside() ignores it. */
  input: string;
  outside(): Promise<string[]>;
  cleanup(): Promise<void>;
}

export async function makeSandbox(): Promise<Sandbox> {
  const root = await mkdtemp(join(tmpdir(), 'tool-archive-'));
  const dest = join(root, 'a', 'b', 'dest');
  const input = join(root, 'input');
  await mkdir(dest, { recursive: true });
  await mkdir(input);
  const expected = new Set(['a', 'a/b', 'a/b/dest', 'input']);
  return {
    root,
    dest,
    input,
    outside: async () =>
      (await walk(root)).filter(
        (path) => !expected.has(path) && !path.startsWith('a/b/dest/') && !path.startsWith('input/'),
      ),
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
}

/**
 * Every path under `root`, relative and POSIX, sorted. Does not follow
 * symlinks: Node 20's readdir({ recursive: true }) does, and loops on `l -> ..`.
 */
export async function walk(root: string, prefix = ''): Promise<string[]> {
  const found: string[] = [];
  for (const entry of await readdir(join(root, prefix), { withFileTypes: true })) {
    const path = prefix === '' ? entry.name : `${prefix}/${entry.name}`;
    found.push(path);
    if (entry.isDirectory()) found.push(...(await walk(root, path)));
  }
  return found.sort();
}

export const fixturesDir = new URL('../../../../test/fixtures/archives/', import.meta.url);

/** Asserts that `promise` rejects with a ToolError of `code` whose message contains every fragment. */
export async function rejectsWith(promise: Promise<unknown>, code: string, fragments: readonly string[]): Promise<void> {
  await assert.rejects(promise, (error: unknown) => {
    assert.ok(isToolError(error, code), `expected ${code}, got ${error instanceof Error ? error.stack : String(error)}`);
    for (const fragment of fragments) {
      assert.ok(error.message.includes(fragment), `"${error.message}" should mention ${fragment}`);
    }
    return true;
  });
}

/**
 * A fresh sandbox for every test of the calling file, handed over through
 * `assign`; after each test nothing may exist outside its dest.
 */
export function eachTestInSandbox(assign: (box: Sandbox) => void): void {
  let box: Sandbox;
  beforeEach(async () => {
    box = await makeSandbox();
    assign(box);
  });
  afterEach(async () => {
    assert.deepEqual(await box.outside(), [], 'nothing may be written outside dest');
    await box.cleanup();
  });
}
