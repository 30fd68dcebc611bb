/**
 * The precomputed answers the sh shim reads: TOOL_HOME/index/<tool>/<spec> is a
 * symlink to the store version (or live copy) that spec selects, so the shim
 * resolves a pin with one stat and no file reads. Keys are every prefix of
 * every installed version (with and without "v"), "latest", the specs seen in
 * `.tools` files, and "@global" for the global selection. A key the index lacks
 * sends the shim to the Node CLI, which resolves it and adds it here.
 */
import { mkdir, rename, symlink, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseVersion } from '../core/version.js';
import { pickVersion, tryParseSpec } from '../core/spec.js';
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
    const version = spec && pickVersion(spec, input.versions);
    if (version) plan.set(key, version);
  }
  if (input.globalSpec !== undefined) {
    const spec = tryParseSpec(input.globalSpec);
    const version = spec && pickVersion(spec, input.versions);
    if (input.globalIsLive) plan.set(GLOBAL_KEY, LIVE_TARGET);
    else if (version) plan.set(GLOBAL_KEY, version);
  }
  return plan;
}

/** Replace the tool's index directory with one built from `plan`, then touch the stamp. */
export async function writeIndex(layout: Layout, toolId: string, plan: Map<string, string>): Promise<void> {
  const dir = layout.toolIndex(toolId);
  const fresh = join(layout.index, `.new-${toolDirName(toolId)}-${randomBytes(4).toString('hex')}`);
  await mkdir(fresh, { recursive: true });
  for (const [key, version] of plan) {
    const target = version === LIVE_TARGET ? join('..', '..', 'live', toolDirName(toolId)) : join('..', '..', 'store', toolDirName(toolId), version);
    await symlink(target, join(fresh, key));
  }
  // Concurrent rebuilds may race; each moves whatever is in place aside and retries its rename.
  for (let attempt = 0; ; attempt++) {
    const old = `${fresh}.old${attempt}`;
    await rename(dir, old).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    });
    try {
      await rename(fresh, dir);
      await removeTree(old).catch(() => {});
      break;
    } catch (error) {
      await removeTree(old).catch(() => {});
      const code = (error as NodeJS.ErrnoException).code;
      if ((code !== 'ENOTEMPTY' && code !== 'EEXIST') || attempt >= 5) throw error;
    }
  }
  await touchStamp(layout);
}

export async function touchStamp(layout: Layout): Promise<void> {
  await mkdir(layout.index, { recursive: true });
  const now = new Date();
  await writeFile(layout.indexStamp, '');
  await utimes(layout.indexStamp, now, now);
}

export async function removeIndex(layout: Layout, toolId: string): Promise<void> {
  await removeTree(layout.toolIndex(toolId)).catch(() => {});
  await touchStamp(layout);
}
