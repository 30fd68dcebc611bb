/**
 * The compact form of a registry in aqua's format that lookups read: one line
 * per package (its names, repository, executables, description), built once
 * per refresh, so a name lookup parses about 300 kB of JSON instead of 3 MB of
 * YAML. The full package definitions sit in one small file each.
 */
import { aquaPackageName, executableNames } from '../aqua/package-name.js';
import type { AquaPackage } from '../aqua/types.js';

export interface CatalogEntry {
  /** aqua's package name: `name`, else owner/repo. */
  name: string;
  /** owner/repo on GitHub, when the package is a GitHub one. */
  repo: string | undefined;
  type: string;
  description: string;
  aliases: string[];
  exes: string[];
  /** File under packages/ holding the full definition. */
  file: string;
}

export interface Catalog {
  catalogVersion: 1;
  /** What was indexed: "aqua@v4.300.0", a file path or URL. */
  source: string;
  /** The ref or file identity it came from, and the git blob id or SHA-256 of the text. */
  ref: string;
  sha: string;
  fetchedAt: string;
  entries: CatalogEntry[];
}


function repoOf(pkg: AquaPackage): string | undefined {
  return pkg.repo_owner && pkg.repo_name ? `${pkg.repo_owner}/${pkg.repo_name}` : undefined;
}


export function catalogEntry(pkg: AquaPackage, index: number): CatalogEntry {
  return {
    name: aquaPackageName(pkg),
    repo: repoOf(pkg),
    type: pkg.type,
    description: (pkg.description ?? '').trim(),
    aliases: (pkg.aliases ?? []).map((alias) => alias.name).filter(Boolean),
    exes: executableNames(pkg),
    file: `${index}.json`,
  };
}

/** The keys a package answers to, each with how it matches, best first. */
export function lookupKeys(entry: CatalogEntry): [string, string][] {
  const keys: [string, string][] = [[entry.name, 'name']];
  if (entry.repo) keys.push([entry.repo, 'repository']);
  for (const alias of entry.aliases) keys.push([alias, 'alias']);
  // The last part of the name, as aqua's short names go: junegunn/fzf/fzf-tmux is "fzf-tmux", not "fzf".
  const short = entry.name.split('/').pop();
  if (short) keys.push([short, 'short name']);
  for (const exe of entry.exes) keys.push([exe, 'executable']);
  return keys;
}

/** Which lookup shard a key lives in: its first character, so a lookup parses a few kB, not the catalog. */
export function shardOf(key: string): string {
  return (key[0] ?? '_').toLowerCase().charCodeAt(0).toString(16);
}

/** shard → lowercase key → [entry index, how it matches][] */
export function buildShards(entries: readonly CatalogEntry[]): Map<string, Record<string, [number, string][]>> {
  const shards = new Map<string, Record<string, [number, string][]>>();
  entries.forEach((entry, index) => {
    for (const [key, by] of lookupKeys(entry)) {
      const lower = key.toLowerCase();
      const shard = shards.get(shardOf(lower)) ?? {};
      shards.set(shardOf(lower), shard);
      const list = (shard[lower] ??= []);
      if (!list.some(([i]) => i === index)) list.push([index, by]);
    }
  });
  return shards;
}

const MATCH_ORDER = ['name', 'repository', 'alias', 'short name', 'executable'];

/** From a shard's hits for the typed key: the best kind of match, and every package matching that way. */
export function bestMatches(hits: readonly [number, string][] | undefined, typed: string): [number, string][] {
  const usable = (hits ?? []).filter(([, by]) => !(typed.includes('/') && (by === 'short name' || by === 'executable')));
  for (const by of MATCH_ORDER) {
    const found = usable.filter(([, kind]) => kind === by);
    if (found.length > 0) return found;
  }
  return [];
}
