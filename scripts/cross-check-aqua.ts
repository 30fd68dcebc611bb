/**
 * `npm run cross-check-aqua`: two independent sources must agree. For every
 * tool in registry/ that aqua's standard registry also has, both choose an
 * asset for the release in test/fixtures/real-assets on linux and darwin,
 * x64 and arm64. Each disagreement must be fixed or explained in
 * registry/README.md ("Where registry/ and aqua disagree"); the unit test
 * test/unit/registry/aqua-cross-check.test.ts fails on an unexplained one.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolveAquaAsset } from '../src/aqua/resolve.js';
import type { AquaPackage } from '../src/aqua/types.js';
import { parseRegistryYaml } from '../src/aqua/yaml-load.js';
import { selectAsset } from '../src/assets/select.js';
import { loadRegistry } from '../src/registry/load.js';
import { fixtureRelease, loadFixtures, parsePlatformKey, ROOT } from './check-registry.js';

export const AQUA_REGISTRY_FILE = join(ROOT, '..', 'shared', 'data', 'aqua-registry', 'registry.yaml');
export const CELLS = ['linux-x64-gnu', 'linux-arm64-gnu', 'darwin-x64', 'darwin-arm64'] as const;

export interface Disagreement {
  tool: string;
  repo: string;
  cell: string;
  ours: string;
  aqua: string;
}

function pickOurs(assets: string[], cell: string, entry: ReturnType<ReturnType<typeof loadRegistry>['all']>[number], tag: string, version: string | undefined): string {
  try {
    const named = assets.map((name) => ({ name }));
    return selectAsset(named, parsePlatformKey(cell), { ...(entry.assets ? { rules: entry.assets } : {}), ...(version ? { version } : {}), tag, toolName: entry.name }).asset.name;
  } catch {
    return '(none)';
  }
}

function pickAqua(pkg: AquaPackage, assets: string[], cell: string, tag: string): string {
  const platform = parsePlatformKey(cell);
  const result = resolveAquaAsset(pkg, { tag, os: platform.os, arch: platform.arch === 'x64' ? 'amd64' : 'arm64' });
  if (result.kind !== 'asset') return `(${result.kind})`;
  return assets.includes(result.asset) ? result.asset : `(${result.asset}: not in the release)`;
}

/**
 * The disagreements registry/README.md explains, by class: registry/ matches
 * the machine's C library where aqua takes the static musl build everywhere;
 * lefthook's raw binary, so a self-update capture can be checked against it.
 */
export function explanation(d: Disagreement): string | undefined {
  if (d.ours.replace(/-gnu(?=[._])/, '-musl') === d.aqua) return 'C library';
  if (d.tool === 'lefthook' && `${d.ours}.gz` === d.aqua) return 'self-update verification';
  return undefined;
}

export function crossCheck(registryYaml: string): { compared: number; disagreements: Disagreement[] } {
  const byRepo = new Map<string, AquaPackage>();
  for (const pkg of parseRegistryYaml(registryYaml, AQUA_REGISTRY_FILE)) {
    if (pkg.type === 'github_release' && pkg.repo_owner && pkg.repo_name) byRepo.set(`${pkg.repo_owner}/${pkg.repo_name}`.toLowerCase(), pkg);
  }
  const fixtures = loadFixtures();
  const disagreements: Disagreement[] = [];
  let compared = 0;
  for (const entry of loadRegistry().all()) {
    const pkg = byRepo.get(entry.repo.toLowerCase());
    const fixture = fixtures.find((item) => item.repo.toLowerCase() === entry.repo.toLowerCase());
    if (!pkg || !fixture) continue;
    const { tag, version } = fixtureRelease(fixture, entry);
    for (const cell of CELLS) {
      compared++;
      const ours = pickOurs(fixture.assets, cell, entry, tag, version);
      const aqua = pickAqua(pkg, fixture.assets, cell, tag);
      // Neither choosing an asset is agreement, whatever each calls the reason.
      if (ours !== aqua && !(ours === '(none)' && aqua.startsWith('('))) disagreements.push({ tool: entry.name, repo: entry.repo, cell, ours, aqua });
    }
  }
  return { compared, disagreements };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { compared, disagreements } = crossCheck(readFileSync(AQUA_REGISTRY_FILE, 'utf8'));
  console.log(`registry/ vs aqua on the real-assets releases: ${compared - disagreements.length} of ${compared} cells agree`);
  for (const d of disagreements) console.log(`  ${d.tool} ${d.cell}: registry/ ${d.ours}, aqua ${d.aqua} — ${explanation(d) ? `explained (${explanation(d)}) in registry/README.md` : 'UNEXPLAINED'}`);
}
