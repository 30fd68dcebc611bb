/**
 * `tool prune [--keep N]`: remove store versions nothing needs. A version stays
 * when it is among the last N versions of the tool's history, the global
 * selection or live copy, or pinned by a .tools file the CLI has seen.
 * Removing the version `tool rollback` would go back to is allowed (rollback
 * downloads it again), but the decision says so, so the user is told.
 */
import { pickPreferring, tryParseSpec } from '../../core/spec.js';
import { readToolsFile } from '../../pins/resolve.js';
import { nameMatches } from '../../pins/tools-file.js';
import { ephemeralVersions } from '../../store/ephemeral.js';
import { readHistory, type HistoryEntry } from '../../store/history.js';
import { readLiveMarker } from '../../store/live.js';
import { withToolLock } from '../../store/lock.js';
import { unpublishVersion } from '../../store/publish.js';
import { installedVersions } from '../../store/read.js';
import { globalVersion } from '../select/activate.js';
import type { AppContext } from '../context.js';
import { recordedSha256, rollbackTargetIn } from './history-facts.js';
import type { ToolIdentity } from '../select/identify.js';
import { everyTool } from './every-tool.js';
import { rebuildIndex } from '../select/refresh.js';
import { readSeenFiles } from '../select/seen-files.js';
import { describePending, pendingEphemeral } from '../throwaway/pending.js';
import { readLock } from '../../replicate/lock-io.js';
import { projectLockPath } from '../../replicate/machine.js';

export interface PruneDecision {
  tool: string;
  version: string;
  removed: boolean;
  reasons: string[];
  /** Set on a removed version that `tool rollback <tool>` goes back to: rollback will have to download it again. */
  rollbackTarget?: { recordedSha256: string | undefined };
}

export interface ToolFacts {
  installed: string[];
  history: HistoryEntry[];
  current: string | undefined;
  /** Versions installed for `tool x` and the like: a pin needs one only when no other version fits it. */
  ephemeral: Set<string>;
}

/** Why each version is needed: recent in history (the last `keep`), selected, live, pinned or locked by a known project. */
export async function keepReasons(ctx: AppContext, tool: ToolIdentity, facts: ToolFacts, keep: number): Promise<Map<string, string[]>> {
  const reasons = new Map<string, string[]>();
  const add = (version: string | undefined, reason: string) => {
    if (version) reasons.set(version, [...(reasons.get(version) ?? []), reason]);
  };
  // History keeps versions to roll back to; a tool no longer added (removed, or only run) has nothing to roll back.
  const recent = tool.state ? [...new Set(facts.history.map((entry) => entry.to).reverse())].slice(0, keep) : [];
  for (const version of recent) add(version, keep === 1 ? 'the last in history' : `among the last ${keep} in history`);
  add(facts.current, 'global selection');
  add((await readLiveMarker(ctx.layout, tool.id))?.version, 'live copy');
  for (const path of await readSeenFiles(ctx)) {
    const file = await readToolsFile(path);
    for (const entry of file?.entries ?? []) {
      const spec = nameMatches(entry.name, tool.aliases) ? tryParseSpec(entry.spec) : undefined;
      if (spec) add(pickPreferring(spec, facts.installed, facts.ephemeral), `pinned by ${path} line ${entry.line}`);
    }
    // The version a project's lock fixes is the one it runs, whatever newer version its spec also allows.
    const locked = (await readLock(projectLockPath(path)).catch(() => undefined))?.tools[tool.id];
    if (locked) add(locked.version, `locked by ${projectLockPath(path)}`);
  }
  return reasons;
}

/** Read before anything is removed: the global version is picked among installed ones. */
export async function toolFacts(ctx: AppContext, tool: ToolIdentity): Promise<ToolFacts> {
  return {
    installed: await installedVersions(ctx.layout, tool.id),
    history: await readHistory(ctx.layout, tool.id),
    current: await globalVersion(ctx, tool),
    ephemeral: await ephemeralVersions(ctx.layout, tool.id),
  };
}

/**
 * Ephemeral versions (`tool x`, `shell`, `bisect`) stay until they expire; the
 * sweep (app/throwaway/sweep.ts) removes them then. Tools nobody added are
 * decided like the others (every-tool.ts), so every store version is accounted for.
 */
export async function pruneVersions(ctx: AppContext, options: { keep: number; dryRun: boolean }): Promise<PruneDecision[]> {
  const decisions: PruneDecision[] = [];
  const pending = await pendingEphemeral(ctx);
  for (const tool of await everyTool(ctx)) {
    await withToolLock(ctx.layout, tool.id, async () => {
      const facts = await toolFacts(ctx, tool);
      const reasons = await keepReasons(ctx, tool, facts, options.keep);
      for (const item of pending.filter((p) => p.tool === tool.id)) reasons.set(item.version, [...(reasons.get(item.version) ?? []), describePending(item)]);
      const target = rollbackTargetIn(facts.history, facts.current);
      for (const version of facts.installed) {
        const why = reasons.get(version) ?? [];
        if (why.length === 0 && !options.dryRun) await unpublishVersion(ctx.layout, tool.id, version);
        const decision: PruneDecision = { tool: tool.id, version, removed: why.length === 0, reasons: why.length ? why : ['not in recent history, not selected, not pinned'] };
        if (decision.removed && version === target) decision.rollbackTarget = { recordedSha256: recordedSha256(facts.history, version) };
        decisions.push(decision);
      }
      if (!options.dryRun) await rebuildIndex(ctx, tool);
    });
  }
  return decisions;
}
