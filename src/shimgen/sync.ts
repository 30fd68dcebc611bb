/**
 * Makes TOOL_HOME/shims match the added tools: one shim per exposed executable,
 * stale ones removed. Each shim is written to a temp file and renamed, so a
 * running shell never sees a half-written script.
 */
import { readdir, readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from '../store/atomic.js';
import type { Layout } from '../store/layout.js';
import { renderShim, type ShimInput } from './render.js';

export type ShimSpec = Omit<ShimInput, 'home' | 'node' | 'cli'>;

export interface ShimSyncResult {
  written: string[];
  removed: string[];
  /** Executables two tools both expose; the first tool (by name) keeps the shim. */
  conflicts: { exe: string; kept: string; skipped: string }[];
}

export interface ShimPlan {
  /** Executable → the shim text this CLI writes for it, and its tool. */
  shims: Map<string, { toolId: string; text: string }>;
  conflicts: ShimSyncResult['conflicts'];
}

/** Pure apart from the template read once: the shim directory as it should be. */
export function planShims(layout: Layout, specs: readonly ShimSpec[], cli: { node: string; script: string }): ShimPlan {
  const plan: ShimPlan = { shims: new Map(), conflicts: [] };
  for (const spec of specs) {
    const owner = plan.shims.get(spec.exe);
    if (owner) plan.conflicts.push({ exe: spec.exe, kept: owner.toolId, skipped: spec.toolId });
    else plan.shims.set(spec.exe, { toolId: spec.toolId, text: renderShim({ ...spec, home: layout.home, node: cli.node, cli: cli.script }) });
  }
  return plan;
}

export async function syncShims(layout: Layout, specs: readonly ShimSpec[], cli: { node: string; script: string }): Promise<ShimSyncResult> {
  const plan = planShims(layout, specs, cli);
  const result: ShimSyncResult = { written: [], removed: [], conflicts: plan.conflicts };
  const byExe = plan.shims;
  await Promise.all([...byExe].map(async ([exe, { text }]) => {
    // An unchanged shim is left alone: most syncs change one tool's shims, not all of them.
    const current = await readFile(layout.shim(exe), 'utf8').catch(() => undefined);
    if (current !== text) await writeFileAtomic(layout.shim(exe), text, 0o755);
  }));
  result.written.push(...byExe.keys());
  let existing: string[] = [];
  try {
    existing = await readdir(layout.shims);
  } catch {
    existing = [];
  }
  for (const name of existing) {
    if (byExe.has(name) || name.endsWith('.tmp')) continue;
    await rm(layout.shim(name), { force: true });
    result.removed.push(name);
  }
  return result;
}
