/**
 * After anything that changes what is installed or selected: rebuild the tool's
 * spec index and make the shims match. Cheap (symlinks and small files), so it
 * simply runs in full rather than patching.
 */
import { readFile } from 'node:fs/promises';
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { readToolsFile } from '../../pins/resolve.js';
import { nameMatches } from '../../pins/tools-file.js';
import { syncShims, type ShimSpec, type ShimSyncResult } from '../../shimgen/sync.js';
import { ephemeralVersions } from '../../store/ephemeral.js';
import { installedVersions } from '../../store/read.js';
import { isIndexableSpec, planIndex, removeIndex, writeIndex } from '../../store/spec-index.js';
import { listToolStates } from '../../store/tool-state.js';
import { readLiveMarker } from '../../store/live.js';
import { withHomeLock } from '../../store/lock.js';
import type { AppContext } from '../context.js';
import { identityOfState, type ToolIdentity } from './identify.js';
import { isLive } from './live-policy.js';

export async function readSeenSpecs(ctx: AppContext, toolId: string): Promise<string[]> {
  try {
    return (await readFile(ctx.layout.seenSpecs(toolId), 'utf8')).split('\n').filter(Boolean);
  } catch {
    return [];
  }
}

/** Remember a spec a `.tools` file used, so the index answers it next time. */
export async function recordSeenSpec(ctx: AppContext, toolId: string, spec: string): Promise<boolean> {
  if (!isIndexableSpec(spec) || (await readSeenSpecs(ctx, toolId)).includes(spec)) return false;
  const file = ctx.layout.seenSpecs(toolId);
  await mkdir(dirname(file), { recursive: true });
  await appendFile(file, `${spec}\n`);
  return true;
}

export async function globalSpecOf(ctx: AppContext, tool: { aliases: readonly string[] }): Promise<string | undefined> {
  const file = await readToolsFile(ctx.layout.globalTools);
  return file?.entries.find((entry) => nameMatches(entry.name, tool.aliases))?.spec;
}

/** The tool's index as rebuildIndex writes it (key → version or LIVE_TARGET); undefined when it has none (no versions). */
export async function plannedIndex(ctx: AppContext, tool: ToolIdentity): Promise<Map<string, string> | undefined> {
  const versions = await installedVersions(ctx.layout, tool.id);
  if (versions.length === 0) return undefined;
  return planIndex({
    versions,
    seenSpecs: await readSeenSpecs(ctx, tool.id),
    globalSpec: await globalSpecOf(ctx, tool),
    globalIsLive: isLive(tool) && (await readLiveMarker(ctx.layout, tool.id)) !== undefined,
    ephemeral: await ephemeralVersions(ctx.layout, tool.id),
  });
}

export async function rebuildIndex(ctx: AppContext, tool: ToolIdentity): Promise<void> {
  const plan = await plannedIndex(ctx, tool);
  if (plan) await writeIndex(ctx.layout, tool.id, plan);
  else await removeIndex(ctx.layout, tool.id);
}

/** Rewrites every shim from the added tools, under the home lock so parallel adds cannot drop each other's shims. */
export async function syncAllShims(ctx: AppContext): Promise<ShimSyncResult> {
  return withHomeLock(ctx.layout, () => syncShimsUnlocked(ctx));
}

/** One shim per executable of each added tool: what the shims directory should hold. */
export async function shimSpecsOfAddedTools(ctx: AppContext): Promise<ShimSpec[]> {
  const states = await listToolStates(ctx.layout);
  return states.flatMap((state) => {
    const identity = identityOfState(ctx, state);
    return state.exes.map((exe) => ({ toolId: state.id, exe, envVars: identity.envVars, aliases: identity.aliases, autoUpdate: Boolean(state.autoUpdateSeconds) }));
  });
}

async function syncShimsUnlocked(ctx: AppContext): Promise<ShimSyncResult> {
  return syncShims(ctx.layout, await shimSpecsOfAddedTools(ctx), ctx.cli);
}

/**
 * After global.tools changes: every tool's @global entry and stamp must agree
 * with the file again (a hand edit made earlier is picked up here too).
 */
export async function refreshAllTools(ctx: AppContext): Promise<ShimSyncResult> {
  for (const state of await listToolStates(ctx.layout)) {
    await rebuildIndex(ctx, identityOfState(ctx, state));
  }
  return syncAllShims(ctx);
}

export async function refreshTool(ctx: AppContext, tool: ToolIdentity): Promise<ShimSyncResult> {
  await rebuildIndex(ctx, tool);
  return syncAllShims(ctx);
}
