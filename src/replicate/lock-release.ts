/**
 * A lock entry for one release: for each platform the asset install would
 * choose there, and its SHA-256 from what the release publishes (the asset's
 * digest or its checksum file), so platforms other than this one are locked
 * without downloading their assets. Where the release vouches for nothing the
 * entry says so (sha256 null), unless the caller asks to download and hash.
 */
import { createHash } from 'node:crypto';
import { isToolError } from '../core/errors.js';
import type { Asset, GitHubClient, Release } from '../github/types.js';
import type { Manifest, Verification } from '../store/manifest.js';
import { chooseAsset } from '../app/install/choose-asset.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { expectedHash } from '../app/install/verify-asset.js';
import type { LockedPlatform, LockedTool } from './lock-file.js';
import { platformOfKey } from './machine.js';
import { aquaEntry, withAquaPackage } from '../registries/aqua-install.js';
import { lockedAttestation } from './lock-attestation.js';

export interface LockReleaseOptions {
  platforms: readonly string[];
  /** Download assets whose release publishes no usable hash, and lock what they hash to. */
  downloadMissing?: boolean;
  /** This machine's installed copy of the version: its hash needs no lookup. */
  installed?: Manifest;
}

export function hashSourceOf(verification: Verification): string {
  if (verification.method === 'digest') return 'digest';
  if (verification.method === 'checksum-file') return `checksum-file:${verification.source}`;
  if (verification.method === 'lock') return 'lock';
  return 'downloaded';
}

async function downloadHash(github: GitHubClient, asset: Asset): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of (await github.openAsset(asset)).body) hash.update(chunk);
  return hash.digest('hex');
}

/** Checksum files are shared by every platform's asset: fetch each once. */
function memoizedText(github: GitHubClient): GitHubClient {
  const texts = new Map<string, Promise<string>>();
  return {
    ...github,
    fetchText: (asset) => {
      if (!texts.has(asset.name)) texts.set(asset.name, github.fetchText(asset));
      return texts.get(asset.name)!;
    },
  };
}

async function lockPlatform(ctx: AppContext, github: GitHubClient, tool: ToolIdentity, release: Release, version: string, key: string, options: LockReleaseOptions): Promise<LockedPlatform> {
  let asset: Asset;
  try {
    asset = chooseAsset(ctx, tool, release, version, tool.state?.assetGlob, platformOfKey(key)).asset;
    // Each platform's aqua resolution may name its own checksum file.
    if (tool.aqua?.pkg) tool = { ...tool, entry: aquaEntry(tool, release, platformOfKey(key)) };
  } catch (error) {
    if (isToolError(error, 'TOOL_NO_MATCHING_ASSET') || isToolError(error, 'TOOL_UNSUPPORTED_PLATFORM')) return { missing: error.message };
    throw error;
  }
  const entry = { name: asset.name, url: asset.browser_download_url, size: asset.size };
  const hashed = await lockHash(github, tool, release, version, asset, options);
  if (hashed.sha256 === null) return { ...entry, ...hashed };
  const subject = { tool, version, key, asset: asset.name, sha256: hashed.sha256 };
  return { ...entry, ...hashed, attestation: await lockedAttestation(ctx, github, subject, options.installed) };
}

/** The asset's SHA-256 and where it came from, without downloading it where the release publishes one. */
async function lockHash(github: GitHubClient, tool: ToolIdentity, release: Release, version: string, asset: Asset, options: LockReleaseOptions): Promise<{ sha256: string | null; hashSource: string }> {
  const installed = options.installed;
  if (installed && installed.cause !== 'self-update' && installed.asset.name === asset.name) {
    return { sha256: installed.sha256, hashSource: hashSourceOf(installed.verification) };
  }
  const expected = await expectedHash(github, tool, release, asset, version);
  if (expected.hex && !expected.ofBinary) return { sha256: expected.hex, hashSource: hashSourceOf(expected.verification) };
  if (options.downloadMissing) return { sha256: await downloadHash(github, asset), hashSource: 'downloaded' };
  return { sha256: null, hashSource: 'none' };
}

export async function lockRelease(ctx: AppContext, github: GitHubClient, tool: ToolIdentity, release: Release, version: string, spec: string, options: LockReleaseOptions): Promise<LockedTool> {
  const shared = memoizedText(github);
  const loaded = await withAquaPackage(ctx, tool);
  // Platforms at once: each may ask for its attestations, and checksum files are fetched once (memoizedText).
  const locked = await Promise.all(options.platforms.map(async (key) => [key, await lockPlatform(ctx, shared, loaded, release, version, key, options)] as const));
  const assets: Record<string, LockedPlatform> = Object.fromEntries(locked);
  return { repo: tool.repo, spec, tag: release.tag_name, version, assets };
}
