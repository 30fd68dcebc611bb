/**
 * `tool lock`: write the lock for the nearest `.tools` (or, with --global, for
 * the declared set). Each tool keeps its locked version while that still
 * satisfies its line, else takes the version this machine has installed for
 * it, else the newest release allowed. The declared set is locked whole, every
 * section, so one machine can lock for all of them.
 */
import { ToolError } from '../core/errors.js';
import { parseSpec } from '../core/spec.js';
import { nearestToolsFile } from '../pins/resolve.js';
import type { AppContext } from '../app/context.js';
import { assertApproved, identifyTool, type ToolIdentity } from '../app/select/identify.js';
import { resolveOldEnough } from '../app/install/resolve-old-enough.js';
import { parseDeclaredFile } from './declared-file.js';
import { emptyLock, withTool, type Lockfile, type LockedTool } from './lock-file.js';
import { readLock, updateLock } from './lock-io.js';
import { versionHere } from './version-here.js';
import { declaredPaths, lockKey, projectLockPath } from './machine.js';
import { lockedToolEntry, platformsFor } from './relock.js';
import { readUserFile } from './text-file.js';
import { writeLockedIndex } from './locked-index.js';

export interface LockOptions {
  global?: boolean;
  platforms?: readonly string[];
  downloadMissing?: boolean;
}

export interface LockResult {
  path: string;
  platforms: string[];
  tools: { tool: string; version: string; spec: string; unhashed: string[]; missing: string[]; attestations: Record<string, string> }[];
}

interface Wanted {
  name: string;
  spec: string;
  where: string;
  /** Lines of the declared set approve their sources; a project's do not. */
  approves: boolean;
  condition?: string | undefined;
}

async function projectLines(ctx: AppContext): Promise<{ lockPath: string; wanted: Wanted[]; toolsFile?: string }> {
  const file = await nearestToolsFile({ env: ctx.settings.env, cwd: ctx.cwd, globalFile: ctx.layout.globalTools });
  if (!file) throw new ToolError('TOOL_NOT_FOUND', `no .tools file in ${ctx.cwd} or any directory above it`, { hint: 'Pin something first (`tool pin <tool>@<version>`), or lock the declared set with `tool lock --global`' });
  const wanted = file.entries.map((entry) => ({ name: entry.name, spec: entry.spec, where: `${file.path} line ${entry.line}`, approves: false }));
  return { lockPath: projectLockPath(file.path), wanted, toolsFile: file.path };
}

async function declaredLines(ctx: AppContext): Promise<{ lockPath: string; wanted: Wanted[] }> {
  const paths = declaredPaths(ctx);
  const wanted: Wanted[] = [];
  for (const path of [paths.declared, paths.local]) {
    const text = await readUserFile(path);
    if (text === undefined) continue;
    for (const entry of parseDeclaredFile(text, path).entries) wanted.push({ name: entry.name, spec: entry.spec, where: `${path} line ${entry.line}`, approves: true, condition: entry.condition });
  }
  if (wanted.length === 0) throw new ToolError('TOOL_NOT_FOUND', `the declared tool set ${paths.declared} names no tools`, { hint: 'Add one with `tool add <tool>`' });
  return { lockPath: paths.lock, wanted };
}

async function versionFor(ctx: AppContext, tool: ToolIdentity, line: Wanted, current: LockedTool | undefined): Promise<string> {
  const spec = parseSpec(line.spec, line.where);
  return (await versionHere(ctx, tool, spec, current, line.approves)) ?? (await resolveOldEnough(ctx, await ctx.github(), tool, spec)).version;
}

export async function lockFiles(ctx: AppContext, options: LockOptions): Promise<LockResult> {
  const { lockPath, wanted, toolsFile } = options.global ? { ...(await declaredLines(ctx)), toolsFile: undefined } : await projectLines(ctx);
  const before = await readLock(lockPath);
  const platforms = platformsFor(ctx, before, options.platforms);
  let lock: Lockfile = emptyLock(platforms);
  for (const line of wanted) {
    const tool = await identifyTool(ctx, line.name);
    if (!line.approves) assertApproved(tool, line.where);
    const key = lockKey(tool.id, line.condition);
    if (wanted.some((later) => later !== line && wanted.indexOf(later) > wanted.indexOf(line) && later.name.toLowerCase() === line.name.toLowerCase() && later.condition === line.condition)) continue; // the later line wins, as sync reads it
    const version = await versionFor(ctx, tool, line, before?.tools[key]);
    const entry = await lockedToolEntry(ctx, tool, version, line.spec, before?.tools[key], { platforms, ...(options.downloadMissing ? { downloadMissing: true } : {}) });
    lock = withTool(lock, key, entry);
  }
  await updateLock(lockPath, () => lock);
  if (toolsFile) await writeLockedIndex(ctx, toolsFile);
  return { path: lockPath, platforms, tools: Object.entries(lock.tools).map(([id, entry]) => summary(id, entry)) };
}

function summary(id: string, entry: LockedTool): LockResult['tools'][number] {
  const assets = Object.entries(entry.assets);
  return {
    tool: id,
    version: entry.version,
    spec: entry.spec,
    unhashed: assets.filter(([, asset]) => 'sha256' in asset && asset.sha256 === null).map(([key]) => key),
    missing: assets.filter(([, asset]) => 'missing' in asset).map(([key]) => key),
    /** Platform → the attestation outcome locked for it (lock-file.ts LockedAsset.attestation). */
    attestations: Object.fromEntries(assets.flatMap(([key, asset]) => ('attestation' in asset && asset.attestation !== undefined ? [[key, asset.attestation]] : []))),
  };
}
