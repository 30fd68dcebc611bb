/**
 * What a project's `.tools.lock` selects, precomputed for the sh shim like the
 * spec index: TOOL_HOME/locked/<project dir>/<tool> links to the locked store
 * version, so `rg` in a locked project runs the locked bytes even where a newer
 * version matching the same `.tools` spec is installed. The stamp is touched
 * last; a `.tools` or `.tools.lock` newer than it (a git pull, a hand edit)
 * sends the shim to the CLI, which rewrites this.
 */
import { mkdir, readdir, rename, rm, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { tryParseSpec } from '../core/spec.js';
import { readToolsFile } from '../pins/resolve.js';
import { readManifest } from '../store/read.js';
import { toolDirName } from '../store/layout.js';
import type { AppContext } from '../app/context.js';
import { identifyTool } from '../app/select/identify.js';
import type { Lockfile } from './lock-file.js';
import { readLock } from './lock-io.js';
import { lockSatisfies } from './locked-plan.js';
import { projectLockPath } from './machine.js';

/** Tool id → locked version, for the lines of the `.tools` file the lock satisfies and this store holds. */
async function lockedVersions(ctx: AppContext, toolsFile: string, lock: Lockfile): Promise<Map<string, string>> {
  const file = await readToolsFile(toolsFile);
  const versions = new Map<string, string>();
  for (const entry of file?.entries ?? []) {
    const tool = await identifyTool(ctx, entry.name).catch(() => undefined);
    const spec = tryParseSpec(entry.spec);
    const locked = tool && lock.tools[tool.id];
    if (!tool || !spec || versions.has(tool.id) || !locked || !lockSatisfies(spec, locked)) continue;
    if (await readManifest(ctx.layout, tool.id, locked.version)) versions.set(tool.id, locked.version);
  }
  return versions;
}

async function link(target: string, path: string): Promise<void> {
  const temp = join(dirname(path), `.new-${randomBytes(6).toString('hex')}`);
  await symlink(target, temp);
  await rename(temp, path);
}

/** Rewrite the locked index of the project whose `.tools` is `toolsFile` (removed when it has no lock). */
export async function writeLockedIndex(ctx: AppContext, toolsFile: string): Promise<void> {
  const dir = dirname(toolsFile);
  const indexDir = ctx.layout.lockedIndex(dir);
  const lock = await readLock(projectLockPath(toolsFile));
  if (!lock) {
    await rm(indexDir, { recursive: true, force: true });
    return;
  }
  const versions = await lockedVersions(ctx, toolsFile, lock);
  await mkdir(indexDir, { recursive: true });
  const wanted = new Set<string>();
  for (const [toolId, version] of versions) {
    wanted.add(toolDirName(toolId));
    await link(ctx.layout.versionDir(toolId, version), ctx.layout.lockedIndexEntry(dir, toolId));
  }
  for (const name of await readdir(indexDir, { withFileTypes: true })) {
    if (name.isSymbolicLink() && !wanted.has(name.name)) await rm(join(indexDir, name.name), { force: true });
  }
  const now = new Date();
  await writeFile(ctx.layout.lockedIndexStamp(dir), '');
  await utimes(ctx.layout.lockedIndexStamp(dir), now, now);
}
