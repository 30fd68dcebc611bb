/**
 * Staging and publishing store versions. A version is assembled in a staging
 * directory under TOOL_HOME/tmp (same filesystem as the store), made read-only,
 * and published by one rename: a version directory is complete or absent.
 */
import { randomBytes } from 'node:crypto';
import { chmod, lstat, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { toolDirName, type Layout } from './layout.js';
import { guardStaging, releaseStaging } from './staging-guard.js';

/**
 * Staging for one tool: "<tool dir>@<label>-<random>", so a sweep can find that
 * tool's leftovers. `installing` ("ripgrep 14.1.1") is what an interruption reports as not installed.
 */
export async function createStaging(layout: Layout, toolId: string, label: string, installing?: string): Promise<string> {
  await mkdir(layout.tmp, { recursive: true });
  const dir = join(layout.tmp, `${toolDirName(toolId)}@${label.replace(/[^A-Za-z0-9._-]/g, '_')}-${randomBytes(4).toString('hex')}`);
  await mkdir(dir);
  guardStaging(dir, installing);
  return dir;
}

/**
 * Remove staging left by a process that was killed mid-install. Call only while
 * holding the tool's lock: then no other process can be staging this tool.
 */
export async function sweepStaging(layout: Layout, toolId: string): Promise<void> {
  const prefix = `${toolDirName(toolId)}@`;
  const names = await readdir(layout.tmp).catch(() => [] as string[]);
  for (const name of names) if (name.startsWith(prefix)) await removeTree(join(layout.tmp, name)).catch(() => {});
}

/** Remove a directory tree even when it was made read-only. */
export async function removeTree(dir: string): Promise<void> {
  await setWritable(dir, true).catch(() => {});
  await rm(dir, { recursive: true, force: true });
  releaseStaging(dir);
}

async function setWritable(path: string, writable: boolean): Promise<void> {
  const info = await lstat(path);
  if (info.isSymbolicLink()) return;
  if (info.isDirectory()) {
    if (writable) await chmod(path, 0o755);
    for (const name of await readdir(path)) await setWritable(join(path, name), writable);
    if (!writable) await chmod(path, 0o555);
    return;
  }
  const mode = info.mode & 0o777;
  await chmod(path, writable ? mode | 0o200 : mode & ~0o222);
}

/** Make staging read-only and move it to its final place. Throws if the target exists. */
export async function publishVersion(layout: Layout, staging: string, toolId: string, version: string): Promise<string> {
  const target = layout.versionDir(toolId, version);
  await mkdir(layout.toolStore(toolId), { recursive: true });
  await setWritable(staging, false);
  await rename(staging, target);
  releaseStaging(staging);
  return target;
}

/** Remove a published version: move it aside first, so the store never shows it half-deleted. */
export async function unpublishVersion(layout: Layout, toolId: string, version: string): Promise<void> {
  const doomed = await createStaging(layout, toolId, `remove-${version}`);
  await rm(doomed, { recursive: true });
  await rename(layout.versionDir(toolId, version), doomed);
  await removeTree(doomed);
}
