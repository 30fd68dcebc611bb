/** `tool list`: every tool in the store or added, its installed versions, and which one is active here and why. */
import type { PinSource } from '../../pins/resolve.js';
import { readHistory } from '../../store/history.js';
import { installedVersions, readManifest } from '../../store/read.js';
import type { EphemeralUse } from '../../store/ephemeral.js';
import { modifiedAfterInstall } from '../../store/integrity.js';
import type { AppContext } from '../context.js';
import { latestReason } from './history-facts.js';
import { everyTool } from './every-tool.js';
import { selectionHere } from '../select/which.js';
import type { ToolIdentity } from '../select/identify.js';
import { pendingEphemeral, type PendingEphemeral } from '../throwaway/pending.js';

export interface ListedTool {
  tool: string;
  repo: string;
  exes: string[];
  versions: string[];
  /** Versions whose executables changed after install (see store/integrity.ts). */
  modified: string[];
  active: { version: string | undefined; spec: string; source: PinSource } | undefined;
  problem?: string;
  held: boolean;
  /** The reason of the latest history entry that has one (`--reason`). */
  reason?: string;
  /** False for a tool installed only by `tool run`, `x`, a shim or a project's pin, never added (every-tool.ts). */
  added: boolean;
  /** Versions installed only for `tool x`, `shell` or `bisect`, removed after expiresAt (ISO time) unless used again. */
  ephemeral: { version: string; expiresAt: string; by: EphemeralUse | null }[];
}

function ephemeralOf(pending: readonly PendingEphemeral[], toolId: string, versions: readonly string[]): ListedTool['ephemeral'] {
  return pending
    .filter((item) => item.tool === toolId && versions.includes(item.version))
    .map((item) => ({ version: item.version, expiresAt: item.expiresAt.toISOString(), by: item.by ?? null }));
}

async function listOne(ctx: AppContext, tool: ToolIdentity, pending: readonly PendingEphemeral[]): Promise<ListedTool> {
  const versions = await installedVersions(ctx.layout, tool.id);
  const listed: ListedTool = {
    tool: tool.id,
    repo: tool.repo,
    exes: tool.state?.exes ?? Object.keys((await readManifest(ctx.layout, tool.id, versions[0] ?? ''))?.bins ?? {}).sort(),
    versions,
    modified: [],
    active: undefined,
    held: Boolean(tool.state?.held),
    added: tool.state !== undefined,
    ephemeral: ephemeralOf(pending, tool.id, versions),
  };
  const reason = latestReason(await readHistory(ctx.layout, tool.id));
  if (reason) listed.reason = reason;
  for (const version of listed.versions) {
    const manifest = await readManifest(ctx.layout, tool.id, version);
    if (manifest && (await modifiedAfterInstall(ctx.layout, manifest)).length > 0) listed.modified.push(version);
  }
  try {
    const selection = await selectionHere(ctx, tool);
    if (selection) listed.active = { version: selection.version, spec: selection.pin.spec, source: selection.pin.source };
  } catch (error) {
    listed.problem = (error as Error).message;
  }
  return listed;
}

export async function listTools(ctx: AppContext): Promise<ListedTool[]> {
  const pending = await pendingEphemeral(ctx);
  return Promise.all((await everyTool(ctx)).map((tool) => listOne(ctx, tool, pending)));
}
