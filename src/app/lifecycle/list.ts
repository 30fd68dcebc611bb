/**
 * `tool list`: every added tool, its installed versions, and which one is
 * active here and why; and tools nobody added that have ephemeral versions
 * (installed for `tool x`, `shell`, `bisect`), each with its expiry.
 */
import { describeSource } from '../../pins/resolve.js';
import { readHistory } from '../../store/history.js';
import { installedVersions, readManifest } from '../../store/read.js';
import type { EphemeralUse } from '../../store/ephemeral.js';
import { modifiedAfterInstall } from '../../store/integrity.js';
import { listToolStates } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { latestReason } from './history-facts.js';
import { identityOfState } from '../select/identify.js';
import { selectionHere } from '../select/which.js';
import { pendingEphemeral, type PendingEphemeral } from '../throwaway/pending.js';

export interface ListedTool {
  tool: string;
  repo: string;
  exes: string[];
  versions: string[];
  /** Versions whose executables changed after install (see store/integrity.ts). */
  modified: string[];
  active: { version: string | undefined; spec: string; source: string } | undefined;
  problem?: string;
  held: boolean;
  /** The reason of the latest history entry that has one (`--reason`). */
  reason?: string;
  /** Versions installed only for `tool x`, `shell` or `bisect`, removed after expiresAt (ISO time) unless used again. */
  ephemeral: { version: string; expiresAt: string; by: EphemeralUse | null }[];
}

function ephemeralOf(pending: readonly PendingEphemeral[], toolId: string, versions: readonly string[]): ListedTool['ephemeral'] {
  return pending
    .filter((item) => item.tool === toolId && versions.includes(item.version))
    .map((item) => ({ version: item.version, expiresAt: item.expiresAt.toISOString(), by: item.by ?? null }));
}

/** A tool that is in the store only because `tool x` (or shell, bisect) installed it. */
async function ephemeralOnly(ctx: AppContext, toolId: string, pending: readonly PendingEphemeral[]): Promise<ListedTool | undefined> {
  const versions = await installedVersions(ctx.layout, toolId);
  const ephemeral = ephemeralOf(pending, toolId, versions);
  if (ephemeral.length === 0) return undefined;
  const manifest = await readManifest(ctx.layout, toolId, ephemeral[0]!.version);
  return { tool: toolId, repo: manifest?.repo ?? toolId, exes: Object.keys(manifest?.bins ?? {}).sort(), versions, modified: [], active: undefined, held: false, ephemeral };
}

export async function listTools(ctx: AppContext): Promise<ListedTool[]> {
  const states = await listToolStates(ctx.layout);
  const pending = await pendingEphemeral(ctx);
  const added = new Set(states.map((state) => state.id));
  const others = await Promise.all([...new Set(pending.map((item) => item.tool))].sort().filter((id) => !added.has(id)).map((id) => ephemeralOnly(ctx, id, pending)));
  const listed = await Promise.all(
    states.map(async (state) => {
      const tool = identityOfState(ctx, state);
      const listed: ListedTool = {
        tool: state.id,
        repo: state.repo,
        exes: state.exes,
        versions: await installedVersions(ctx.layout, state.id),
        modified: [],
        active: undefined,
        held: Boolean(state.held),
        ephemeral: [],
      };
      listed.ephemeral = ephemeralOf(pending, state.id, listed.versions);
      const reason = latestReason(await readHistory(ctx.layout, state.id));
      if (reason) listed.reason = reason;
      for (const version of listed.versions) {
        const manifest = await readManifest(ctx.layout, state.id, version);
        if (manifest && (await modifiedAfterInstall(ctx.layout, manifest)).length > 0) listed.modified.push(version);
      }
      try {
        const selection = await selectionHere(ctx, tool);
        if (selection) listed.active = { version: selection.version, spec: selection.pin.spec, source: describeSource(selection.pin.source) };
      } catch (error) {
        listed.problem = (error as Error).message;
      }
      return listed;
    }),
  );
  return [...listed, ...others.filter((tool): tool is ListedTool => tool !== undefined)];
}
