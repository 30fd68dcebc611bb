/**
 * `node dist/scripts/heuristic-vs-aqua.js [--registry <registry.yaml>] [--show N]`:
 * how often the name heuristic (src/assets/select.ts) picks what the aqua
 * registry says, on releases it has never seen.
 *
 * For every github_release package of the registry, at a tag that selects its
 * newest entry (src/aqua/sample-tag.ts), the script renders the assets aqua
 * would download for linux and darwin × amd64 and arm64, plus windows/amd64
 * as a distractor, and the checksum files they name. That synthetic release
 * goes to selectAsset for each of the four Unix cells; a cell agrees when both
 * pick the same asset or both find none. Packages aqua cannot evaluate
 * (unsupported fields, non-github types) or that render no asset are skipped
 * and counted. Real releases carry more noise than these lists (packages,
 * signatures, other programs), so agreement here is an upper bound for names
 * and a lower bound for nothing: it measures the vocabulary, not the ranking.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { selectAsset } from '../src/assets/select.js';
import { resolveAquaAsset } from '../src/aqua/resolve.js';
import { sampleTag } from '../src/aqua/sample-tag.js';
import type { AquaArch, AquaOs, AquaPackage, AquaResult } from '../src/aqua/types.js';
import { parseRegistryYaml } from '../src/aqua/yaml-load.js';
import { isToolError } from '../src/core/errors.js';
import type { Platform } from '../src/core/platform.js';

/** dist/scripts/heuristic-vs-aqua.js → the package root; shared/ sits beside it. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const DEFAULT_REGISTRY = join(ROOT, '..', 'shared', 'data', 'aqua-registry', 'registry.yaml');

interface Cell {
  os: AquaOs;
  arch: AquaArch;
  platform: Platform;
}

const unixCells: readonly Cell[] = [
  { os: 'linux', arch: 'amd64', platform: { os: 'linux', arch: 'x64', libc: 'gnu' } },
  { os: 'linux', arch: 'arm64', platform: { os: 'linux', arch: 'arm64', libc: 'gnu' } },
  { os: 'darwin', arch: 'amd64', platform: { os: 'darwin', arch: 'x64' } },
  { os: 'darwin', arch: 'arm64', platform: { os: 'darwin', arch: 'arm64' } },
];
const distractor = { os: 'windows', arch: 'amd64' } as const;

export interface Disagreement {
  pkg: string;
  tag: string;
  cell: string;
  aqua: string | null;
  heuristic: string | null;
}

export interface Comparison {
  packages: number;
  skipped: number;
  cells: number;
  agreed: number;
  disagreements: Disagreement[];
}

/** What aqua installs for one package at one tag and platform, as an asset name or null. */
type Rendered = { ok: true; results: Map<string, AquaResult> } | { ok: false };

function render(pkg: AquaPackage, tag: string): Rendered {
  const results = new Map<string, AquaResult>();
  for (const { os, arch } of [...unixCells, distractor]) {
    const result = resolveAquaAsset(pkg, { tag, os, arch, libc: 'glibc' });
    if (result.kind === 'unsupported') return { ok: false };
    results.set(`${os}/${arch}`, result);
  }
  return { ok: true, results };
}

/** The synthetic release: every rendered asset and github_release checksum file, once each. */
function syntheticAssets(results: Map<string, AquaResult>): string[] {
  const names = new Set<string>();
  for (const result of results.values()) {
    if (result.kind !== 'asset') continue;
    names.add(result.asset);
    if (result.checksum?.type === 'github_release') names.add(result.checksum.asset);
  }
  return [...names];
}

function heuristicPick(assets: string[], platform: Platform, toolName: string): string | null {
  try {
    return selectAsset(assets.map((name) => ({ name })), platform, { toolName }).asset.name;
  } catch (error) {
    if (isToolError(error, 'TOOL_NO_MATCHING_ASSET')) return null;
    throw error;
  }
}

/** Compares the heuristic with aqua on every github_release package of `packages`. */
export function compare(packages: readonly AquaPackage[]): Comparison {
  const out: Comparison = { packages: 0, skipped: 0, cells: 0, agreed: 0, disagreements: [] };
  for (const pkg of packages) {
    if (pkg.type !== 'github_release' || !pkg.repo_owner || !pkg.repo_name) continue;
    out.packages++;
    const tag = sampleTag(pkg);
    const rendered = render(pkg, tag);
    const assets = rendered.ok ? syntheticAssets(rendered.results) : [];
    if (!rendered.ok || assets.length === 0) {
      out.skipped++;
      continue;
    }
    for (const { os, arch, platform } of unixCells) {
      const result = rendered.results.get(`${os}/${arch}`);
      const aqua = result?.kind === 'asset' ? result.asset : null;
      const heuristic = heuristicPick(assets, platform, pkg.repo_name);
      out.cells++;
      if (aqua === heuristic) out.agreed++;
      else out.disagreements.push({ pkg: pkg.name ?? `${pkg.repo_owner}/${pkg.repo_name}`, tag, cell: `${os}/${arch}`, aqua, heuristic });
    }
  }
  return out;
}

function argValue(args: string[], flag: string): string | undefined {
  const at = args.indexOf(flag);
  return at >= 0 ? args[at + 1] : undefined;
}

export function main(args: string[]): number {
  const path = argValue(args, '--registry') ?? DEFAULT_REGISTRY;
  const show = Number(argValue(args, '--show') ?? 30);
  const result = compare(parseRegistryYaml(readFileSync(path, 'utf8'), path));
  const percent = result.cells === 0 ? 0 : (100 * result.agreed) / result.cells;
  console.log(
    `heuristic vs aqua: ${result.agreed}/${result.cells} linux/darwin cells agree (${percent.toFixed(1)}%) ` +
      `over ${result.packages - result.skipped} github_release packages (${result.skipped} skipped: not evaluable or no asset)`,
  );
  const kinds = { 'heuristic found nothing': 0, 'aqua has no asset': 0, 'different asset': 0 };
  for (const d of result.disagreements) kinds[d.heuristic === null ? 'heuristic found nothing' : d.aqua === null ? 'aqua has no asset' : 'different asset']++;
  console.log(Object.entries(kinds).map(([kind, n]) => `${kind}: ${n}`).join('; '));
  for (const d of result.disagreements.slice(0, show)) {
    console.log(`  ${d.pkg} ${d.tag} ${d.cell}: aqua ${d.aqua ?? '(none)'}, heuristic ${d.heuristic ?? '(none)'}`);
  }
  return 0;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) process.exitCode = main(process.argv.slice(2));
