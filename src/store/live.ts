/**
 * The live copy a self-updating tool runs from: real files (not links into the
 * store) in a writable directory of its own, so the tool's updater can rewrite
 * itself in place or rename over itself without touching any store version.
 * `.live` records which version the bytes came from and their hashes; its mtime
 * is the capture stamp the shim compares against (`bin/<exe> -nt .live`).
 * `.ref/<exe>` is a hard link to each captured file: an updater that renames a
 * new file over the old one while keeping its old mtime still changes the
 * inode, which the shim sees as `! bin/<exe> -ef .ref/<exe>`.
 */
import { createHash } from 'node:crypto';
import { chmod, copyFile, link, mkdir, readFile, rename, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { readJsonOrUndefined } from './atomic.js';
import type { Layout } from './layout.js';
import { removeTree } from './publish.js';

export interface LiveMarker {
  tool: string;
  version: string;
  /** exe → SHA-256 of the bytes last captured or installed. */
  sha256: Record<string, string>;
}

export const LIVE_MARKER = '.live';

export async function sha256File(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

export async function readLiveMarker(layout: Layout, toolId: string): Promise<LiveMarker | undefined> {
  return readJsonOrUndefined<LiveMarker>(join(layout.live(toolId), LIVE_MARKER));
}

async function linkRefs(dir: string, exes: readonly string[]): Promise<void> {
  await rm(join(dir, '.ref'), { recursive: true, force: true });
  await mkdir(join(dir, '.ref'));
  for (const exe of exes) await link(join(dir, 'bin', exe), join(dir, '.ref', exe));
}

/** Write the marker last, so its mtime is newer than every file it describes. */
export async function writeLiveMarker(layout: Layout, marker: LiveMarker): Promise<void> {
  await linkRefs(layout.live(marker.tool), Object.keys(marker.sha256));
  const file = join(layout.live(marker.tool), LIVE_MARKER);
  await writeFile(file, `${JSON.stringify(marker, null, 2)}\n`);
  const now = new Date();
  await utimes(file, now, now);
}

/** Replace the live copy with the bytes of a store version (copied, never linked). */
export async function materializeLive(layout: Layout, toolId: string, version: string, exes: readonly string[]): Promise<LiveMarker> {
  const fresh = `${layout.live(toolId)}.new-${randomBytes(4).toString('hex')}`;
  await mkdir(join(fresh, 'bin'), { recursive: true });
  const sha256: Record<string, string> = {};
  for (const exe of exes) {
    const target = join(fresh, 'bin', exe);
    await copyFile(layout.versionBin(toolId, version, exe), target);
    await chmod(target, 0o755);
    sha256[exe] = await sha256File(target);
  }
  const marker: LiveMarker = { tool: toolId, version, sha256 };
  await linkRefs(fresh, exes);
  await writeFile(join(fresh, LIVE_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
  const old = `${fresh}.old`;
  await rename(layout.live(toolId), old).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
  await rename(fresh, layout.live(toolId));
  await removeTree(old).catch(() => {});
  return marker;
}

/** Executables changed since the last capture: newer than the stamp, or another file than the reference (the shim's two tests). */
export async function changedLiveExes(layout: Layout, toolId: string, exes: readonly string[]): Promise<string[]> {
  let stamp: number;
  try {
    stamp = (await stat(join(layout.live(toolId), LIVE_MARKER))).mtimeMs;
  } catch {
    return [];
  }
  const changed: string[] = [];
  for (const exe of exes) {
    const info = await stat(layout.liveBin(toolId, exe)).catch(() => undefined);
    const ref = await stat(join(layout.live(toolId), '.ref', exe)).catch(() => undefined);
    if (info && (info.mtimeMs > stamp || !ref || ref.ino !== info.ino || ref.dev !== info.dev)) changed.push(exe);
  }
  return changed;
}
