/**
 * `node dist/scripts/aqua-coverage.js [--registry path/to/registry.yaml]`:
 * how much of aqua's standard registry the evaluator in src/aqua/ resolves.
 *
 * For every package and each of linux/amd64, linux/arm64, darwin/amd64 and
 * darwin/arm64 it resolves one tag and counts asset / no-asset / unsupported,
 * for github_release packages (top-level type) and for all packages. Then it
 * lists every unsupported feature met (counted once per package) and why
 * linux/amd64 had no asset.
 *
 * The tag is src/aqua/sample-tag.ts's choice: "v99.0.0" (after the entry's
 * version_prefix) when the package's newest entry — its top level, or its
 * last version override when the top level is `version_constraint: "false"` —
 * accepts it, else "99.0.0", else a tag or version that entry's constraint
 * names. No network: asset names are what aqua would request, not checked
 * against real releases.
 */
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { aquaPackageName, resolveAquaAsset } from '../src/aqua/resolve.js';
import { sampleTag } from '../src/aqua/sample-tag.js';
import type { AquaArch, AquaOs, AquaPackage, AquaResult } from '../src/aqua/types.js';
import { parseRegistryYaml } from '../src/aqua/yaml-load.js';

/** dist/scripts/aqua-coverage.js → the package root. */
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const DEFAULT_REGISTRY = resolve(ROOT, '../shared/data/aqua-registry/registry.yaml');
export const PLATFORMS: [AquaOs, AquaArch][] = [['linux', 'amd64'], ['linux', 'arm64'], ['darwin', 'amd64'], ['darwin', 'arm64']];

type Kind = AquaResult['kind'];
type Counts = Record<Kind, number>;

export interface Coverage {
  packages: number;
  githubRelease: number;
  /** "linux/amd64" → counts, over github_release packages and over all packages. */
  release: Record<string, Counts>;
  all: Record<string, Counts>;
  /** "field: reason" → the packages that met it. */
  unsupported: Map<string, string[]>;
  /** Why linux/amd64 had no asset, by kind of reason. */
  noAssetLinux: Map<string, number>;
}

function reasonKey(result: Extract<AquaResult, { kind: 'unsupported' }>): string {
  const reason = result.reason.replace(/^[^:]+: /, '').replace(/ \((?:[^()]|\([^()]*\))*\)/g, '');
  return `${result.field}: ${reason}`;
}

function noAssetKey(reason: string): string {
  if (reason.includes(' supports only ')) return 'supported_envs excludes linux/amd64';
  if (reason.includes('(no_asset in ')) return 'no_asset: true';
  if (reason.includes('(error_message in ')) return 'error_message';
  if (reason.includes('declares no asset')) return 'no asset declared for the tag';
  if (reason.includes('cannot render')) return 'template fails for the tag';
  return 'other';
}

function emptyCounts(): Counts {
  return { asset: 0, 'no-asset': 0, unsupported: 0 };
}

function add<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key) ?? [];
  if (!list.includes(value)) list.push(value);
  map.set(key, list);
}

/** Resolves every package on every platform; pure apart from the work. */
export function measureCoverage(packages: AquaPackage[]): Coverage {
  const coverage: Coverage = {
    packages: packages.length,
    githubRelease: packages.filter((pkg) => pkg.type === 'github_release').length,
    release: {}, all: {}, unsupported: new Map(), noAssetLinux: new Map(),
  };
  for (const pkg of packages) {
    const tag = sampleTag(pkg);
    for (const [os, arch] of PLATFORMS) {
      const env = `${os}/${arch}`;
      const result = resolveAquaAsset(pkg, { tag, os, arch });
      (coverage.all[env] ??= emptyCounts())[result.kind]++;
      if (pkg.type === 'github_release') (coverage.release[env] ??= emptyCounts())[result.kind]++;
      if (result.kind === 'unsupported') add(coverage.unsupported, reasonKey(result), aquaPackageName(pkg));
      if (result.kind === 'no-asset' && env === 'linux/amd64' && pkg.type === 'github_release') {
        const key = noAssetKey(result.reason);
        coverage.noAssetLinux.set(key, (coverage.noAssetLinux.get(key) ?? 0) + 1);
      }
    }
  }
  return coverage;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '-' : `${((100 * part) / whole).toFixed(1)}%`;
}

function table(title: string, rows: Record<string, Counts>, total: number): string[] {
  const lines = [title, `  ${'platform'.padEnd(13)}${'asset'.padStart(14)}${'no-asset'.padStart(10)}${'unsupported'.padStart(13)}`];
  for (const [os, arch] of PLATFORMS) {
    const counts = rows[`${os}/${arch}`] ?? emptyCounts();
    const asset = `${counts.asset} (${percent(counts.asset, total)})`;
    lines.push(`  ${`${os}/${arch}`.padEnd(13)}${asset.padStart(14)}${String(counts['no-asset']).padStart(10)}${String(counts.unsupported).padStart(13)}`);
  }
  return lines;
}

export function formatCoverage(coverage: Coverage, source: string): string {
  const lines = [`aqua registry ${source}: ${coverage.packages} packages, ${coverage.githubRelease} of type github_release`, ''];
  lines.push(...table(`github_release packages (${coverage.githubRelease}), one sample tag each:`, coverage.release, coverage.githubRelease), '');
  lines.push(...table(`all packages (${coverage.packages}):`, coverage.all, coverage.packages), '');
  lines.push('unsupported features met (packages, any platform):');
  const features = [...coverage.unsupported.entries()].sort((a, b) => b[1].length - a[1].length || a[0].localeCompare(b[0]));
  for (const [feature, pkgs] of features) {
    const sample = pkgs.slice(0, 3).join(', ') + (pkgs.length > 3 ? ', …' : '');
    lines.push(`  ${String(pkgs.length).padStart(5)}  ${feature}  [${sample}]`);
  }
  lines.push('', 'why github_release packages had no asset on linux/amd64:');
  for (const [reason, count] of [...coverage.noAssetLinux.entries()].sort((a, b) => b[1] - a[1])) {
    lines.push(`  ${String(count).padStart(5)}  ${reason}`);
  }
  return lines.join('\n');
}

export function main(args: string[]): number {
  const at = args.indexOf('--registry');
  const path = at >= 0 && args[at + 1] ? resolve(args[at + 1]!) : DEFAULT_REGISTRY;
  if (!existsSync(path)) {
    console.error(`aqua-coverage: ${path} does not exist; pass --registry path/to/registry.yaml`);
    return 1;
  }
  const packages = parseRegistryYaml(readFileSync(path, 'utf8'), path);
  console.log(formatCoverage(measureCoverage(packages), path));
  return 0;
}

const invokedDirectly = process.argv[1] !== undefined && existsSync(process.argv[1]) && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href;
if (invokedDirectly) process.exitCode = main(process.argv.slice(2));
