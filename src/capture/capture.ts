/**
 * Capturing what a self-updating tool wrote into its live copy: the new bytes
 * become a new, read-only store version named by what the tool reports, the
 * history records it, and the global selection moves to it. Store versions
 * are never touched; the live copy keeps running the new bytes.
 */
import { copyFile, mkdir, symlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { askVersion } from '../exec/version-command.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { activateGlobal } from '../app/select/activate.js';
import { isLive } from '../app/select/live-policy.js';
import { formatPlatform } from '../core/platform.js';
import { localBuildName } from '../core/version.js';
import { withToolLock } from '../store/lock.js';
import { changedLiveExes, materializeLive, readLiveMarker, sha256File, writeLiveMarker, type LiveMarker } from '../store/live.js';
import type { Manifest } from '../store/manifest.js';
import { recordFiles } from '../store/file-records.js';
import { createStaging, publishVersion, removeTree, sweepStaging } from '../store/publish.js';
import { readManifest } from '../store/read.js';
import { checkAgainstUpstream, type UpstreamCheck } from './upstream-check.js';
import { youngerThanCooldown } from './capture-age.js';

export interface Captured {
  tool: string;
  from: string;
  to: string;
  sha256: string;
  upstream: UpstreamCheck;
  /** Set when the new bytes did not run and were not captured: why. */
  broken?: string;
}

async function liveHashes(ctx: AppContext, tool: ToolIdentity, exes: readonly string[]): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const exe of exes) hashes[exe] = await sha256File(ctx.layout.liveBin(tool.id, exe));
  return hashes;
}

/** Does the store version hold exactly these bytes as its executable? */
async function storeHolds(ctx: AppContext, tool: ToolIdentity, version: string, exe: string, sha256: string): Promise<boolean> {
  if (!(await readManifest(ctx.layout, tool.id, version))) return false;
  return (await sha256File(ctx.layout.versionBin(tool.id, version, exe)).catch(() => undefined)) === sha256;
}

/**
 * A store name for the new bytes. Only bytes verified against the release may
 * carry the release's version; anything else is a local build
 * ("2.0.0+self.ab12cd34") that no spec selects unless it names it.
 */
async function versionName(ctx: AppContext, tool: ToolIdentity, exe: string, reported: string | undefined, marker: LiveMarker, sha256: string, upstream: UpstreamCheck): Promise<{ version: string; exists: boolean }> {
  if (reported && (await storeHolds(ctx, tool, reported, exe, sha256))) return { version: reported, exists: true };
  const release = reported && upstream.check === 'verified' && !(await readManifest(ctx.layout, tool.id, reported));
  const version = release ? reported : localBuildName(reported ?? marker.version, sha256);
  return { version, exists: await storeHolds(ctx, tool, version, exe, sha256) };
}

async function storeLiveBytes(ctx: AppContext, tool: ToolIdentity, version: string, exes: readonly string[], sha256: string, upstream: UpstreamCheck): Promise<void> {
  // Under the tool lock: staging of this tool left by a capture or install that was killed goes first.
  await sweepStaging(ctx.layout, tool.id);
  const staging = await createStaging(ctx.layout, tool.id, version);
  try {
    await mkdir(join(staging, 'files'));
    await mkdir(join(staging, 'bin'));
    const bins: Record<string, string> = {};
    for (const exe of exes) {
      await copyFile(ctx.layout.liveBin(tool.id, exe), join(staging, 'files', exe));
      await symlink(join('..', 'files', exe), join(staging, 'bin', exe));
      bins[exe] = `files/${exe}`;
    }
    const manifest: Manifest = {
      schema: 1,
      tool: tool.id,
      repo: tool.repo,
      version,
      tag: version,
      asset: { name: `${exes[0]} (written by its own updater)`, url: ctx.layout.liveBin(tool.id, exes[0]!), size: undefined },
      sha256,
      verification: upstream.check === 'verified' ? { method: 'checksum-file', source: upstream.detail } : { method: 'none' },
      bins,
      platform: formatPlatform(ctx.platform()),
      installedAt: ctx.now().toISOString(),
      cause: 'self-update',
      files: await recordFiles(staging),
    };
    await writeFile(join(staging, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    await publishVersion(ctx.layout, staging, tool.id, version);
  } catch (error) {
    await removeTree(staging).catch(() => {});
    throw error;
  }
}

/**
 * The tool replaced itself with bytes that do not run (a truncated download, a
 * binary for another machine, a crash at start): they are not captured, and
 * the live copy goes back to the version it held, so the tool keeps working.
 */
async function refuseBroken(ctx: AppContext, tool: ToolIdentity, marker: LiveMarker, exes: readonly string[], sha256: string, why: string): Promise<Captured> {
  await materializeLive(ctx.layout, tool.id, marker.version, exes);
  return { tool: tool.id, from: marker.version, to: marker.version, sha256, upstream: { check: 'unverified', detail: why }, broken: why };
}

/** Capture the live copy if the tool rewrote itself; undefined when nothing changed. */
export async function captureSelfUpdate(ctx: AppContext, tool: ToolIdentity): Promise<Captured | undefined> {
  const exes = tool.state?.exes ?? [];
  if (!isLive(tool) || (await changedLiveExes(ctx.layout, tool.id, exes)).length === 0) return undefined;
  return withToolLock(ctx.layout, tool.id, async () => {
    const marker = await readLiveMarker(ctx.layout, tool.id);
    if (!marker) return undefined;
    const hashes = await liveHashes(ctx, tool, exes);
    const [primary] = exes;
    const sha256 = hashes[primary!]!;
    if (exes.every((exe) => hashes[exe] === marker.sha256[exe])) {
      await writeLiveMarker(ctx.layout, marker); // touched, not changed: just move the stamp
      return undefined;
    }
    const answer = await askVersion(ctx.layout.liveBin(tool.id, primary!), tool.entry?.versionCommand);
    if (answer.doesNotRun) return refuseBroken(ctx, tool, marker, exes, sha256, answer.doesNotRun);
    const reported = answer.version;
    const upstream = reported ? await checkAgainstUpstream(ctx, tool, reported, sha256) : { check: 'unverified' as const, detail: 'the tool did not report a version' };
    const { version, exists } = await versionName(ctx, tool, primary!, reported, marker, sha256, upstream);
    if (!exists) await storeLiveBytes(ctx, tool, version, exes, sha256, upstream);
    // The selection moves before the marker says the bytes are captured: a process killed in
    // between leaves a marker that still differs from the live bytes, so the next command
    // captures again (finding the version stored) instead of running bytes nothing selects.
    const young = reported ? youngerThanCooldown(ctx, tool, reported, upstream.publishedAt) : undefined;
    await activateGlobal(ctx, tool, version, { cause: 'self-update', sha256, check: upstream.check, note: upstream.detail, ...(young ? { youngerThanCooldown: young } : {}) });
    await writeLiveMarker(ctx.layout, { tool: tool.id, version, sha256: hashes });
    return { tool: tool.id, from: marker.version, to: version, sha256, upstream };
  });
}
