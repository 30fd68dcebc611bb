/**
 * `tool doctor --fix`: repairs of derived state only. The index is rebuilt and
 * the shims rewritten from what the user wrote (global.tools, the added tools,
 * the store), a lock is broken only when its owner no longer runs, and
 * leftovers of interrupted processes are removed. The store's versions, the
 * history, `.tools` files, locks and the declared set are never touched.
 */
import { chmod, stat } from 'node:fs/promises';
import { withToolLock, takeOverIfStale } from '../../store/lock.js';
import { removeTree } from '../../store/publish.js';
import { readToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { identityOf } from '../select/identify.js';
import { rebuildIndex, syncAllShims } from '../select/refresh.js';
import type { Problem, Repair } from './types.js';

async function rebuildToolIndex(ctx: AppContext, toolId: string): Promise<void> {
  await withToolLock(ctx.layout, toolId, async () => {
    const state = await readToolState(ctx.layout, toolId);
    await rebuildIndex(ctx, identityOf(ctx, { id: toolId, repo: state?.repo ?? toolId, entry: ctx.registry.get(toolId), state }));
  });
}

/** Rewrites every shim; one whose text was right but lost its x bits is only chmodded. */
async function rewriteShims(ctx: AppContext): Promise<string> {
  const synced = await syncAllShims(ctx);
  for (const exe of synced.written) {
    const mode = await stat(ctx.layout.shim(exe)).then((info) => info.mode & 0o777, () => undefined);
    if (mode !== undefined && (mode & 0o111) !== 0o111) await chmod(ctx.layout.shim(exe), 0o755);
  }
  const removed = synced.removed.length > 0 ? `; removed ${synced.removed.join(', ')}` : '';
  return `rewrote the shims (${synced.written.join(', ') || 'none'})${removed}`;
}

function ofKind<K extends Repair['kind']>(repairs: readonly Repair[], kind: K): Extract<Repair, { kind: K }>[] {
  return repairs.filter((repair): repair is Extract<Repair, { kind: K }> => repair.kind === kind);
}

/** Applies the repairs the problems carry, each once; returns one line per repair made. */
export async function applyRepairs(ctx: AppContext, problems: readonly Problem[]): Promise<string[]> {
  const repairs = problems.flatMap((problem) => (problem.repair ? [problem.repair] : []));
  const fixed: string[] = [];
  // Stale locks first: the index rebuilds below take tool locks.
  for (const { path } of ofKind(repairs, 'lock')) {
    if (await takeOverIfStale(path)) fixed.push(`removed the stale lock ${path}`);
  }
  for (const { path } of ofKind(repairs, 'remove')) {
    await removeTree(path);
    fixed.push(`removed ${path}`);
  }
  for (const tool of new Set(ofKind(repairs, 'index').map((repair) => repair.tool))) {
    await rebuildToolIndex(ctx, tool);
    fixed.push(`rebuilt the index of ${tool}`);
  }
  if (ofKind(repairs, 'shims').length > 0) fixed.push(await rewriteShims(ctx));
  return fixed;
}
