/**
 * The precomputed answers the sh shim reads: TOOL_HOME/index/<tool>/<spec> is a
 * symlink to the store version (or live copy) that spec selects, so the shim
 * resolves a pin with one stat and no file reads. Keys are every prefix of
 * every installed version (with and without "v"), "latest", the specs seen in
 * `.tools` files, and "@global" for the global selection. A key the index lacks
 * sends the shim to the Node CLI, which resolves it and adds it here.
 */
import { mkdir, readdir, readlink, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseVersion } from '../core/version.js';
import { pickPreferring, tryParseSpec } from '../core/spec.js';
import { randomBytes } from 'node:crypto';
import { removeTree } from './publish.js';
import { toolDirName, type Layout } from './layout.js';

export const LIVE_TARGET = '@live';
export const GLOBAL_KEY = '@global';

export interface IndexInput {
  versions: readonly string[];
  seenSpecs: readonly string[];
  globalSpec: string | undefined;
  /** The global selection runs the live copy (self-updating tool that follows latest). */
  globalIsLive: boolean;
  /** Versions installed for `tool x` and the like: a key selects one only when no other version fits. */
  ephemeral?: ReadonlySet<string>;
}

/** A spec can be an index key when it is a plain file name. */
export function isIndexableSpec(spec: string): boolean {
  return spec !== '' && !spec.includes('/') && !spec.startsWith('.') && !spec.startsWith('@') && spec.length < 200;
}

function prefixKeys(version: string): string[] {
  const parsed = parseVersion(version);
  if (!parsed) return [version];
  const textParts = version.split(/[-+]/)[0]!.split('.');
  const keys = textParts.map((_, i) => textParts.slice(0, i + 1).join('.'));
  if (parsed.pre !== undefined) keys.push(version);
  return keys.flatMap((key) => [key, `v${key}`]);
}

/** Pure: key → version (or LIVE_TARGET). */
export function planIndex(input: IndexInput): Map<string, string> {
  const plan = new Map<string, string>();
  const keys = new Set<string>(['latest', ...input.versions.flatMap(prefixKeys), ...input.seenSpecs]);
  for (const key of keys) {
    if (!isIndexableSpec(key)) continue;
    const spec = tryParseSpec(key);
    const version = spec && pickPreferring(spec, input.versions, input.ephemeral ?? new Set());
    if (version) plan.set(key, version);
  }
  if (input.globalSpec !== undefined) {
    const spec = tryParseSpec(input.globalSpec);
    const version = spec && pickPreferring(spec, input.versions, input.ephemeral ?? new Set());
    if (input.globalIsLive) plan.set(GLOBAL_KEY, LIVE_TARGET);
    else if (version) plan.set(GLOBAL_KEY, version);
  }
  return plan;
}

/** What an index key's symlink holds: relative, so TOOL_HOME can move as one. */
export function indexTarget(toolId: string, version: string): string {
  return version === LIVE_TARGET ? join('..', '..', 'live', toolDirName(toolId)) : join('..', '..', 'store', toolDirName(toolId), version);
}

/**
 * Make the tool's index match `plan`: each key is replaced by an atomic rename
 * (all keys at once, as they are independent), so a shim running meanwhile sees the old or the
 * new target, never nothing. Stale keys go last; the stamp is touched at the end.
 */
export async function writeIndex(layout: Layout, toolId: string, plan: Map<string, string>): Promise<void> {
  const dir = layout.toolIndex(toolId);
  await mkdir(dir, { recursive: true });
  await Promise.all([...plan].map(async ([key, version]) => {
    const target = indexTarget(toolId, version);
    const path = join(dir, key);
    if ((await readlink(path).catch(() => undefined)) === target) return;
    const temp = join(dir, `.new-${randomBytes(6).toString('hex')}`);
    await symlink(target, temp);
    await replaceDamaged(path, () => rename(temp, path));
  }));
  for (const name of await readdir(dir)) {
    if (!name.startsWith('.') && !plan.has(name)) await rm(join(dir, name), { recursive: true, force: true });
  }
  await replaceDamaged(layout.toolIndexStamp(toolId), () => touch(layout.toolIndexStamp(toolId)));
}

/**
 * The index is derived: whatever sits where an entry goes (a directory or file
 * left by hand or by a disk error) is removed and the write tried once more.
 */
async function replaceDamaged(path: string, write: () => Promise<void>): Promise<void> {
  try {
    await write();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'ENOTDIR' && code !== 'EPERM') throw error;
    await rm(path, { recursive: true, force: true });
    await write();
  }
}

async function touch(file: string): Promise<void> {
  const now = new Date();
  await writeFile(file, '');
  await utimes(file, now, now);
}

export async function removeIndex(layout: Layout, toolId: string): Promise<void> {
  await removeTree(layout.toolIndex(toolId)).catch(() => {});
}
