/**
 * `tool sync`: make this machine what the declared set and its lock say.
 * Everything that can fail on bad input (reading the files, refusing what
 * --locked cannot cover) happens before the first change. Then, in two phases:
 *
 * 1. Concurrently, at most jobLimit() tools at once: install each tool from its
 *    lock (or, unlocked, from GitHub, and look up the lock entry it gains).
 *    Each version is built under its tool's lock; the tool's state is written
 *    one tool at a time (`tail`), since an identity with that state is what the
 *    lock entry is computed for.
 * 2. One tool at a time, in declared order: select it (activateGlobal writes
 *    global.tools, the history, the live copy and every tool's index, so two
 *    at once would race on the indexes) and write its lock entry.
 *
 * A tool that fails in either phase does not stop the others; the result says
 * which failed and why. Tools the set no longer names leave the global
 * selection (their store versions stay; `tool remove` deletes them).
 */
import { isToolError, ToolError } from '../core/errors.js';
import { createSerial, mapSettled } from '../core/pool.js';
import { parseSpec } from '../core/spec.js';
import { withHomeLock } from '../store/lock.js';
import { writeToolState } from '../store/tool-state.js';
import type { AppContext } from '../app/context.js';
import { jobLimit } from '../app/jobs.js';
import { activateGlobal } from '../app/select/activate.js';
import { rememberTool } from '../app/lifecycle/add.js';
import { identifyTool, identityOf, type ToolIdentity } from '../app/select/identify.js';
import { ensureInstalled, type InstallOutcome } from '../app/install/install.js';
import { refreshAllTools, syncAllShims } from '../app/select/refresh.js';
import { clearSelection } from '../app/select/selection.js';
import { withTool, type Lockfile, type LockedTool } from './lock-file.js';
import { assertLockCovers, installFromLock } from './lock-install.js';
import { updateLock } from './lock-io.js';
import { lockedToolEntry, platformsFor } from './relock.js';
import { readSyncState, type DeclaredAt, type DeclaredTool, type Difference } from './sync-diff.js';

export interface SyncFailure {
  tool: string;
  /** Where the tool is declared: "~/.config/tool/tools line 3". */
  where: string;
  at: DeclaredAt;
  error: ToolError;
}

export interface SyncResult {
  lockPath: string;
  /** What differed before the sync; empty when the machine already matched. */
  changes: Difference[];
  /** Declared tools that could not be synced; every other change was made. */
  failed: SyncFailure[];
}

interface Installed {
  item: DeclaredTool;
  tool: ToolIdentity;
  outcome: InstallOutcome;
  /** The lock entry to write; undefined when the tool was installed from the lock. */
  lockEntry: LockedTool | undefined;
}

interface SyncPlan {
  lockPath: string;
  lock: Lockfile | undefined;
  platforms: string[];
  locked: boolean;
  tail: ReturnType<typeof createSerial>;
}

const FIX = 'tool lock --global';

/** --locked refuses before anything changes: every declared tool must be locked for this platform. */
function assertLockCoversAll(ctx: AppContext, declared: readonly DeclaredTool[], lockPath: string): void {
  for (const item of declared) assertLockCovers(ctx, item.tool, item.spec, { locked: item.locked, path: lockPath, fix: FIX, required: true, where: item.where });
}

/** Phase 1, concurrent: the tool's bytes in the store and, unlocked, its lock entry. */
async function installTool(ctx: AppContext, item: DeclaredTool, plan: SyncPlan): Promise<Installed> {
  const use = { locked: item.locked, path: plan.lockPath, fix: FIX, required: plan.locked, where: item.where };
  const fromLock = await installFromLock(ctx, item.tool, item.spec, use, 'synced');
  const outcome = fromLock ?? (await ensureInstalled(ctx, item.tool, item.target ? parseSpec(item.target) : item.spec, { cause: 'synced' }));
  // A line of the user's own declared set is their approval, as `tool add` would be.
  const state = await plan.tail(() => rememberTool(ctx, item.tool, outcome.manifest, item.held ? {} : { follow: item.spec.text }));
  const tool = identityOf(ctx, { ...item.tool, state });
  if (fromLock) return { item, tool, outcome, lockEntry: undefined };
  const lockEntry = await lockedToolEntry(ctx, tool, outcome.version, item.spec.text, plan.lock?.tools[item.lockKey], {
    platforms: plan.platforms,
    ...(outcome.release ? { release: outcome.release } : {}),
  });
  return { item, tool, outcome, lockEntry };
}

/** Phase 2, one tool at a time: select the installed version and record its lock entry. */
async function activateTool(ctx: AppContext, installed: Installed, plan: SyncPlan): Promise<void> {
  const { item, tool, outcome, lockEntry } = installed;
  await activateGlobal(ctx, tool, outcome.version, { cause: 'synced', held: item.held, recordIntent: false, refresh: false });
  if (lockEntry) await updateLock(plan.lockPath, (current) => withTool({ ...current, platforms: plan.platforms }, item.lockKey, lockEntry));
}

function failure(item: DeclaredTool, error: unknown): SyncFailure {
  if (!isToolError(error)) throw error;
  return { tool: item.tool.id, where: item.where, at: item.at, error };
}

async function syncTools(ctx: AppContext, items: readonly DeclaredTool[], plan: SyncPlan): Promise<SyncFailure[]> {
  const settled = await mapSettled(items, jobLimit(ctx.settings), (item) => installTool(ctx, item, plan));
  const failed: SyncFailure[] = [];
  for (const [index, result] of settled.entries()) {
    if (!result.ok) {
      failed.push(failure(items[index]!, result.error));
      continue;
    }
    try {
      await activateTool(ctx, result.value, plan);
    } catch (error) {
      failed.push(failure(result.value.item, error));
    }
  }
  return failed;
}

export async function syncMachine(outer: AppContext, options: { locked?: boolean } = {}): Promise<SyncResult> {
  const ctx: AppContext = options.locked ? { ...outer, cachedRegistriesOnly: true } : outer;
  const before = await readSyncState(ctx);
  if (options.locked) assertLockCoversAll(ctx, before.declared, before.lockPath);
  jobLimit(ctx.settings); // a bad TOOL_JOBS is refused before anything changes
  const changed = new Set(before.differences.map((difference) => difference.tool));
  const plan: SyncPlan = {
    lockPath: before.lockPath,
    lock: before.lock,
    platforms: platformsFor(ctx, before.lock),
    locked: Boolean(options.locked),
    tail: createSerial(),
  };
  const failed = await syncTools(ctx, before.declared.filter((item) => changed.has(item.tool.id)), plan);
  for (const extra of before.differences.filter((difference) => difference.kind === 'extra')) {
    const item = before.declared.find((declared) => declared.tool.id === extra.tool);
    if (item) continue;
    const tool = await identifyTool(ctx, extra.tool);
    await withHomeLock(ctx.layout, () => clearSelection(ctx.layout.globalTools, tool.aliases));
    if (tool.state?.held) await writeToolState(ctx.layout, { ...tool.state, held: false });
  }
  await refreshAllTools(ctx);
  await syncAllShims(ctx);
  return { lockPath: before.lockPath, changes: before.differences, failed };
}

export async function checkMachine(ctx: AppContext): Promise<SyncResult> {
  const state = await readSyncState(ctx);
  return { lockPath: state.lockPath, changes: state.differences, failed: [] };
}
