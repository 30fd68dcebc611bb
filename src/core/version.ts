/**
 * Versions as tools really tag them: semver ("14.1.0"), calendar versions with
 * leading zeros and nightly fourth parts ("2024.08.06", "2024.08.06.232"), and
 * prefixed tags ("v1.2.3", "jq-1.7.1", "cli/v2.0.0"). Strict semver rejects half
 * of these, so ordering is numeric part by part, then prerelease rules.
 */

export interface ParsedVersion {
  /** Numeric parts as written: [2024, 8, 6]. */
  parts: number[];
  /** Prerelease identifiers after "-" ("rc.1"), or undefined for a release. */
  pre: string | undefined;
}

// Numeric parts; then a prerelease after "-" ("1.0.0-rc.1"), or glued on / after a dot when it
// starts with a letter ("1.0.0rc1", "2.45.1.windows.1") but is not an x-range ("14.x"); then
// "+build" metadata, which never affects order. (?!\d) stops backtracking into a number.
const VERSION_RE =
  /^v?(\d+(?:\.\d+)*)(?!\d)(?:-([0-9A-Za-z]+(?:[.-][0-9A-Za-z]+)*)|\.?(?![xX*](?:\.|$))([A-Za-z][0-9A-Za-z]*(?:[.-][0-9A-Za-z]+)*))?(?:\+[0-9A-Za-z.-]+)?$/;

/** "v1.2.3-rc.1" → {parts:[1,2,3], pre:"rc.1"}; undefined when it is not a version. */
export function parseVersion(text: string): ParsedVersion | undefined {
  const match = VERSION_RE.exec(text.trim());
  if (!match?.[1]) return undefined;
  const parts = match[1].split('.').map(Number);
  if (parts.some((part) => !Number.isSafeInteger(part))) return undefined;
  return { parts, pre: match[2] ?? match[3] };
}

export function isVersion(text: string): boolean {
  return parseVersion(text) !== undefined;
}

/**
 * The version a tag names, or undefined when the tag names none.
 * A known prefix is removed first ("jq-" for "jq-1.7.1"); "v" is always allowed.
 */
export function versionFromTag(tag: string, tagPrefix?: string): string | undefined {
  let rest = tag.trim();
  if (tagPrefix) {
    if (!rest.startsWith(tagPrefix)) return undefined;
    rest = rest.slice(tagPrefix.length);
  } else {
    // Unknown prefixes ("jq-", "release-", "cli/v") end where the number starts.
    const firstDigit = rest.search(/\d/);
    if (firstDigit < 0) return undefined;
    rest = rest.slice(firstDigit);
  }
  if (rest.startsWith('v') || rest.startsWith('V')) rest = rest.slice(1);
  return parseVersion(rest) ? rest : undefined;
}

/** Strip a leading "v" so "v14.1.0" and "14.1.0" name the same store version. */
export function normalizeVersion(text: string): string {
  const trimmed = text.trim();
  return /^[vV]\d/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

function comparePre(a: string | undefined, b: string | undefined): number {
  if (a === b) return 0;
  if (a === undefined) return 1; // a release sorts after its prereleases
  if (b === undefined) return -1;
  const left = a.split(/[.-]/);
  const right = b.split(/[.-]/);
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    const x = left[i];
    const y = right[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    const order = compareIdentifier(x, y);
    if (order !== 0) return order;
  }
  return 0;
}

function compareIdentifier(x: string, y: string): number {
  const xNum = /^\d+$/.test(x);
  const yNum = /^\d+$/.test(y);
  if (xNum && yNum) return Number(x) - Number(y);
  if (xNum !== yNum) return xNum ? -1 : 1;
  return x < y ? -1 : x > y ? 1 : 0;
}

export function compareParsed(a: ParsedVersion, b: ParsedVersion): number {
  for (let i = 0; i < Math.max(a.parts.length, b.parts.length); i++) {
    const diff = (a.parts[i] ?? -1) - (b.parts[i] ?? -1);
    if (diff !== 0) return Math.sign(diff);
  }
  return comparePre(a.pre, b.pre);
}

/**
 * Bytes a self-updating tool wrote that could not be verified are stored as
 * "<version>+self.<sha8>": a local build, never mistaken for the release.
 */
export function localBuildName(version: string, sha256: string): string {
  return `${version.replace(/\+.*$/, '')}+self.${sha256.slice(0, 8)}`;
}

export function isLocalBuild(version: string): boolean {
  return /\+self\.[0-9a-f]+$/.test(version);
}

/** Total order on version strings; text that is not a version sorts first, by name. */
export function compareVersions(a: string, b: string): number {
  const left = parseVersion(a);
  const right = parseVersion(b);
  // Equal numbers: the plain release ranks above its "+build" variants, then by name.
  if (left && right) return compareParsed(left, right) || Number(b.includes('+')) - Number(a.includes('+')) || (a < b ? -1 : a > b ? 1 : 0);
  if (left || right) return left ? 1 : -1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Newest first. */
export function sortVersionsDescending(versions: Iterable<string>): string[] {
  return [...versions].sort((a, b) => compareVersions(b, a));
}
