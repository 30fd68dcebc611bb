/**
 * Finding a package in the aqua index by what a user types: a full name or
 * alias ("cli/cli", "kubernetes/kubectl"), a repository ("BurntSushi/ripgrep"),
 * a short name ("ripgrep") or an executable ("rg"). Names compare case-
 * insensitively; executables exactly first, then case-insensitively. A short
 * name or executable shared by several packages yields their names instead of
 * a guess.
 */
import type { AquaIndex } from './index-build.js';
import type { AquaPackage } from './types.js';

export type AquaLookup =
  | { kind: 'found'; name: string; pkg: AquaPackage; via: 'name' | 'alias' | 'repo' | 'short-name' | 'executable' }
  | { kind: 'ambiguous'; query: string; candidates: string[] }
  | { kind: 'missing'; query: string };

function get<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

function fromList(index: AquaIndex, query: string, names: string[] | undefined, via: 'repo' | 'executable'): AquaLookup | undefined {
  if (!names || names.length === 0) return undefined;
  if (names.length > 1) return { kind: 'ambiguous', query, candidates: [...names].sort() };
  const name = names[0]!;
  return { kind: 'found', name, pkg: index.packages[name]!, via };
}

function executables(index: AquaIndex, query: string): string[] | undefined {
  const exact = get(index.byExecutable, query);
  if (exact) return exact;
  const lower = query.toLowerCase();
  const matches = Object.keys(index.byExecutable).filter((exe) => exe.toLowerCase() === lower);
  return matches.length === 0 ? undefined : [...new Set(matches.flatMap((exe) => index.byExecutable[exe]!))];
}

/** The package `query` names, the candidates when it names several, or missing. */
export function lookupAqua(index: AquaIndex, query: string): AquaLookup {
  const key = query.trim().toLowerCase();
  const full = get(index.byName, key);
  if (full) return { kind: 'found', name: full, pkg: index.packages[full]!, via: full.toLowerCase() === key ? 'name' : 'alias' };
  const byRepo = fromList(index, query, get(index.byRepo, key), 'repo');
  if (byRepo) return byRepo;
  const short = get(index.byShortName, key);
  if (short) return { kind: 'found', name: short, pkg: index.packages[short]!, via: 'short-name' };
  const ambiguous = get(index.ambiguousShortNames, key);
  if (ambiguous) return { kind: 'ambiguous', query, candidates: [...ambiguous].sort() };
  return fromList(index, query, executables(index, query.trim()), 'executable') ?? { kind: 'missing', query };
}
