/**
 * Spec → the GitHub release that satisfies it. Exact versions are asked for by
 * tag (one request); prefixes and ranges walk the paginated release list.
 * Drafts are never used; prereleases only when the spec names one.
 */
import { ToolError } from '../../core/errors.js';
import type { HeldBack } from '../../core/release-age.js';
import { nearestVersions, pickVersion, type VersionSpec } from '../../core/spec.js';
import { normalizeVersion, versionFromTag } from '../../core/version.js';
import type { GitHubClient, Release } from '../../github/types.js';
import { tagPrefixOf, type ToolIdentity } from '../select/identify.js';

export interface ResolvedRelease {
  release: Release;
  version: string;
  /** A newer release the cooldown set aside (resolve-old-enough.ts). */
  heldBack?: HeldBack;
}

export function versionOf(tool: ToolIdentity, release: Release): string | undefined {
  return versionFromTag(release.tag_name, tagPrefixOf(tool));
}

export function usable(release: Release, spec: VersionSpec): boolean {
  if (release.draft) return false;
  return !release.prerelease || (spec.kind === 'version' && spec.version.pre !== undefined);
}

function candidateTags(tool: ToolIdentity, spec: VersionSpec): string[] {
  if (spec.kind !== 'version' || spec.version.parts.length < 3) return [];
  const bare = normalizeVersion(spec.text);
  const prefix = tagPrefixOf(tool);
  return prefix ? [`${prefix}${bare}`] : [...new Set([`v${bare}`, bare, spec.text])];
}

async function byTag(github: GitHubClient, tool: ToolIdentity, spec: VersionSpec): Promise<ResolvedRelease | undefined> {
  for (const tag of candidateTags(tool, spec)) {
    const release = await github.releaseByTag(tool.repo, tag);
    const version = release && versionOf(tool, release);
    if (release && version && usable(release, spec)) return { release, version };
  }
  return undefined;
}

/**
 * The highest version among the newest 100 releases: one request, like
 * /releases/latest, but GitHub's "latest" is the newest by date, so a backport
 * published after a major release would win there. It also skips other
 * components of a monorepo (tags without this tool's prefix).
 */
async function latest(github: GitHubClient, tool: ToolIdentity, spec: VersionSpec): Promise<ResolvedRelease | undefined> {
  return highest(await github.listReleases(tool.repo, 1), tool, spec);
}

function highest(releases: readonly Release[], tool: ToolIdentity, spec: VersionSpec): ResolvedRelease | undefined {
  const byVersion = new Map<string, Release>();
  for (const release of releases) {
    const version = versionOf(tool, release);
    if (version && usable(release, spec) && !byVersion.has(version)) byVersion.set(version, release);
  }
  const version = pickVersion(spec, byVersion.keys());
  return version ? { release: byVersion.get(version)!, version } : undefined;
}

export async function resolveRelease(github: GitHubClient, tool: ToolIdentity, spec: VersionSpec): Promise<ResolvedRelease> {
  const direct = spec.kind === 'latest' ? await latest(github, tool, spec) : await byTag(github, tool, spec);
  if (direct) return direct;
  const releases = await github.listReleases(tool.repo);
  const found = highest(releases, tool, spec);
  if (found) return found;
  if (releases.length === 0) {
    throw new ToolError('TOOL_NO_MATCHING_VERSION', `${tool.repo} has no releases on GitHub`, {
      hint: 'tool installs from GitHub releases; this project publishes none',
    });
  }
  const versions = releases.flatMap((release) => (usable(release, spec) ? [versionOf(tool, release)] : [])).filter((v): v is string => v !== undefined);
  const near = nearestVersions(spec, versions);
  throw new ToolError('TOOL_NO_MATCHING_VERSION', `no release of ${tool.repo} matches "${spec.text}"`, {
    hint: near.length ? `Nearest versions: ${near.join(', ')}` : 'It publishes no versioned releases',
  });
}
