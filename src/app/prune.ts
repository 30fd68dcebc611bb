/**
 * `tool prune [--keep N]`: remove store versions nothing needs. A version stays
 * when it is among the last N versions of the tool's history, the global
 * selection or live copy, or pinned by a .tools file the CLI has seen.
 */
import { pickVersion, tryParseSpec } from '../core/spec.js';
import { readToolsFile } from '../pins/resolve.js';
import { nameMatches } from '../pins/tools-file.js';
import { readHistory } from '../store/history.js';
import { readLiveMarker } from '../store/live.js';
import { withToolLock } from '../store/lock.js';
import { unpublishVersion } from '../store/publish.js';
import { installedVersions } from '../store/read.js';
import { listToolStates } from '../store/tool-state.js';
import { globalVersion } from './activate.js';
import type { AppContext } from './context.js';
import { identityOfState, type ToolIdentity } from './identify.js';
import { rebuildIndex } from './refresh.js';
import { readSeenFiles } from './seen-files.js';

export interface PruneDecision {
  tool: string;
  version: string;
  removed: boolean;
  reasons: string[];
}

async function keepReasons(ctx: AppContext, tool: ToolIdentity, installed: string[], keep: number): Promise<Map<string, string[]>> {
  const reasons = new Map<string, string[]>();
  const add = (version: string | undefined, reason: string) => {
    if (version) reasons.set(version, [...(reasons.get(version) ?? []), reason]);
  };
  const recent = [...new Set((await readHistory(ctx.layout, tool.id)).map((entry) => entry.to).reverse())].slice(0, keep);
  for (const version of recent) add(version, keep === 1 ? 'the last in history' : `among the last ${keep} in history`);
  add(await globalVersion(ctx, tool), 'global selection');
  add((await readLiveMarker(ctx.layout, tool.id))?.version, 'live copy');
  for (const path of await readSeenFiles(ctx)) {
    const file = await readToolsFile(path);
    for (const entry of file?.entries ?? []) {
      const spec = nameMatches(entry.name, tool.aliases) ? tryParseSpec(entry.spec) : undefined;
      if (spec) add(pickVersion(spec, installed), `pinned by ${path} line ${entry.line}`);
    }
  }
  return reasons;
}

export async function pruneVersions(ctx: AppContext, options: { keep: number; dryRun: boolean }): Promise<PruneDecision[]> {
  const decisions: PruneDecision[] = [];
  for (const state of await listToolStates(ctx.layout)) {
    const tool = identityOfState(ctx, state);
    await withToolLock(ctx.layout, tool.id, async () => {
      const installed = await installedVersions(ctx.layout, tool.id);
      const reasons = await keepReasons(ctx, tool, installed, options.keep);
      for (const version of installed) {
        const why = reasons.get(version) ?? [];
        if (why.length === 0 && !options.dryRun) await unpublishVersion(ctx.layout, tool.id, version);
        decisions.push({ tool: tool.id, version, removed: why.length === 0, reasons: why.length ? why : ['not in recent history, not selected, not pinned'] });
      }
      if (!options.dryRun) await rebuildIndex(ctx, tool);
    });
  }
  return decisions;
}
