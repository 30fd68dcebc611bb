/**
 * Semver ranges (`^14`, `~1.7`, `>=1.6 <2`) on top of our looser versions.
 * The sole importer of `semver`. Calendar versions are coerced for range
 * checks only ("2024.08.06" → 2024.8.6); ordering stays in version.ts.
 */
import semver from 'semver';
import { parseVersion } from './version.js';

/**
 * Only the characters ranges are made of: semver's loose mode drops tokens it
 * cannot read, so "1.0.0 $(touch x)" would pass as "1.0.0" and a mistyped or
 * hostile line would quietly mean something else.
 */
const RANGE_CHARACTERS = /^[0-9A-Za-z.*^~<>=|+\- ]+$/;

export function isRange(text: string): boolean {
  return RANGE_CHARACTERS.test(text) && semver.validRange(text, { loose: true }) !== null;
}

export function satisfiesRange(version: string, range: string, includePrerelease = false): boolean {
  const parsed = parseVersion(version);
  if (!parsed) return false;
  const [major = 0, minor = 0, patch = 0] = parsed.parts;
  const text = `${major}.${minor}.${patch}${parsed.pre ? `-${parsed.pre}` : ''}`;
  const coerced = semver.parse(text, { loose: true }) ?? semver.coerce(text);
  if (!coerced) return false;
  return semver.satisfies(coerced, range, { loose: true, includePrerelease });
}
