/** `tool search` and `tool info`: what the registry knows, plus what is installed. Read-only, no network. */
import { attestationInfo, type AttestationInfo } from './attestation-info.js';
import { ToolError } from '../../core/errors.js';
import type { RegistryEntry } from '../../registry/types.js';
import { installedVersions } from '../../store/read.js';
import { globalVersion } from '../select/activate.js';
import { declaredSignatures } from '../../registries/aqua-ref.js';
import { withAquaPackage } from '../../registries/aqua-install.js';
import { catalogFor } from '../../registries/lookup.js';
import { rankOf } from '../../registries/search-rank.js';
import type { AppContext } from '../context.js';
import { identifyTool, type ToolIdentity } from '../select/identify.js';

export interface SearchHit {
  name: string;
  repo: string;
  description: string;
  bins: string[];
  /** Which registry knows it: "builtin", "aqua", … */
  registry: string;
}

/**
 * Every registry, ranked (see registries/search-rank.ts); a tool in registry/
 * hides the aqua entry for the same repository, as it does for installs.
 */
export async function searchRegistries(ctx: AppContext, query: string): Promise<SearchHit[]> {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const ranked: { hit: SearchHit; rank: number }[] = [];
  const seen = new Set<string>();
  for (const entry of ctx.registry.all()) {
    const rank = rankOf({ name: entry.name, short: entry.name, exes: entry.bins.map((b) => b.name), description: entry.description }, words);
    seen.add(entry.repo.toLowerCase());
    if (rank !== undefined) ranked.push({ rank, hit: { name: entry.name, repo: entry.repo, description: entry.description, bins: entry.bins.map((b) => b.name), registry: 'builtin' } });
  }
  for (const source of ctx.settings.registries) {
    if (source.kind === 'builtin') continue;
    const catalog = await catalogFor(ctx, source);
    for (const entry of catalog?.entries ?? []) {
      if (entry.type !== 'github_release' || !entry.repo || seen.has(entry.repo.toLowerCase())) continue;
      const rank = rankOf({ name: entry.name, short: entry.repo.split('/')[1]!, exes: entry.exes, description: entry.description }, words);
      seen.add(entry.repo.toLowerCase());
      if (rank !== undefined) ranked.push({ rank, hit: { name: entry.name, repo: entry.repo, description: entry.description, bins: entry.exes, registry: catalog!.source } });
    }
  }
  // Ties: tool's own registry first (it installs that one), then shorter names (closer to the query).
  const order = (item: { hit: SearchHit; rank: number }) => [item.rank, item.hit.registry === 'builtin' ? 0 : 1, item.hit.name.split('/').pop()!.length] as const;
  return ranked
    .sort((a, b) => {
      const [x, y] = [order(a), order(b)];
      return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.hit.name.localeCompare(b.hit.name);
    })
    .map((item) => item.hit);
}

export interface ToolInfo {
  name: string;
  repo: string;
  registry: RegistryEntry | undefined;
  added: boolean;
  installed: string[];
  global: string | undefined;
  follows: string | undefined;
  held: boolean;
  selfUpdate: boolean;
  /** Known from a registry in aqua's format: which, how the name matched, what its rules declare. */
  aqua?: { source: string; ref: string | undefined; name: string; by: string | undefined; asset: string | undefined; checksum: string | undefined; signatures: string[] };
  /** What is declared about GitHub artifact attestations, and what was verified per platform (attestation-info.ts). */
  attestations: AttestationInfo;
}

export async function toolInfo(ctx: AppContext, name: string): Promise<ToolInfo> {
  const tool = await identifyTool(ctx, name);
  if (!tool.entry && !tool.state && !tool.aqua) {
    throw new ToolError('TOOL_UNKNOWN_TOOL', `${name} is neither in the registry nor added`, { hint: `Try \`tool search ${name}\`` });
  }
  const installed = await installedVersions(ctx.layout, tool.id);
  const loaded = tool.aqua ? await withAquaPackage(ctx, tool) : tool;
  return {
    name: tool.id,
    repo: tool.repo,
    registry: tool.entry,
    added: Boolean(tool.state),
    installed,
    global: await globalVersion(ctx, tool),
    follows: tool.state?.follow,
    held: Boolean(tool.state?.held),
    selfUpdate: tool.state?.selfUpdate ?? Boolean(tool.entry?.selfUpdate),
    ...(tool.aqua ? { aqua: aquaInfo(loaded) } : {}),
    attestations: await attestationInfo(ctx, loaded, installed),
  };
}

function aquaInfo(tool: ToolIdentity): NonNullable<ToolInfo['aqua']> {
  const aqua = tool.aqua!;
  const pkg = aqua.pkg!;
  const latest = pkg.version_overrides?.at(-1);
  const checksum = (latest?.checksum ?? pkg.checksum) as { asset?: string; algorithm?: string } | undefined;
  return {
    source: aqua.source,
    ref: aqua.ref,
    name: aqua.name,
    by: aqua.by,
    asset: latest?.asset ?? pkg.asset,
    checksum: checksum?.asset ? `${checksum.asset} (${checksum.algorithm ?? 'sha256'})` : undefined,
    signatures: declaredSignatures(pkg),
  };
}
