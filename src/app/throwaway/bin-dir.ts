/**
 * The directory a throwaway environment puts first on PATH: one symlink per
 * executable, straight to a store version. Nothing on the way consults `.tools`
 * or the global selection, so the requested version is what runs, whatever a
 * pin says. Named after the process that made it: a sweep keeps the versions
 * a running environment links to, and removes directories whose process is gone.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { mkdir, readdir, readlink, rm, symlink } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { toolIdFromDirName } from '../../store/layout.js';
import { ownerRuns } from '../../store/lock-owner.js';
import type { AppContext } from '../context.js';

export interface BinLink {
  exe: string;
  toolId: string;
  version: string;
}

/** layout.throwawayBin names it "bin-<pid>-<hex>". */
const BIN_DIR_NAME = /^bin-(\d+)-[0-9a-f]+$/;

export async function createBinDir(ctx: AppContext, links: readonly BinLink[]): Promise<string> {
  const dir = ctx.layout.throwawayBin(process.pid, randomBytes(4).toString('hex'));
  await mkdir(dir, { recursive: true });
  for (const link of links) await symlink(ctx.layout.versionBin(link.toolId, link.version, link.exe), join(dir, link.exe));
  return dir;
}

export async function removeBinDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

/** "<tool>@<version>" of a store path, or undefined when it points elsewhere. */
function storeVersionOf(ctx: AppContext, target: string): string | undefined {
  const parts = relative(ctx.layout.store, target).split(sep);
  if (parts.length < 2 || parts[0] === '..' || parts[0] === '') return undefined;
  return `${toolIdFromDirName(parts[0]!)}@${parts[1]}`;
}

/**
 * "<tool>@<version>" of every version a running environment links to. With
 * `cleanup`, directories whose process has ended are removed on the way.
 */
export async function versionsInUse(ctx: AppContext, cleanup: boolean): Promise<Set<string>> {
  const inUse = new Set<string>();
  const names = await readdir(ctx.layout.tmp).catch(() => [] as string[]);
  for (const name of names) {
    const pid = BIN_DIR_NAME.exec(name)?.[1];
    if (!pid) continue;
    const dir = join(ctx.layout.tmp, name);
    if (!ownerRuns({ pid: Number(pid), host: hostname() })) {
      if (cleanup) await removeBinDir(dir);
      continue;
    }
    for (const exe of await readdir(dir).catch(() => [] as string[])) {
      const target = await readlink(join(dir, exe)).catch(() => undefined);
      const version = target && storeVersionOf(ctx, target);
      if (version) inUse.add(version);
    }
  }
  return inUse;
}
