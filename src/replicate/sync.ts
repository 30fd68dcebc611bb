/**
 * `tool sync`: make this machine what the declared set and its lock say.
 * Everything that can fail (reading the files, refusing what --locked cannot
 * cover) happens before the first change; then each tool is installed from its
 * lock (or, unlocked, from GitHub, and the lock gains its entry), selected and
 * held as declared, and tools the set no longer names leave the global
 * selection (their store versions stay; `tool remove` deletes them).
 */
import { ToolError } from '../core/errors.js';
import { parseSpec } from '../core/spec.js';
import { withHomeLock } from '../store/lock.js';
import { writeToolState } from '../store/tool-state.js';
import type { AppContext } from '../app/context.js';
import { activateGlobal } from '../app/select/activate.js';
import { rememberTool } from '../app/lifecycle/add.js';
import { identifyTool, identityOf } from '../app/select/identify.js';
import { ensureInstalled } from '../app/install/install.js';
import { refreshAllTools, syncAllShims } from '../app/select/refresh.js';
import { clearSelection } from '../app/select/selection.js';
import { installFromLock } from './lock-install.js';
import { lockedAsset, lockSatisfies } from './locked-plan.js';
import { relockTool } from './relock.js';
import { readSyncState, type DeclaredTool, type Difference } from './sync-diff.js';

export interface SyncResult {
  lockPath: string;
  /** What differed before the sync; empty when the machine already matched. */
  changes: Difference[];
}

const FIX = 'tool lock --global';

/** --locked refuses before anything changes: every declared tool must be locked for this platform. */
function assertLockCovers(ctx: AppContext, declared: readonly DeclaredTool[], lockPath: string): void {
  for (const item of declared) {
    if (!item.locked || !lockSatisfies(item.spec, item.locked)) {
      throw new ToolError('TOOL_LOCK_DRIFT', `${item.where} asks for ${item.tool.id} ${item.spec.text}, but ${lockPath} ${item.locked ? `locks ${item.locked.version}` : 'has no entry for it'}`, {
        hint: `Run \`${FIX}\` (then commit the lock); --locked installs only what the lock says`,
      });
    }
    lockedAsset(ctx, item.tool, item.locked, lockPath, FIX);
  }
}

async function syncTool(ctx: AppContext, item: DeclaredTool, lockPath: string, locked: boolean): Promise<void> {
  const use = { locked: item.locked, path: lockPath, fix: FIX, required: locked, where: item.where };
  const fromLock = await installFromLock(ctx, item.tool, item.spec, use, 'synced');
  const outcome = fromLock ?? (await ensureInstalled(ctx, item.tool, item.target ? parseSpec(item.target) : item.spec, { cause: 'synced' }));
  // A line of the user's own declared set is their approval, as `tool add` would be.
  const state = await rememberTool(ctx, item.tool, outcome.manifest, item.held ? {} : { follow: item.spec.text });
  const tool = identityOf(ctx, { ...item.tool, state });
  await activateGlobal(ctx, tool, outcome.version, { cause: 'synced', held: item.held, recordIntent: false });
  if (!fromLock) await relockTool(ctx, lockPath, tool, outcome.version, item.spec.text, { key: item.lockKey });
}

export async function syncMachine(ctx: AppContext, options: { locked?: boolean } = {}): Promise<SyncResult> {
  const before = await readSyncState(ctx);
  if (options.locked) assertLockCovers(ctx, before.declared, before.lockPath);
  const changed = new Set(before.differences.map((difference) => difference.tool));
  for (const item of before.declared) {
    if (changed.has(item.tool.id)) await syncTool(ctx, item, before.lockPath, Boolean(options.locked));
  }
  for (const extra of before.differences.filter((difference) => difference.kind === 'extra')) {
    const item = before.declared.find((declared) => declared.tool.id === extra.tool);
    if (item) continue;
    const tool = await identifyTool(ctx, extra.tool);
    await withHomeLock(ctx.layout, () => clearSelection(ctx.layout.globalTools, tool.aliases));
    if (tool.state?.held) await writeToolState(ctx.layout, { ...tool.state, held: false });
  }
  await refreshAllTools(ctx);
  await syncAllShims(ctx);
  return { lockPath: before.lockPath, changes: before.differences };
}

export async function checkMachine(ctx: AppContext): Promise<SyncResult> {
  const state = await readSyncState(ctx);
  return { lockPath: state.lockPath, changes: state.differences };
}
