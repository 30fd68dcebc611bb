/**
 * Chooses the release asset to install for a platform. Pure: the same assets,
 * platform and options always give the same choice, with no fs, env or network.
 *
 * Precedence: the user's --asset glob, then the registry rule for the most
 * specific platform key, then the name heuristic (score.ts). A rule that
 * matches nothing (older releases were named differently) falls back to the
 * heuristic and says so in the reason.
 */
import { ToolError } from '../core/errors.js';
import { formatPlatform, type Platform } from '../core/platform.js';
import { nonBinaryKind } from './non-binary.js';
import { findRule, globMatcher } from './rules.js';
import { compareRanks, fitAsset, type Fit } from './score.js';
import { toolWordsOf } from './tokens.js';
import { claimUnnamed } from './unnamed-os.js';

export interface AssetLike {
  name: string;
}

export interface AssetChoice<A extends AssetLike> {
  asset: A;
  reason: string;
  /** darwin-arm64 fell back to an x64 asset that runs under Rosetta 2. */
  rosetta: boolean;
  /** Next best candidates, best first, at most 5. */
  runnersUp: { asset: A; reason: string }[];
}

export interface SelectOptions {
  /** RegistryEntry.assets: platform key → asset name template. */
  rules?: Record<string, string>;
  /** Fills {version} in rules (a leading "v" is dropped). */
  version?: string;
  /** Fills {tag} in rules. */
  tag?: string;
  /** The user's --asset glob; overrides everything. `*` and `?` wildcards, any case. */
  glob?: string;
  /** Repo or tool name: its words do not count against an asset ("deno" over "denort"). */
  toolName?: string;
  /** How messages name the tool (registry name or owner/repo); default toolName. */
  toolId?: string;
}

interface Ranked<A> {
  asset: A;
  fit: Fit;
}

const maxRunnersUp = 5;

/**
 * Picks one asset of a release for `platform`, or throws TOOL_NO_MATCHING_ASSET
 * naming the candidates and how to choose one with --asset.
 */
export function selectAsset<A extends AssetLike>(
  assets: readonly A[],
  platform: Platform,
  options: SelectOptions = {},
): AssetChoice<A> {
  const toolWords = toolWordsOf(options.toolName);
  const ranked = rankAll(assets, platform, toolWords);
  if (options.glob !== undefined) {
    const matches = globMatcher(options.glob, { ignoreCase: true });
    const picked = ranked.filter((entry) => matches(entry.asset.name));
    if (picked.length === 0) throw noMatch(assets, platform, options, `--asset '${options.glob}' matches no asset`);
    return choose(picked, ranked, (entry) => `--asset '${options.glob}': ${describe(entry.fit)}`);
  }
  const rule = findRule(options.rules, platform, options);
  let fallbackNote = '';
  if (rule) {
    const matches = globMatcher(rule.pattern, { ignoreCase: false });
    const picked = ranked.filter((entry) => matches(entry.asset.name));
    if (picked.length > 0) return choose(picked, ranked, () => `registry rule ${rule.key}: ${rule.template}`);
    fallbackNote = `registry rule ${rule.key} (${rule.pattern}) matched no asset; `;
  }
  const fitting = ranked.filter((entry) => entry.fit.ok);
  if (fitting.length === 0) throw noMatch(assets, platform, options, fallbackNote.replace(/; $/, ''));
  return choose(fitting, ranked, (entry) => `${fallbackNote}${describe(entry.fit)}`);
}

/** All assets, best first: fitting ones by rank, then the rest; ties by name. */
function rankAll<A extends AssetLike>(
  assets: readonly A[],
  platform: Platform,
  toolWords: ReadonlySet<string>,
): Ranked<A>[] {
  const context = { toolWords, claims: claimUnnamed(assets.map((asset) => asset.name), toolWords) };
  const ranked = assets.map((asset) => ({ asset, fit: fitAsset(asset.name, platform, context) }));
  return ranked.sort((a, b) => {
    if (a.fit.ok !== b.fit.ok) return a.fit.ok ? -1 : 1;
    // Among assets a rule or glob picked, a program still beats its checksum.
    const aSkip = nonBinaryKind(a.asset.name, toolWords) ? 1 : 0;
    const bSkip = nonBinaryKind(b.asset.name, toolWords) ? 1 : 0;
    const byRank = a.fit.ok && b.fit.ok ? compareRanks(a.fit.rank, b.fit.rank) : aSkip - bSkip;
    if (byRank !== 0) return byRank;
    return a.asset.name < b.asset.name ? -1 : a.asset.name > b.asset.name ? 1 : 0;
  });
}

function describe(fit: Fit): string {
  return fit.ok ? fit.reason : `does not look like it fits (${fit.why})`;
}

function choose<A extends AssetLike>(
  picked: Ranked<A>[],
  ranked: Ranked<A>[],
  reasonOf: (entry: Ranked<A>) => string,
): AssetChoice<A> {
  const [best, ...others] = picked;
  if (!best) throw new Error('choose() needs at least one asset');
  const rest = [...others, ...ranked.filter((entry) => entry.fit.ok && !picked.includes(entry))];
  return {
    asset: best.asset,
    reason: reasonOf(best),
    rosetta: best.fit.ok && best.fit.rosetta,
    runnersUp: rest.slice(0, maxRunnersUp).map((entry) => ({ asset: entry.asset, reason: describe(entry.fit) })),
  };
}

const maxNamesInError = 12;

function noMatch(assets: readonly AssetLike[], platform: Platform, options: SelectOptions, why: string): ToolError {
  const tool = options.toolId ?? options.toolName ?? 'this tool';
  const toolWords = toolWordsOf(options.toolName);
  const names = assets.map((asset) => asset.name).filter((name) => nonBinaryKind(name, toolWords) === undefined);
  const sorted = [...names].sort();
  const shown = sorted.slice(0, maxNamesInError).join(', ');
  const more = sorted.length > maxNamesInError ? ` and ${sorted.length - maxNamesInError} more` : '';
  const list =
    sorted.length > 0 ? `candidates: ${shown}${more}` : 'the release has only checksums, signatures, packages or sources';
  const prefix = why ? `${why}; ` : '';
  return new ToolError(
    'TOOL_NO_MATCHING_ASSET',
    `${prefix}no release asset of ${tool} fits ${formatPlatform(platform)} (${list})`,
    { hint: `Choose one with \`tool add ${tool} --asset '<glob>'\` (* and ? are wildcards)` },
  );
}
