/**
 * Changing which version the global selection runs. This is the one path that
 * does it (add, update, rollback, self-update capture, background update), so
 * every change lands in global.tools, the history, the live copy and the index
 * together. global.tools names the exact version; the tool's state keeps the
 * spec it follows and whether it is held.
 */
import { readToolsFile } from '../../pins/resolve.js';
import { nameMatches } from '../../pins/tools-file.js';
import { pickVersion, tryParseSpec } from '../../core/spec.js';
import { dropEphemeral } from '../../store/ephemeral.js';
import { appendHistory, type ChangeCause, type YoungerThanCooldown } from '../../store/history.js';
import { materializeLive, readLiveMarker } from '../../store/live.js';
import { installedVersions, readManifest } from '../../store/read.js';
import { readToolState, writeToolState } from '../../store/tool-state.js';
import { withHomeLock } from '../../store/lock.js';
import type { Release } from '../../github/types.js';
import type { AppContext } from '../context.js';
import { identityOf, type ToolIdentity } from './identify.js';
import { refreshAllTools } from './refresh.js';
import { isLive } from './live-policy.js';
import { writeSelection } from './selection.js';
import { recordIntent } from '../../replicate/record-intent.js';
import { readDeclaredSet } from '../../replicate/declared-set.js';

export interface Change {
  cause: ChangeCause;
  /** SHA-256 to record; defaults to the version's manifest hash. */
  sha256?: string;
  check?: 'verified' | 'unverified' | 'mismatch';
  note?: string;
  held?: boolean;
  /** The user's --reason, kept in the history and as the declared line's comment. */
  reason?: string;
  /** false: the declared set already says this (sync applying it); skip rewriting it and its lock. */
  recordIntent?: boolean;
  /** The release of `version`, when the caller has it: locking needs no second lookup. */
  release?: Release;
  /** false: the caller rebuilds every index and shim once after a batch (sync), instead of once per tool. */
  refresh?: boolean;
  /** A captured self-update younger than the release cooldown: marked in the history. */
  youngerThanCooldown?: YoungerThanCooldown;
}

/** The version the global selection runs now, if any. */
export async function globalVersion(ctx: AppContext, tool: ToolIdentity): Promise<string | undefined> {
  const file = await readToolsFile(ctx.layout.globalTools);
  const entry = file?.entries.find((item) => nameMatches(item.name, tool.aliases));
  const spec = entry && tryParseSpec(entry.spec);
  return spec ? pickVersion(spec, await installedVersions(ctx.layout, tool.id)) : undefined;
}

/** Make the live copy match the global version when it does not already. */
export async function syncLiveCopy(ctx: AppContext, tool: ToolIdentity, version: string): Promise<void> {
  if (!isLive(tool)) return;
  const marker = await readLiveMarker(ctx.layout, tool.id);
  if (marker?.version === version) return;
  const manifest = await readManifest(ctx.layout, tool.id, version);
  if (manifest) await materializeLive(ctx.layout, tool.id, version, Object.keys(manifest.bins));
}

export async function activateGlobal(ctx: AppContext, tool: ToolIdentity, version: string, change: Change): Promise<ToolIdentity> {
  // A declared file that cannot be read or parsed fails here, before the selection changes, not after.
  if (change.recordIntent !== false) await readDeclaredSet(ctx);
  const from = (await globalVersion(ctx, tool)) ?? null;
  let state = await readToolState(ctx.layout, tool.id);
  const wasHeld = Boolean(state?.held);
  if (state && change.held !== undefined && Boolean(state.held) !== change.held) {
    state = { ...state, held: change.held };
    await writeToolState(ctx.layout, state);
  }
  const current = identityOf(ctx, { ...tool, state });
  // Selected is needed: a version first installed for `tool x` stops being ephemeral.
  await dropEphemeral(ctx.layout, tool.id, version);
  await withHomeLock(ctx.layout, () => writeSelection(ctx.layout.globalTools, current.aliases, current.id, version));
  // Only real changes enter the history (the first add has no "from").
  if (from !== version) {
    const manifest = await readManifest(ctx.layout, tool.id, version);
    await appendHistory(ctx.layout, {
      at: ctx.now().toISOString(),
      tool: tool.id,
      from,
      to: version,
      cause: change.cause,
      sha256: change.sha256 ?? manifest?.sha256 ?? '',
      ...(change.check ? { check: change.check } : manifest ? { check: manifest.verification.method === 'none' ? 'unverified' : 'verified' } : {}),
      ...(change.note ? { note: change.note } : {}),
      ...(manifest?.attestation ? { attestation: manifest.attestation } : {}),
      ...(change.reason ? { reason: change.reason } : {}),
      ...(change.youngerThanCooldown ? { youngerThanCooldown: change.youngerThanCooldown } : {}),
    });
  }
  await syncLiveCopy(ctx, current, version);
  if (change.refresh !== false) await refreshAllTools(ctx);
  if (change.recordIntent !== false) await recordIntent(ctx, current, version, change, wasHeld);
  return current;
}
