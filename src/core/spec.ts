/**
 * What a user asks for: `latest`, a version or a prefix of one (`14`, `14.1`,
 * `2024.08.06`, `v14.1.0`), or a semver range. Unresolved specs and resolved
 * versions are different types so one is never mistaken for the other.
 */
import { ToolError } from './errors.js';
import { compareParsed, isLocalBuild, parseVersion, sortVersionsDescending, type ParsedVersion } from './version.js';
import { isRange, satisfiesRange } from './version-range.js';

export type VersionSpec =
  | { kind: 'latest'; text: string }
  | { kind: 'version'; text: string; version: ParsedVersion }
  | { kind: 'range'; text: string };

export const SPEC_HELP =
  'Use an exact version (14.1.0), a prefix (14), a semver range (^14, ~1.7, ">=1.6 <2") or latest';

export function tryParseSpec(text: string): VersionSpec | undefined {
  const trimmed = text.trim();
  if (trimmed === '' ) return undefined;
  if (trimmed.toLowerCase() === 'latest') return { kind: 'latest', text: 'latest' };
  const version = parseVersion(trimmed);
  if (version) return { kind: 'version', text: trimmed, version };
  if (isRange(trimmed)) return { kind: 'range', text: trimmed };
  return undefined;
}

/** Parse or throw TOOL_BAD_SPEC; `where` says where the text came from ("./.tools line 3"). */
export function parseSpec(text: string, where?: string): VersionSpec {
  const spec = tryParseSpec(text);
  if (spec) return spec;
  const place = where ? `${where}: ` : '';
  // A line can be megabytes long; the message quotes its start.
  const shown = text.length > 80 ? `${text.slice(0, 60)}… (${text.length} characters)` : text;
  throw new ToolError('TOOL_BAD_SPEC', `${place}"${shown}" is not a version spec`, { hint: SPEC_HELP });
}

/** True when `version` is what the spec asks for (`latest` matches every release). */
export function specMatches(spec: VersionSpec, version: string): boolean {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  // A local build (unverified self-update) answers only a spec that names it exactly.
  if (isLocalBuild(version)) return spec.text.replace(/^v/, '') === version;
  switch (spec.kind) {
    case 'latest':
      return parsed.pre === undefined;
    case 'range':
      return satisfiesRange(version, spec.text);
    case 'version':
      return matchesPrefix(spec.version, parsed);
  }
}

function matchesPrefix(want: ParsedVersion, have: ParsedVersion): boolean {
  if (want.parts.some((part, i) => have.parts[i] !== part)) return false;
  if (want.pre !== undefined) return compareParsed(want, have) === 0;
  // "14" must not pick "14.0.0-rc.1"; an exact "14.1.0" may pick "14.1.0.1" only if no exact one exists.
  return have.pre === undefined;
}

/**
 * The best version for a spec: an exact match if present, else the newest match.
 * `versions` may be in any order.
 */
export function pickVersion(spec: VersionSpec, versions: Iterable<string>): string | undefined {
  const candidates = sortVersionsDescending(versions).filter((v) => specMatches(spec, v));
  if (spec.kind === 'version') {
    const exact = candidates.find((v) => {
      const parsed = parseVersion(v);
      return parsed !== undefined && parsed.parts.length === spec.version.parts.length;
    });
    if (exact) return exact;
  }
  return candidates[0];
}

/**
 * pickVersion, with the versions in `chosenLast` (ephemeral ones: installed for
 * `tool x` and the like) answering only when no other version does, so trying a
 * version never changes what a range or `latest` pin runs.
 */
export function pickPreferring(spec: VersionSpec, versions: readonly string[], chosenLast: ReadonlySet<string>): string | undefined {
  if (chosenLast.size === 0) return pickVersion(spec, versions);
  return pickVersion(spec, versions.filter((version) => !chosenLast.has(version))) ?? pickVersion(spec, versions);
}

/** Versions closest to what was asked, for "no version matches" errors. */
export function nearestVersions(spec: VersionSpec, versions: Iterable<string>, count = 5): string[] {
  const sorted = sortVersionsDescending(versions);
  if (spec.kind !== 'version') return sorted.slice(0, count);
  const below = sorted.findIndex((v) => {
    const parsed = parseVersion(v);
    return parsed !== undefined && compareParsed(parsed, spec.version) < 0;
  });
  const pivot = below < 0 ? sorted.length : below;
  const start = Math.max(0, Math.min(pivot - Math.ceil(count / 2), sorted.length - count));
  return sorted.slice(start, start + count);
}
