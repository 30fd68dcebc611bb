/**
 * Finding an asset's expected SHA-256: GitHub's `digest` field first, then a
 * checksum file published in the same release. Pure: parsing and choosing only.
 * Formats seen in real releases: "<hex>  name", "<hex> *name", "./name",
 * BSD "SHA256 (name) = <hex>", a bare hash in "<asset>.sha256", PGP-clearsigned
 * sums (rclone) and multi-hash lines (yq), where SHA-256 is the first 64-hex field.
 */

export interface NamedAsset {
  name: string;
  digest?: string | null;
}

export type ExpectedHash =
  | { kind: 'digest'; hex: string }
  | { kind: 'file'; file: NamedAsset; candidates: NamedAsset[] }
  | { kind: 'none' };

import { stripArchiveSuffix } from '../archive/kind.js';

const HEX64 = /^[0-9a-fA-F]{64}$/;

function cleanName(token: string): string {
  return token.replace(/^\*/, '').replace(/^\.\//, '').replace(/^.*\//, '');
}

/** The SHA-256 for `assetName` in a checksum file's text, or undefined. */
export function findHashInChecksumFile(text: string, assetName: string, isSingleAssetFile: boolean): string | undefined {
  const lines = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  for (const line of lines) {
    const bsd = /^SHA256 ?\((.+)\) ?= ?([0-9a-fA-F]{64})$/.exec(line);
    if (bsd && cleanName(bsd[1]!) === assetName) return bsd[2]!.toLowerCase();
    const tokens = line.split(/\s+/);
    const hash = tokens.find((token) => HEX64.test(token));
    if (!hash) continue;
    const names = tokens.filter((token) => token !== hash).map(cleanName);
    if (names.includes(assetName)) return hash.toLowerCase();
    // "<asset>.sha256" often holds just the hash, or the hash and a path we cannot match.
    if (isSingleAssetFile && lines.length === 1) return hash.toLowerCase();
  }
  return undefined;
}

const COMMON_SUM_FILES = [/^sha256sums?(\.txt)?$/i, /^sha2-256sums$/i, /checksums?\.txt$/i, /^checksums?$/i, /sha256sums?(\.txt)?$/i, /_checksums_sha256\.txt$/i];

export interface TemplateValues {
  version: string;
  tag?: string;
  repoName: string;
}

/** The checksum file a registry template names for one asset: {asset}, {stem} (asset name without its archive suffix), {version}, {tag}, {repo}. */
export function checksumFileFor(template: string, assetName: string, values: TemplateValues): string {
  return template
    .replaceAll('{asset}', assetName)
    .replaceAll('{stem}', stripArchiveSuffix(assetName))
    .replaceAll('{version}', values.version)
    .replaceAll('{tag}', values.tag ?? values.version)
    .replaceAll('{repo}', values.repoName);
}

/**
 * Where the expected hash comes from. `template` is the registry's checksum file
 * name ("SHA2-256SUMS", "{asset}.sha256"); without one, common names are tried.
 */
export function expectedHashSource(
  assets: readonly NamedAsset[],
  asset: NamedAsset,
  options: TemplateValues & { template?: string },
): ExpectedHash {
  const digest = asset.digest?.match(/^sha256:([0-9a-fA-F]{64})$/)?.[1];
  if (digest) return { kind: 'digest', hex: digest.toLowerCase() };
  const byName = (name: string) => assets.find((candidate) => candidate.name === name);
  const candidates: NamedAsset[] = [];
  const add = (found: NamedAsset | undefined) => {
    if (found && !candidates.includes(found)) candidates.push(found);
  };
  if (options.template) add(byName(checksumFileFor(options.template, asset.name, options)));
  for (const suffix of ['.sha256', '.sha256sum', '.sha256.txt']) add(byName(`${asset.name}${suffix}`));
  for (const pattern of COMMON_SUM_FILES) for (const candidate of assets) if (pattern.test(candidate.name)) add(candidate);
  const [file] = candidates;
  return file ? { kind: 'file', file, candidates } : { kind: 'none' };
}

/** "<asset>.sha256" or "<asset stem>.sha256sum": a file about this one asset, often just a bare hash. */
export function isPerAssetSumFile(sumFile: string, assetName: string): boolean {
  return sumFile.startsWith(`${assetName}.`) || sumFile.startsWith(`${stripArchiveSuffix(assetName)}.`);
}
