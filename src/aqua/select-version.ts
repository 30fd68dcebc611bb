/**
 * aqua's SetVersion (pkg/config/registry/version_override.go): which entry of a
 * package describes a given tag.
 * - No top-level version_constraint: the package as written, overrides unread.
 * - The top-level constraint holds: the package as written.
 * - Otherwise the first version override whose constraint holds, merged over
 *   the package; when none holds, the package as written again.
 * A version_prefix the tag lacks makes that entry not match; `SemVer` and
 * `semver()` see the tag without the prefix. An override's version_prefix
 * ("" included) replaces the package's for its own test.
 */
import { evaluateVersionConstraint } from './expr.js';
import { applyVersionOverride } from './merge.js';
import type { AquaPackage } from './types.js';

export interface SelectedVersion {
  pkg: AquaPackage;
  /** Which entry matched, for messages: "version_overrides[3]", "version_constraint", or why none did. */
  entry: string;
}

/** Tests one constraint the way aqua does; throws AquaUnsupportedError for constructs outside the subset. */
function holds(constraint: string, prefix: string | undefined, tag: string): boolean {
  if (prefix && !tag.startsWith(prefix)) return false;
  const semver = prefix ? tag.slice(prefix.length) : tag;
  return evaluateVersionConstraint(constraint, tag, semver);
}

/** Field path of the constraint being evaluated, so an unsupported construct can be named. */
export class ConstraintFailure extends Error {
  constructor(readonly field: string, override readonly cause: unknown) {
    super(`${field}: ${(cause as Error).message}`);
  }
}

function test(field: string, constraint: string, prefix: string | undefined, tag: string): boolean {
  try {
    return holds(constraint, prefix, tag);
  } catch (error) {
    throw new ConstraintFailure(field, error);
  }
}

/** The package as aqua sees it for `tag`, before any platform override. */
export function selectVersion(pkg: AquaPackage, tag: string): SelectedVersion {
  if (!pkg.version_constraint) return { pkg, entry: 'top level' };
  if (test('version_constraint', pkg.version_constraint, pkg.version_prefix, tag)) {
    return { pkg, entry: 'version_constraint' };
  }
  const overrides = pkg.version_overrides ?? [];
  for (const [i, vo] of overrides.entries()) {
    const prefix = vo.version_prefix ?? pkg.version_prefix;
    if (test(`version_overrides[${i}].version_constraint`, vo.version_constraint, prefix, tag)) {
      return { pkg: applyVersionOverride(pkg, vo), entry: `version_overrides[${i}]` };
    }
  }
  return { pkg, entry: 'top level, no version_override matched' };
}
