/**
 * Ephemeral versions: installed only for `tool x`, `tool shell` or `tool bisect`.
 * A marker file per version (state/ephemeral/<tool dir>@<version>) says so; its
 * mtime is the version's last use, so using it again is one utimes and expiry
 * is one stat. The marker lives outside the store because a store version is
 * read-only once published and every name in store/<tool>/ is a version.
 * No marker = an ordinary version that the user added, pinned or kept.
 */
import { readdir, rm, stat, utimes } from 'node:fs/promises';
import { readJsonOrUndefined, writeFileAtomic } from './atomic.js';
import { toolDirName, toolIdFromDirName, type Layout } from './layout.js';

/** Which command installed it: shown by `tool list`. */
export type EphemeralUse = 'x' | 'shell' | 'bisect';

export interface EphemeralMarker {
  tool: string;
  version: string;
  /** When it was last used (the marker's mtime). */
  usedAt: Date;
}

interface MarkerText {
  tool: string;
  repo: string;
  version: string;
  by: EphemeralUse;
}

export async function markEphemeral(layout: Layout, text: MarkerText): Promise<void> {
  await writeFileAtomic(layout.ephemeralMarker(text.tool, text.version), `${JSON.stringify(text)}\n`);
}

/** What the marker records beyond its name: the repository (a tool nobody added has no other record of it) and the command. */
export async function readEphemeralDetails(layout: Layout, toolId: string, version: string): Promise<MarkerText | undefined> {
  return readJsonOrUndefined<MarkerText>(layout.ephemeralMarker(toolId, version)).catch(() => undefined);
}

/** Another use: the version's time to live starts again. False when the version is not ephemeral. */
export async function touchEphemeral(layout: Layout, toolId: string, version: string, now: Date): Promise<boolean> {
  try {
    await utimes(layout.ephemeralMarker(toolId, version), now, now);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
    throw error;
  }
}

/**
 * After a version was installed or found for a use: an ephemeral use marks a
 * version it installed and renews one that was already ephemeral (never one
 * the user installed for good); any other install (add, pin, sync, update,
 * `--keep`) makes the version ordinary. `tool run` passes neither.
 */
export async function settleEphemeral(layout: Layout, use: { tool: string; repo: string; version: string; installedNow: boolean; by: EphemeralUse | undefined }, now: Date): Promise<void> {
  if (!use.by) return dropEphemeral(layout, use.tool, use.version);
  if (use.installedNow) return markEphemeral(layout, { tool: use.tool, repo: use.repo, version: use.version, by: use.by });
  await touchEphemeral(layout, use.tool, use.version, now);
}

/** The version becomes an ordinary one (added, pinned, selected, kept), or is gone. */
export async function dropEphemeral(layout: Layout, toolId: string, version: string): Promise<void> {
  await rm(layout.ephemeralMarker(toolId, version), { force: true });
}

async function markerNames(layout: Layout): Promise<string[]> {
  try {
    return await readdir(layout.ephemeralMarkers);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Every marker (one readdir and a stat each; usually none). Temp files of an atomic write are skipped. */
export async function listEphemeral(layout: Layout): Promise<EphemeralMarker[]> {
  const markers: EphemeralMarker[] = [];
  for (const name of await markerNames(layout)) {
    const at = name.indexOf('@');
    if (at <= 0 || name.endsWith('.tmp')) continue;
    const info = await stat(`${layout.ephemeralMarkers}/${name}`).catch(() => undefined);
    if (info) markers.push({ tool: toolIdFromDirName(name.slice(0, at)), version: name.slice(at + 1), usedAt: info.mtime });
  }
  return markers;
}

/** The ephemeral versions of one tool. */
export async function ephemeralVersions(layout: Layout, toolId: string): Promise<Set<string>> {
  const prefix = `${toolDirName(toolId)}@`;
  const names = await markerNames(layout);
  return new Set(names.filter((name) => name.startsWith(prefix) && !name.endsWith('.tmp')).map((name) => name.slice(prefix.length)));
}

/** When a marker expires: its last use plus the time to live. */
export function expiresAt(marker: EphemeralMarker, ttlSeconds: number): Date {
  return new Date(marker.usedAt.getTime() + ttlSeconds * 1000);
}
