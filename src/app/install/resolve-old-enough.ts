/**
 * resolveRelease with the release cooldown: what `tool` chooses by itself
 * (`latest`, a prefix or range) must be at least the tool's minimum release
 * age (env/min-release-age.ts says where that comes from). An exact version,
 * or no cooldown, goes straight to resolveRelease, with no extra request.
 */
import { ToolError } from '../../core/errors.js';
import { chooseOldEnough, cooldownApplies, heldBackText, type DatedVersion, type HeldBack, type ReleaseAgePolicy } from '../../core/release-age.js';
import type { VersionSpec } from '../../core/spec.js';
import { minReleaseAgeFor } from '../../env/min-release-age.js';
import type { GitHubClient, Release } from '../../github/types.js';
import type { AppContext } from '../context.js';
import type { ToolIdentity } from '../select/identify.js';
import { resolveRelease, usable, versionOf, type ResolvedRelease } from './resolve-release.js';

export interface AgedLookup {
  /** The release chosen; undefined when every matching release is too young. */
  resolved: ResolvedRelease | undefined;
  policy: ReleaseAgePolicy | undefined;
  /** When nothing is old enough: the matching release that becomes eligible first. */
  soonest?: HeldBack;
}

/** The cooldown that applies to a tool in this run; undefined when none is set. */
export function releaseAgePolicy(ctx: AppContext, tool: Pick<ToolIdentity, 'id' | 'repo' | 'aliases'>): ReleaseAgePolicy | undefined {
  return ctx.minReleaseAge ?? minReleaseAgeFor(ctx.settings, [tool.id, tool.repo, ...tool.aliases]);
}

/** Each version once, with its release (the newest listed wins, as in resolveRelease). */
function byVersion(tool: ToolIdentity, releases: readonly Release[], spec: VersionSpec): Map<string, Release> {
  const found = new Map<string, Release>();
  for (const release of releases) {
    const version = versionOf(tool, release);
    if (version && usable(release, spec) && !found.has(version)) found.set(version, release);
  }
  return found;
}

function choose(ctx: AppContext, tool: ToolIdentity, releases: readonly Release[], spec: VersionSpec, policy: ReleaseAgePolicy): AgedLookup {
  const candidates = byVersion(tool, releases, spec);
  const dated: DatedVersion[] = [...candidates].map(([version, release]) => ({ version, publishedAt: release.published_at }));
  const choice = chooseOldEnough(spec, dated, ctx.now(), policy);
  if (choice.version === undefined) return { resolved: undefined, policy, ...(choice.soonest ? { soonest: choice.soonest } : {}) };
  const resolved = { release: candidates.get(choice.version)!, version: choice.version, ...(choice.heldBack ? { heldBack: choice.heldBack } : {}) };
  return { resolved, policy };
}

/**
 * The release the spec picks among those old enough. `latest` reads the newest
 * 100 releases first (one request, as resolveRelease does) and the whole list
 * only when none of those is old enough. Throws as resolveRelease does when no
 * release matches at all.
 */
export async function lookUpOldEnough(ctx: AppContext, github: GitHubClient, tool: ToolIdentity, spec: VersionSpec): Promise<AgedLookup> {
  const policy = releaseAgePolicy(ctx, tool);
  if (!cooldownApplies(spec, policy)) return { resolved: await resolveRelease(github, tool, spec), policy };
  let lookup = spec.kind === 'latest' ? choose(ctx, tool, await github.listReleases(tool.repo, 1), spec, policy) : undefined;
  if (lookup?.resolved === undefined) lookup = choose(ctx, tool, await github.listReleases(tool.repo), spec, policy);
  if (lookup.resolved === undefined && lookup.soonest === undefined) return { resolved: await resolveRelease(github, tool, spec), policy };
  return lookup;
}

export function tooYoungError(ctx: AppContext, tool: ToolIdentity, spec: VersionSpec, lookup: AgedLookup): ToolError {
  const held = heldBackText(tool.id, lookup.soonest!, ctx.now(), lookup.policy!);
  return new ToolError('TOOL_RELEASE_TOO_NEW', `no release of ${tool.id} matching "${spec.text}" is old enough: ${held}`, {
    hint: `Wait until then, ask for an exact version (${tool.id}@${lookup.soonest!.version}) to take it now, or lower min-release-age (--min-age 0 for one command)`,
  });
}

/** lookUpOldEnough, failing in one line (exit 3) when every matching release is too young. */
export async function resolveOldEnough(ctx: AppContext, github: GitHubClient, tool: ToolIdentity, spec: VersionSpec): Promise<ResolvedRelease> {
  const lookup = await lookUpOldEnough(ctx, github, tool, spec);
  if (lookup.resolved) return lookup.resolved;
  throw tooYoungError(ctx, tool, spec, lookup);
}

/** "note: ripgrep 14.2.0 is 3 h old; eligible in 21 h (…); using 14.1.1", or undefined when nothing was held back. */
export function heldBackNote(ctx: AppContext, tool: ToolIdentity, resolved: ResolvedRelease): string | undefined {
  const policy = releaseAgePolicy(ctx, tool);
  if (!resolved.heldBack || !policy) return undefined;
  return `note: ${heldBackText(tool.id, resolved.heldBack, ctx.now(), policy)}; using ${resolved.version}`;
}
