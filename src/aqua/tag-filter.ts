/**
 * Which release tags aqua offers for a package when it lists versions
 * (pkg/versiongetter/filter.go, github_release.go). This is the only place
 * `version_filter` matters: installing an explicit tag never consults it.
 *
 * Filters are tried in order — the package itself, then each version
 * override (inheriting the package's prefix, filter and no_asset unless it
 * sets its own) — and the first filter whose prefix, version_filter and
 * version_constraint all hold decides: offered unless it has no asset.
 * Prereleases are never offered. An expression aqua cannot evaluate counts as
 * not matching.
 */
import { AquaEvalError } from './errors.js';
import { evaluateVersionConstraint, evaluateVersionFilter } from './expr.js';
import type { AquaPackage } from './types.js';

interface Filter {
  prefix: string | undefined;
  filter: string | undefined;
  constraint: string;
  noAsset: boolean;
}

function filtersOf(pkg: AquaPackage): Filter[] {
  const top: Filter = {
    prefix: pkg.version_prefix,
    filter: pkg.version_filter,
    constraint: pkg.version_constraint ?? '',
    noAsset: Boolean(pkg.no_asset) || Boolean(pkg.error_message),
  };
  const rest = (pkg.version_overrides ?? []).map((vo): Filter => {
    let noAsset = vo.no_asset ?? top.noAsset;
    if (vo.error_message !== undefined) noAsset = vo.error_message !== '';
    return { prefix: vo.version_prefix ?? top.prefix, filter: vo.version_filter ?? top.filter, constraint: vo.version_constraint, noAsset };
  });
  return [top, ...rest];
}

function filterHolds(filter: string, tag: string): boolean {
  try {
    return evaluateVersionFilter(filter, tag);
  } catch (error) {
    if (error instanceof AquaEvalError) return false;
    throw error;
  }
}

function matches(filter: Filter, tag: string): boolean {
  if (filter.prefix && !tag.startsWith(filter.prefix)) return false;
  const semver = filter.prefix ? tag.slice(filter.prefix.length) : tag;
  if (filter.filter && !filterHolds(filter.filter, tag)) return false;
  return filter.constraint === '' || evaluateVersionConstraint(filter.constraint, tag, semver);
}

/** True when aqua would offer `tag` as an installable version of `pkg`. Throws AquaUnsupportedError for constructs outside the subset. */
export function acceptsTag(pkg: AquaPackage, tag: string, prerelease = false): boolean {
  if (prerelease) return false;
  for (const filter of filtersOf(pkg)) {
    if (matches(filter, tag)) return !filter.noAsset;
  }
  return false;
}
