/**
 * A plausible release tag for a package without asking GitHub, for coverage
 * reports and registry-wide tests. The aim is to land on the entry that
 * describes the newest releases:
 * - the package itself when it has no version_constraint or its constraint is
 *   not "false";
 * - otherwise its last version override (the registry generator puts the
 *   catch-all `version_constraint: "true"` last).
 * Candidates, first that selects that entry wins: "<prefix>v99.0.0",
 * "<prefix>99.0.0", then each tag or version the entry's constraint names
 * (`Version == "x"`, `semver("<= 1.2.3")` → "1.2.3" and "v1.2.3"). When none
 * selects it, "<prefix>v99.0.0".
 */
import { selectVersion } from './select-version.js';
import type { AquaPackage } from './types.js';

function targetEntry(pkg: AquaPackage): { entry: string; constraint: string; prefix: string } {
  const overrides = pkg.version_overrides ?? [];
  const last = overrides[overrides.length - 1];
  if (!pkg.version_constraint) return { entry: 'top level', constraint: '', prefix: pkg.version_prefix ?? '' };
  if (pkg.version_constraint !== 'false' || !last) {
    return { entry: 'version_constraint', constraint: pkg.version_constraint, prefix: pkg.version_prefix ?? '' };
  }
  return { entry: `version_overrides[${overrides.length - 1}]`, constraint: last.version_constraint, prefix: last.version_prefix ?? pkg.version_prefix ?? '' };
}

/** Tags and versions written in a constraint, operators stripped. */
function namedVersions(constraint: string): string[] {
  const out: string[] = [];
  for (const match of constraint.matchAll(/"((?:[^"\\]|\\.)*)"/g)) {
    const literal = match[1]!;
    const operator = /^\s*(>=|<=|!=|>|<|=)\s*/.exec(literal);
    if (!operator) {
      out.push(literal);
      continue;
    }
    const version = literal.slice(operator[0].length).split(',')[0]!.trim();
    out.push(version, version.startsWith('v') ? version.slice(1) : `v${version}`);
  }
  return out;
}

function selects(pkg: AquaPackage, tag: string, entry: string): boolean {
  try {
    return selectVersion(pkg, tag).entry === entry;
  } catch {
    return false;
  }
}

/** A tag that selects the package's newest entry, as described above. */
export function sampleTag(pkg: AquaPackage): string {
  const { entry, constraint, prefix } = targetEntry(pkg);
  const candidates = [`${prefix}v99.0.0`, `${prefix}99.0.0`];
  for (const named of namedVersions(constraint)) candidates.push(named, named.startsWith(prefix) ? named : prefix + named);
  return candidates.find((tag) => selects(pkg, tag, entry)) ?? candidates[0]!;
}
