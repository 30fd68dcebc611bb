/**
 * How this machine differs from its declared set and lock, computed without
 * any network request: per declared tool the version the lock (or, unlocked,
 * the selection already here) says it should run, against what the global
 * selection runs and the bytes in the store. `tool sync --check` prints this;
 * `tool sync` repairs it.
 */
import { ToolError } from '../core/errors.js';
import { parseSpec, type VersionSpec } from '../core/spec.js';
import { readToolsFile } from '../pins/resolve.js';
import { nameMatches } from '../pins/tools-file.js';
import { readManifest } from '../store/read.js';
import { listToolStates } from '../store/tool-state.js';
import type { AppContext } from '../app/context.js';
import { globalVersion } from '../app/select/activate.js';
import { identifyTool, identityOfState, type ToolIdentity } from '../app/select/identify.js';
import { readDeclaredSet } from './declared-set.js';
import { isLockedAsset, type Lockfile, type LockedTool } from './lock-file.js';
import { readLock } from './lock-io.js';
import { versionHere } from './version-here.js';
import { lockKey, lockPlatformKey } from './machine.js';
import { isHeldComment } from './record-intent.js';

export type DifferenceKind = 'missing' | 'extra' | 'other-version' | 'other-bytes' | 'other-hold';

export interface Difference {
  tool: string;
  kind: DifferenceKind;
  want: string | undefined;
  have: string | undefined;
  where: string;
  /** The same place, structured for --json: a declared line, or the global selection file for an extra. */
  at: DeclaredAt;
}

/** A line of the declared set (`global` false), or the global selection file (an extra tool, no line). */
export interface DeclaredAt {
  file: string;
  line: number | undefined;
  global: boolean;
}

export interface DeclaredTool {
  tool: ToolIdentity;
  spec: VersionSpec;
  held: boolean;
  where: string;
  at: DeclaredAt;
  /** Its entry's key in the lock (see lockKey). */
  lockKey: string;
  locked: LockedTool | undefined;
  /** The version this machine should run, when it can be known offline. */
  target: string | undefined;
}

export interface SyncState {
  lockPath: string;
  lock: Lockfile | undefined;
  declared: DeclaredTool[];
  differences: Difference[];
}


/** The locked and the installed SHA-256 of the target version, when both exist and differ. */
async function lockedBytesDiffer(ctx: AppContext, item: DeclaredTool): Promise<{ want: string; have: string } | undefined> {
  const asset = item.locked && item.target === item.locked.version ? item.locked.assets[lockPlatformKey(ctx.platform())] : undefined;
  if (!asset || !isLockedAsset(asset) || !asset.sha256) return undefined;
  const manifest = await readManifest(ctx.layout, item.tool.id, item.target!);
  return manifest && manifest.sha256 !== asset.sha256 ? { want: `sha256 ${asset.sha256}`, have: `sha256 ${manifest.sha256}` } : undefined;
}

async function differencesOf(ctx: AppContext, item: DeclaredTool): Promise<Difference[]> {
  const base = { tool: item.tool.id, where: item.where, at: item.at };
  const have = await globalVersion(ctx, item.tool);
  const want = item.target ?? item.spec.text;
  if (!have) return [{ ...base, kind: 'missing', want, have: undefined }];
  const out: Difference[] = [];
  if (item.target !== have) out.push({ ...base, kind: 'other-version', want, have });
  const bytes = await lockedBytesDiffer(ctx, item);
  if (bytes) out.push({ ...base, kind: 'other-bytes', ...bytes });
  if (item.held !== Boolean(item.tool.state?.held)) out.push({ ...base, kind: 'other-hold', want: item.held ? 'held' : 'not held', have: item.tool.state?.held ? 'held' : 'not held' });
  return out;
}

/** Tools the global selection runs that the declared set does not name. */
async function extras(ctx: AppContext, declared: readonly DeclaredTool[]): Promise<Difference[]> {
  const global = await readToolsFile(ctx.layout.globalTools);
  const out: Difference[] = [];
  for (const state of await listToolStates(ctx.layout)) {
    const tool = identityOfState(ctx, state);
    const line = global?.entries.find((entry) => nameMatches(entry.name, tool.aliases));
    if (!line || declared.some((item) => item.tool.id === tool.id)) continue;
    out.push({ tool: tool.id, kind: 'extra', want: undefined, have: line.spec, where: ctx.layout.globalTools, at: { file: ctx.layout.globalTools, line: undefined, global: true } });
  }
  return out;
}

export async function readSyncState(ctx: AppContext): Promise<SyncState> {
  const set = await readDeclaredSet(ctx);
  // Without a declared set every selected tool would look undeclared: refuse rather than unselect them all.
  if (!set.exists) {
    throw new ToolError('TOOL_NOT_FOUND', `there is no declared tool set at ${set.paths.declared}`, {
      hint: 'Run `tool add <tool>` once (it writes the file, starting from what this machine selects), or put your dotfiles\' tools file there',
    });
  }
  const lock = await readLock(set.paths.lock);
  const declared: DeclaredTool[] = [];
  for (const entry of set.entries) {
    const where = `${entry.path} line ${entry.line}`;
    const tool = await identifyTool(ctx, entry.name);
    const spec = parseSpec(entry.spec, where);
    const key = lockKey(tool.id, entry.condition);
    const locked = lock?.tools[key];
    declared.push({ tool, spec, held: isHeldComment(entry.comment), where, at: { file: entry.path, line: entry.line, global: false }, lockKey: key, locked, target: await versionHere(ctx, tool, spec, locked, true) });
  }
  const differences: Difference[] = [];
  for (const item of declared) differences.push(...(await differencesOf(ctx, item)));
  differences.push(...(await extras(ctx, declared)));
  return { lockPath: set.paths.lock, lock, declared, differences };
}
