/**
 * Writing one tool's entry into a lock: reuse the entry when it already locks
 * this version for every platform asked (no request at all), else look the
 * release up and lock each platform (see lock-release.ts).
 */
import { parseSpec } from '../core/spec.js';
import type { Release } from '../github/types.js';
import { readManifest } from '../store/read.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { resolveRelease } from '../app/install/resolve-release.js';
import { DEFAULT_LOCK_PLATFORMS, withTool, type Lockfile, type LockedTool } from './lock-file.js';
import { readLock, updateLock } from './lock-io.js';
import { lockRelease } from './lock-release.js';
import { lockPlatformKey } from './machine.js';

export interface RelockOptions {
  /** Replace the lock's platform list. */
  platforms?: readonly string[];
  downloadMissing?: boolean;
  /** The release, when the caller already fetched it. */
  release?: Release;
  /** The entry's key when not the tool id (see lockKey). */
  key?: string;
}

/** The lock's platforms plus this machine's, sorted. */
export function platformsFor(ctx: AppContext, lock: Lockfile | undefined, override?: readonly string[]): string[] {
  const listed = override ?? lock?.platforms ?? DEFAULT_LOCK_PLATFORMS;
  return [...new Set([...listed, lockPlatformKey(ctx.platform())])].sort();
}

function reusable(entry: LockedTool | undefined, version: string, spec: string, platforms: readonly string[], downloadMissing: boolean): entry is LockedTool {
  if (!entry || entry.version !== version || entry.spec !== spec) return false;
  return platforms.every((key) => {
    const asset = entry.assets[key];
    if (asset === undefined || 'missing' in asset) return asset !== undefined;
    // An entry locked before attestations were recorded is looked up again, to record its outcome.
    return asset.sha256 === null ? !downloadMissing : asset.attestation !== undefined;
  });
}

export async function lockedToolEntry(ctx: AppContext, tool: ToolIdentity, version: string, spec: string, current: LockedTool | undefined, options: RelockOptions & { platforms: readonly string[] }): Promise<LockedTool> {
  if (reusable(current, version, spec, options.platforms, Boolean(options.downloadMissing))) {
    const assets = Object.fromEntries(options.platforms.map((key) => [key, current.assets[key]!]));
    return { ...current, assets };
  }
  const github = await ctx.github();
  const release = options.release ?? (await resolveRelease(github, tool, parseSpec(version))).release;
  const installed = await readManifest(ctx.layout, tool.id, version);
  return lockRelease(ctx, github, tool, release, version, spec, {
    platforms: options.platforms,
    ...(options.downloadMissing ? { downloadMissing: true } : {}),
    ...(installed ? { installed } : {}),
  });
}

/** Lock `tool version` (for `spec`) in the lock file at `path`, creating the file if needed. */
export async function relockTool(ctx: AppContext, path: string, tool: ToolIdentity, version: string, spec: string, options: RelockOptions = {}): Promise<LockedTool> {
  const lock = await readLock(path);
  const platforms = platformsFor(ctx, lock, options.platforms);
  const key = options.key ?? tool.id;
  const entry = await lockedToolEntry(ctx, tool, version, spec, lock?.tools[key], { ...options, platforms });
  await updateLock(path, (current) => withTool({ ...current, platforms }, key, entry));
  return entry;
}
