/**
 * Installing exactly what a lock says, with no GitHub API request: the asset's
 * download URL and SHA-256 come from the lock, and the bytes must hash to it.
 * A lock is data from a file (perhaps a cloned project), so its URL must be a
 * release download of the tool's own, approved repository.
 */
import { parseAttestationToken } from '../core/attestation.js';
import { ToolError } from '../core/errors.js';
import { pickVersion, type VersionSpec } from '../core/spec.js';
import { assertSafeUrl, isLoopbackHost } from '../env/settings.js';
import type { Asset, Release } from '../github/types.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import type { InstallPlan } from '../app/install/install.js';
import { isLockedAsset, type LockedAsset, type LockedTool } from './lock-file.js';
import { lockPlatformKey } from './machine.js';

/** The lock's version when it is one the spec accepts (any locked version answers `latest`). */
export function lockSatisfies(spec: VersionSpec, locked: LockedTool | undefined): boolean {
  if (!locked) return false;
  return spec.kind === 'latest' || pickVersion(spec, [locked.version]) === locked.version;
}

function assertReleaseUrl(ctx: AppContext, tool: ToolIdentity, locked: LockedTool, asset: LockedAsset, lockPath: string): void {
  const url = new URL(asset.url);
  assertSafeUrl(url, `${lockPath}: the URL of ${tool.id}`);
  const hostOk = url.hostname === 'github.com' || url.hostname === ctx.settings.apiUrl.hostname || isLoopbackHost(url.hostname);
  const path = decodeURIComponent(url.pathname).toLowerCase();
  const expected = `/${tool.repo}/releases/download/${locked.tag}/${asset.name}`.toLowerCase();
  if (!hostOk || path !== expected) {
    throw new ToolError('TOOL_NOT_APPROVED', `${lockPath} says to download ${tool.id} from ${asset.url}, which is not a release download of ${tool.repo}`, {
      hint: `Nothing was downloaded. Check where that lock came from, then run \`tool lock\` to rewrite it`,
    });
  }
}

/** This platform's locked asset, or one line saying what is missing and how to fix it. */
export function lockedAsset(ctx: AppContext, tool: ToolIdentity, locked: LockedTool, lockPath: string, fix: string): LockedAsset {
  const key = lockPlatformKey(ctx.platform());
  const entry = locked.assets[key];
  if (!entry) {
    const platforms = [...new Set([...Object.keys(locked.assets), key])].sort().join(',');
    throw new ToolError('TOOL_LOCK_MISSING', `${lockPath} has no entry for ${tool.id} on ${key}`, { hint: `Run \`${fix} --platform ${platforms}\` on any machine and commit the lock` });
  }
  if (!isLockedAsset(entry)) {
    throw new ToolError('TOOL_LOCK_MISSING', `${lockPath}: ${tool.id} ${locked.version} has no asset for ${key} (${entry.missing})`, { hint: 'Pick another version for this machine, for example in a [os=…] section' });
  }
  if (entry.sha256 === null) {
    throw new ToolError('TOOL_LOCK_MISSING', `${lockPath}: ${tool.id} ${locked.version} on ${key} has no SHA-256 (the release publishes none)`, { hint: `Run \`${fix} --download-missing\` to download and hash it once, and commit the lock` });
  }
  return entry;
}

export function lockedPlan(ctx: AppContext, tool: ToolIdentity, locked: LockedTool, lockPath: string, fix: string): InstallPlan {
  const entry = lockedAsset(ctx, tool, locked, lockPath, fix);
  assertReleaseUrl(ctx, tool, locked, entry, lockPath);
  const asset: Asset = { id: 0, name: entry.name, size: entry.size, digest: `sha256:${entry.sha256}`, browser_download_url: entry.url, url: entry.url };
  const release: Release = { id: 0, tag_name: locked.tag, name: null, draft: false, prerelease: false, published_at: null, assets: [asset] };
  const recorded = entry.attestation === undefined ? undefined : parseAttestationToken(entry.attestation);
  return {
    tool,
    release,
    version: locked.version,
    asset,
    assetReason: `locked in ${lockPath}`,
    attestation: { ...(recorded ?? { status: 'unchecked' }), from: lockPath },
    expected: {
      hex: entry.sha256!,
      verification: { method: 'lock', source: `${lockPath} (${entry.hashSource})` },
      ofBinary: false,
      mismatch: `${lockPath} and the download disagree: the asset changed upstream, or the lock was edited. Nothing was installed; if the new bytes are trusted, run \`${fix}\` to re-lock`,
    },
  };
}
