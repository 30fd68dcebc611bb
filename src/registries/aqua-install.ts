/**
 * Installing by an aqua package's rules: its resolution for a release and a
 * platform becomes the asset choice and an effective registry entry (where the
 * executables sit, the archive format, the checksum file), so the rest of the
 * install pipeline runs unchanged.
 */
import { ToolError } from '../core/errors.js';
import type { Platform } from '../core/platform.js';
import { archiveKindOf, type ArchiveKind } from '../archive/kind.js';
import type { AssetChoice } from '../assets/select.js';
import type { Asset, Release } from '../github/types.js';
import type { RegistryEntry } from '../registry/types.js';
import { resolveAquaAsset } from '../aqua/resolve.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { findIn } from './lookup.js';
import { registrySourceName } from './sources.js';

const KINDS: Record<string, ArchiveKind> = { raw: 'raw', 'tar.gz': 'tar.gz', tgz: 'tar.gz', 'tar.xz': 'tar.xz', txz: 'tar.xz', 'tar.bz2': 'tar.bz2', tbz: 'tar.bz2', 'tar.zst': 'tar.zst', tar: 'tar', zip: 'zip', gz: 'gz', xz: 'xz', bz2: 'bz2', zst: 'zst' };

/** A state-only identity names its package; load the definition before planning. */
export async function withAquaPackage(ctx: AppContext, tool: ToolIdentity): Promise<ToolIdentity> {
  if (!tool.aqua || tool.aqua.pkg || tool.entry) return tool;
  const source = ctx.settings.registries.find((item) => item.kind !== 'builtin' && registrySourceName(item).split('@')[0] === tool.aqua!.source.split('@')[0]);
  const found = source && (await findIn(ctx, source, tool.aqua.name));
  if (!found || found.entry.name !== tool.aqua.name) {
    throw new ToolError('TOOL_BAD_REGISTRY', `${tool.id} was added from the ${tool.aqua.source} registry, which no longer has ${tool.aqua.name} (or TOOL_REGISTRIES leaves it out)`, {
      hint: `Add it again with \`tool add ${tool.repo}\` (the heuristic then chooses assets), or restore TOOL_REGISTRIES`,
    });
  }
  return { ...tool, aqua: { ...tool.aqua, pkg: found.pkg, ref: found.ref } };
}

function aquaPlatform(platform: Platform): { os: 'linux' | 'darwin' | 'windows'; arch: 'amd64' | 'arm64' } {
  return { os: platform.os, arch: platform.arch === 'x64' ? 'amd64' : 'arm64' };
}

/** The resolution for this release and platform, or one line naming the package, the field and the candidates. */
function resolved(tool: ToolIdentity, release: Release, platform: Platform) {
  const result = resolveAquaAsset(tool.aqua!.pkg!, { tag: release.tag_name, ...aquaPlatform(platform) });
  const where = `${tool.aqua!.name} in the ${tool.aqua!.source} registry`;
  if (result.kind === 'unsupported') throw new ToolError('TOOL_BAD_REGISTRY', `${where}: ${result.field} is not supported yet (${result.reason})`, { hint: `Install it by owner/repo with an asset glob: \`tool add ${tool.repo} --asset '<glob>'\`` });
  if (result.kind === 'no-asset') throw new ToolError('TOOL_NO_MATCHING_ASSET', `${where} has no asset for ${platform.os}-${platform.arch} in ${release.tag_name}: ${result.reason}`, { hint: 'Pick another version, or another platform with TOOL_OS/TOOL_ARCH' });
  return result;
}

export function aquaAssetChoice(tool: ToolIdentity, release: Release, platform: Platform): AssetChoice<Asset> {
  const result = resolved(tool, release, platform);
  const asset = release.assets.find((item) => item.name === result.asset);
  if (!asset) {
    const candidates = release.assets.map((item) => item.name).slice(0, 12).join(', ');
    throw new ToolError('TOOL_NO_MATCHING_ASSET', `${tool.aqua!.name} (${tool.aqua!.source} registry) names the asset ${result.asset} for ${platform.os}-${platform.arch}, which ${release.tag_name} does not have (it has: ${candidates || 'no assets'})`, {
      hint: `Choose one with \`tool add ${tool.repo} --asset '<glob>'\`, or report it to aquaproj/aqua-registry`,
    });
  }
  const rosetta = result.rosetta2;
  return { asset, reason: `aqua registry rule of ${tool.aqua!.name}${rosetta ? ' (x64 under Rosetta 2)' : ''}`, rosetta, runnersUp: [] };
}

/** The entry the install pipeline reads: executables and their paths, the format, the checksum file. */
export function aquaEntry(tool: ToolIdentity, release: Release, platform: Platform): RegistryEntry {
  const result = resolved(tool, release, platform);
  const pkg = tool.aqua!.pkg!;
  const checksum = result.checksum && /^sha256$/i.test(result.checksum.algorithm) ? { file: result.checksum.asset } : undefined;
  return {
    name: tool.id,
    repo: tool.repo,
    description: pkg.description ?? '',
    bins: result.files.map((file) => ({ name: file.name, path: file.src })),
    format: KINDS[result.format] ?? archiveKindOf(result.asset),
    versionOrder: 'semver',
    ...(result.versionPrefix ? { tagPrefix: result.versionPrefix } : {}),
    ...(checksum ? { checksum } : {}),
    ...(result.signerWorkflow ? { attestations: { signerWorkflow: result.signerWorkflow } } : {}),
  };
}
