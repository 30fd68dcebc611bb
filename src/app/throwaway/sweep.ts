/**
 * Collecting ephemeral versions whose time is up (TOOL_EPHEMERAL_TTL after their
 * last use). One that a known `.tools` pin, the global selection, a live copy
 * or a project lock needs by then is not removed: it stops being ephemeral and
 * is an ordinary version from then on. One a running `tool x`/`tool shell`
 * links to waits for the next sweep. Anything else is removed from the store.
 */
import { access, rmdir } from 'node:fs/promises';
import { formatDuration } from '../../core/duration.js';
import { dropEphemeral, expiresAt, listEphemeral, readEphemeralDetails, type EphemeralMarker } from '../../store/ephemeral.js';
import { withToolLock } from '../../store/lock.js';
import { unpublishVersion } from '../../store/publish.js';
import { readToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { keepReasons, toolFacts } from '../lifecycle/prune.js';
import { identityOf, type ToolIdentity } from '../select/identify.js';
import { rebuildIndex } from '../select/refresh.js';
import { versionsInUse } from './bin-dir.js';

export interface SweepDecision {
  tool: string;
  version: string;
  /** false: kept, because something needs it (it is no longer ephemeral) or a running environment uses it. */
  removed: boolean;
  reasons: string[];
}

function expiredMarkers(ctx: AppContext, markers: readonly EphemeralMarker[]): EphemeralMarker[] {
  const now = ctx.now().getTime();
  return markers.filter((marker) => expiresAt(marker, ctx.settings.ephemeralTtlSeconds).getTime() <= now);
}

/** Sweeps every expired ephemeral version; `dryRun` only says what it would do. */
export async function sweepExpired(ctx: AppContext, options: { dryRun: boolean }): Promise<SweepDecision[]> {
  const due = expiredMarkers(ctx, await listEphemeral(ctx.layout));
  if (due.length === 0) return [];
  const inUse = await versionsInUse(ctx, !options.dryRun);
  const decisions: SweepDecision[] = [];
  for (const toolId of new Set(due.map((marker) => marker.tool))) {
    decisions.push(...(await withToolLock(ctx.layout, toolId, () => sweepTool(ctx, toolId, inUse, options.dryRun))));
  }
  return decisions;
}

/** A tool nobody added is known only from its marker: its repository is recorded there. */
async function identityFor(ctx: AppContext, toolId: string, version: string): Promise<ToolIdentity> {
  const state = await readToolState(ctx.layout, toolId);
  const entry = ctx.registry.get(toolId);
  const repo = state?.repo ?? entry?.repo ?? (await readEphemeralDetails(ctx.layout, toolId, version))?.repo ?? toolId;
  return identityOf(ctx, { id: toolId, repo, entry, state });
}

function expiredBecause(ttlSeconds: number, by: string | undefined): string {
  const use = by ? `installed for tool ${by}` : 'ephemeral';
  return ttlSeconds === 0 ? `${use}; TOOL_EPHEMERAL_TTL is 0` : `${use}, unused for ${formatDuration(ttlSeconds)}`;
}

async function sweepTool(ctx: AppContext, toolId: string, inUse: ReadonlySet<string>, dryRun: boolean): Promise<SweepDecision[]> {
  // Read again under the lock: another process may have used, kept or removed a version meanwhile.
  const markers = expiredMarkers(ctx, (await listEphemeral(ctx.layout)).filter((marker) => marker.tool === toolId));
  if (markers.length === 0) return [];
  const tool = await identityFor(ctx, toolId, markers[0]!.version);
  const facts = await toolFacts(ctx, tool);
  const needed = await keepReasons(ctx, tool, facts, 0);
  const decisions: SweepDecision[] = [];
  for (const { version } of markers) {
    const decision = { tool: toolId, version, removed: false, reasons: [] as string[] };
    if (!facts.installed.includes(version)) {
      if (!dryRun) await dropEphemeral(ctx.layout, toolId, version); // removed by hand or by `tool remove`
      continue;
    }
    const why = needed.get(version);
    if (inUse.has(`${toolId}@${version}`)) {
      decision.reasons = ['in use by a running tool x or tool shell'];
    } else if (why) {
      decision.reasons = [...why, 'no longer ephemeral'];
      if (!dryRun) await dropEphemeral(ctx.layout, toolId, version);
    } else {
      decision.removed = true;
      decision.reasons = [expiredBecause(ctx.settings.ephemeralTtlSeconds, (await readEphemeralDetails(ctx.layout, toolId, version))?.by)];
      if (!dryRun) await removeVersion(ctx, toolId, version);
    }
    decisions.push(decision);
  }
  if (!dryRun && (tool.state || (await exists(ctx.layout.toolIndex(toolId))))) await rebuildIndex(ctx, tool);
  return decisions;
}

async function removeVersion(ctx: AppContext, toolId: string, version: string): Promise<void> {
  await unpublishVersion(ctx.layout, toolId, version);
  await dropEphemeral(ctx.layout, toolId, version);
  // A tool only ever tried leaves no empty directory behind; one with other versions keeps it (rmdir fails).
  await rmdir(ctx.layout.toolStore(toolId)).catch(() => {});
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(() => true, () => false);
}
