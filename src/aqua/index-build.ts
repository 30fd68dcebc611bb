/**
 * The aqua index: what a registry refresh writes (as JSON) so that later
 * lookups never parse YAML again. Keys of the lookup tables are lower case;
 * values are full package names, keys of `packages`.
 *
 * Full names follow aqua (`name`, else "owner/repo"); like aqua's
 * PackageInfos.ToMap, the first package with a name wins and later duplicates
 * are dropped. Aliases are full names too (aqua resolves them the same way).
 */
import { aquaPackageName, packageFiles } from './package-name.js';
import type { AquaFile, AquaPackage } from './types.js';

export { lookupAqua, type AquaLookup } from './index-lookup.js';

export interface AquaIndex {
  indexVersion: 1;
  packages: Record<string, AquaPackage>;
  /** Lower-cased full name or alias → full name. */
  byName: Record<string, string>;
  /** Lower-cased "owner/repo" → full names (several packages can share a repository). */
  byRepo: Record<string, string[]>;
  /** Lower-cased short name (last part of the full name or of an alias) → the one package it names. */
  byShortName: Record<string, string>;
  /** Short names that name several packages, with all of them, for "did you mean one of …". */
  ambiguousShortNames: Record<string, string[]>;
  /** Executable name (files[].name anywhere in the package, default command name) → full names. */
  byExecutable: Record<string, string[]>;
}

function table<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

function addTo(map: Record<string, string[]>, key: string, name: string): void {
  const list = Object.hasOwn(map, key) ? map[key]! : (map[key] = []);
  if (!list.includes(name)) list.push(name);
}

function lastPart(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

/**
 * Every executable a package installs in some version or on some platform.
 * Unlike aqua's MaybeHasCommand, which adds the default command name whenever
 * any list is empty, this follows inheritance: an entry without `files` uses
 * the files of what it overrides, so mvdan/sh installs "shfmt" and never "sh".
 */
export function executableNames(pkg: AquaPackage): string[] {
  const names = new Set<string>();
  const add = (files: AquaFile[] | undefined, owner: AquaPackage) => {
    for (const file of files && files.length > 0 ? files : packageFiles({ ...owner, files: [] })) names.add(file.name);
  };
  const entries = [pkg, ...(pkg.version_overrides ?? []).map((vo) => ({ ...pkg, ...vo, files: vo.files ?? pkg.files }))];
  for (const entry of entries) {
    add(entry.files, entry);
    for (const ov of entry.overrides ?? []) add(ov.files ?? entry.files, entry);
  }
  names.delete('');
  return [...names];
}

/** Builds the index; pure, and JSON.stringify-able as is. */
export function buildAquaIndex(packages: AquaPackage[]): AquaIndex {
  const index: AquaIndex = {
    indexVersion: 1,
    packages: table(), byName: table(), byRepo: table(), byShortName: table(), ambiguousShortNames: table(), byExecutable: table(),
  };
  const short: Record<string, string[]> = table();
  for (const pkg of packages) {
    const full = aquaPackageName(pkg);
    if (Object.hasOwn(index.byName, full.toLowerCase())) continue;
    index.packages[full] = pkg;
    index.byName[full.toLowerCase()] = full;
    for (const alias of pkg.aliases ?? []) {
      if (alias.name && !Object.hasOwn(index.byName, alias.name.toLowerCase())) index.byName[alias.name.toLowerCase()] = full;
    }
    if (pkg.repo_owner && pkg.repo_name) addTo(index.byRepo, `${pkg.repo_owner}/${pkg.repo_name}`.toLowerCase(), full);
    // The last part of the full name: "fzf-tmux" for junegunn/fzf/fzf-tmux, not its repo_name "fzf".
    const shortNames = [lastPart(full), ...(pkg.aliases ?? []).map((alias) => lastPart(alias.name))];
    for (const name of shortNames) if (name) addTo(short, name.toLowerCase(), full);
    for (const exe of executableNames(pkg)) addTo(index.byExecutable, exe, full);
  }
  for (const [name, fulls] of Object.entries(short)) {
    if (fulls.length === 1) index.byShortName[name] = fulls[0]!;
    else index.ambiguousShortNames[name] = fulls;
  }
  return index;
}
