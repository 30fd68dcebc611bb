/**
 * Checks a downloaded asset's SHA-256 against what the release publishes.
 * The expected hash is looked up before the download so a mismatch is known
 * the moment the last byte arrives.
 */
import { ToolError } from '../../core/errors.js';
import type { Asset, GitHubClient, Release } from '../../github/types.js';
import type { Verification } from '../../store/manifest.js';
import { expectedHashSource, findHashInChecksumFile, isPerAssetSumFile, type ExpectedHash } from '../../verify/checksum-file.js';
import type { ToolIdentity } from '../select/identify.js';

export interface Expected {
  hex: string | undefined;
  verification: Verification;
  /** The hash is of the executable inside the archive (registry `checksum.ofBinary`), not of the asset. */
  ofBinary: boolean;
  /** What to tell the user when the bytes differ, when not the default (a lock says how to re-lock). */
  mismatch?: string;
}

/** Where the release says this asset's hash is: digest, a checksum file, or nowhere. */
export function checksumSource(tool: ToolIdentity, release: Release, asset: Asset, version: string): ExpectedHash {
  return expectedHashSource(release.assets, asset, {
    ...(tool.entry?.checksum?.file ? { template: tool.entry.checksum.file } : {}),
    version,
    tag: release.tag_name,
    repoName: tool.repo.split('/')[1]!,
  });
}

export async function expectedHash(github: GitHubClient, tool: ToolIdentity, release: Release, asset: Asset, version: string): Promise<Expected> {
  const source = checksumSource(tool, release, asset, version);
  if (source.kind === 'digest') return { hex: source.hex, verification: { method: 'digest', source: 'GitHub asset digest' }, ofBinary: false };
  if (source.kind === 'none') return { hex: undefined, verification: { method: 'none' }, ofBinary: false };
  const ofBinary = Boolean(tool.entry?.checksum?.ofBinary);
  // A checksum of the executable names the executable, not the archive.
  const wanted = ofBinary ? (tool.entry?.bins[0]?.name ?? asset.name) : asset.name;
  for (const candidate of source.candidates) {
    const file = release.assets.find((item) => item.name === candidate.name)!;
    const text = await github.fetchText(file);
    const hex = findHashInChecksumFile(text, wanted, isPerAssetSumFile(file.name, asset.name));
    if (hex) return { hex, verification: { method: 'checksum-file', source: ofBinary ? `${file.name} (of the executable)` : file.name }, ofBinary };
  }
  return { hex: undefined, verification: { method: 'none' }, ofBinary: false };
}

export function assertHash(expected: Expected, actual: string, asset: Asset, tool: ToolIdentity, tag: string): void {
  if (expected.hex === undefined || expected.hex === actual) return;
  throw new ToolError(expected.verification.method === 'lock' ? 'TOOL_LOCK_MISMATCH' : 'TOOL_CHECKSUM_MISMATCH', `checksum mismatch for ${asset.name} of ${tool.repo} ${tag}: expected ${expected.hex} (${expected.verification.source}), got ${actual}`, {
    hint: expected.mismatch ?? 'Nothing was installed; the download may be corrupt or tampered with. Try again, and report it upstream if it persists',
  });
}
