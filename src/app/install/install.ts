/**
 * Installing one version of a tool. Plan first (resolve the release, choose the
 * asset, find the expected hash: everything that can fail on bad input), then
 * apply under the tool's lock into a staging directory, and publish by rename.
 * A failure at any step removes the staging directory and changes nothing else.
 */
import { pickPreferring, type VersionSpec } from '../../core/spec.js';
import { formatPlatform } from '../../core/platform.js';
import type { HeldBack } from '../../core/release-age.js';
import { libcNote } from '../../assets/libc-note.js';
import type { Asset, GitHubClient, Release } from '../../github/types.js';
import type { AttestationRecord } from '../../core/attestation.js';
import { chooseAsset } from './choose-asset.js';
import { aquaEntry, withAquaPackage } from '../../registries/aqua-install.js';
import { withToolLock } from '../../store/lock.js';
import { ephemeralVersions, settleEphemeral, type EphemeralUse } from '../../store/ephemeral.js';
import type { Manifest } from '../../store/manifest.js';
import { installedVersions, readManifest } from '../../store/read.js';
import type { AppContext } from '../context.js';
import type { ToolIdentity } from '../select/identify.js';
import { heldBackNote, resolveOldEnough } from './resolve-old-enough.js';
import { expectedHash, type Expected } from './verify-asset.js';

export interface InstallOptions {
  /** Why this install happens, recorded in the manifest: "added", "pinned", "updated", … */
  cause: string;
  assetGlob?: string;
  /** Use an installed version that satisfies the spec without asking GitHub (default true). */
  preferInstalled?: boolean;
  /**
   * Installed only for this use (`tool x`, `shell`, `bisect`): a version this
   * installs is marked ephemeral. 'transient' (`tool run`) leaves marks as they
   * are; by default an ephemeral version becomes ordinary (store/ephemeral.ts).
   */
  ephemeral?: EphemeralUse | 'transient';
}

export interface InstallOutcome {
  version: string;
  /** False when the version was already in the store. */
  installed: boolean;
  manifest: Manifest;
  /** The release, when this install looked it up (a lock entry reuses it). */
  release?: Release;
  /** A newer release the cooldown set aside, when this install looked one up. */
  heldBack?: HeldBack;
}

export interface InstallPlan {
  tool: ToolIdentity;
  release: Release;
  version: string;
  asset: Asset;
  assetReason: string;
  expected: Expected;
  /** An outcome a lock recorded for this asset: judged as it stands instead of asking GitHub (attest-asset.ts). */
  attestation?: AttestationRecord;
}

export async function planInstall(ctx: AppContext, github: GitHubClient, identity: ToolIdentity, release: Release, version: string, assetGlob?: string): Promise<InstallPlan> {
  const tool = await forRelease(ctx, identity, release);
  const choice = chooseAsset(ctx, tool, release, version, assetGlob ?? tool.state?.assetGlob);
  if (choice.rosetta) ctx.log(`note: no arm64 build of ${tool.id} ${version}; using ${choice.asset.name} under Rosetta 2`);
  const expected = await expectedHash(github, tool, release, choice.asset, version);
  return { tool, release, version, asset: choice.asset, assetReason: choice.reason, expected };
}

/** An aqua package's rules, resolved for this release, stand in for a registry entry from here on. */
async function forRelease(ctx: AppContext, identity: ToolIdentity, release: Release): Promise<ToolIdentity> {
  const tool = await withAquaPackage(ctx, identity);
  return tool.aqua?.pkg && !tool.entry ? { ...tool, entry: aquaEntry(tool, release, ctx.platform()) } : tool;
}

async function existing(ctx: AppContext, tool: ToolIdentity, version: string): Promise<InstallOutcome | undefined> {
  const manifest = await readManifest(ctx.layout, tool.id, version);
  return manifest ? { version, installed: false, manifest } : undefined;
}

export async function applyInstall(ctx: AppContext, github: GitHubClient, plan: InstallPlan, cause: string): Promise<InstallOutcome> {
  return withToolLock(ctx.layout, plan.tool.id, async () => {
    // Another process may have installed it while we waited for the lock.
    const already = await existing(ctx, plan.tool, plan.version);
    if (already) return already;
    const note = libcNote(plan.asset.name, ctx.platform(), plan.tool.entry?.name ?? plan.tool.repo);
    ctx.log(`installing ${plan.tool.id} ${plan.version} (${plan.asset.name}${note ? `: ${note}` : ''}) for ${formatPlatform(ctx.platform())}`);
    // Loaded here: it pulls in the archive stack (tar, yauzl, decoders), which only installs need.
    const { buildVersion } = await import('./build-version.js');
    const manifest = await buildVersion(ctx, github, plan, cause);
    if (manifest.verification.method === 'none') {
      ctx.log(`warning: ${plan.asset.name} is unverified: the release publishes no digest or checksum file; recorded sha256 ${manifest.sha256}`);
    }
    return { version: plan.version, installed: true, manifest };
  });
}

/** Make sure a version satisfying `spec` is in the store; returns which. */
export async function ensureInstalled(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, options: InstallOptions): Promise<InstallOutcome> {
  const outcome = await findOrInstall(ctx, tool, spec, options);
  if (options.ephemeral !== 'transient') {
    const use = { tool: tool.id, repo: tool.repo, version: outcome.version, installedNow: outcome.installed, by: options.ephemeral };
    await settleEphemeral(ctx.layout, use, ctx.now());
  }
  return outcome;
}

async function findOrInstall(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, options: InstallOptions): Promise<InstallOutcome> {
  if (options.preferInstalled !== false) {
    const have = pickPreferring(spec, await installedVersions(ctx.layout, tool.id), await ephemeralVersions(ctx.layout, tool.id));
    const found = have && (await existing(ctx, tool, have));
    if (found) return found;
  }
  const github = await ctx.github();
  const resolved = await resolveOldEnough(ctx, github, tool, spec);
  const { release, version } = resolved;
  const note = heldBackNote(ctx, tool, resolved);
  if (note) ctx.log(note);
  const looked = { release, ...(resolved.heldBack ? { heldBack: resolved.heldBack } : {}) };
  const found = await existing(ctx, tool, version);
  if (found) return { ...found, ...looked };
  const plan = await planInstall(ctx, github, tool, release, version, options.assetGlob);
  return { ...(await applyInstall(ctx, github, plan, options.cause)), ...looked };
}
