/**
 * Version comparison exactly as aqua's `semver("…")` does it: hashicorp/go-version
 * parsing and ordering, and aqua's comma-separated constraint list
 * (pkg/expr/version_compare.go). npm's semver (src/core/version-range.ts) differs
 * on purpose-relevant points: go-version accepts "1.2.3.4", "v1", "1.0.0beta", and
 * compares prereleases inside ranges, so this module keeps its own comparator.
 */
import { AquaEvalError } from './errors.js';

export interface GoVersion {
  segments: number[];
  pre: string;
}

// go-version's VersionRegexpRaw, anchored the way NewVersion anchors it.
const VERSION_RE =
  /^v?([0-9]+(\.[0-9]+)*?)(-([0-9]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)|(-?([A-Za-z\-~]+[0-9A-Za-z\-~]*(\.[0-9A-Za-z\-~]+)*)))?(\+([0-9A-Za-z\-~]+(\.[0-9A-Za-z\-~]+)*))??$/;

/** go-version's NewVersion: undefined when the text is not a version it accepts. */
export function parseGoVersion(text: string): GoVersion | undefined {
  const match = VERSION_RE.exec(text);
  if (!match?.[1]) return undefined;
  const segments = match[1].split('.').map(Number);
  if (segments.some((n) => !Number.isSafeInteger(n))) return undefined;
  // Fewer than three parts are padded with zeros, so "1.2" == "1.2.0".
  while (segments.length < 3) segments.push(0);
  return { segments, pre: match[7] || match[4] || '' };
}

function comparePart(self: string, other: string): number {
  if (self === other) return 0;
  const selfNum = /^-?\d+$/.test(self);
  const otherNum = /^-?\d+$/.test(other);
  // An empty part loses to a word and wins over a number, as in go-version.
  if (self === '') return otherNum ? -1 : 1;
  if (other === '') return selfNum ? 1 : -1;
  if (selfNum && !otherNum) return -1;
  if (!selfNum && otherNum) return 1;
  if (!selfNum && !otherNum) return self > other ? 1 : -1;
  return Number(self) > Number(other) ? 1 : -1;
}

function comparePre(self: string, other: string): number {
  if (self === other) return 0;
  const a = self.split('.');
  const b = other.split('.');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const order = comparePart(a[i] ?? '', b[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

/** go-version's Compare: -1, 0 or 1. Build metadata never counts. */
export function compareGoVersions(self: GoVersion, other: GoVersion): number {
  const a = self.segments;
  const b = other.segments;
  if (a.length === b.length && a.every((n, i) => n === b[i])) {
    if (self.pre === other.pre) return 0;
    if (self.pre === '') return 1;
    if (other.pre === '') return -1;
    return comparePre(self.pre, other.pre);
  }
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    // A shorter version equals a longer one whose extra parts are all zero.
    if (x === undefined) return b.slice(i).every((n) => n === 0) ? 0 : -1;
    if (y === undefined) return a.slice(i).every((n) => n === 0) ? 0 : 1;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

// Longest operators first: aqua tries them in this order with TrimPrefix.
const OPERATORS: [string, (order: number) => boolean][] = [
  ['>=', (o) => o >= 0],
  ['<=', (o) => o <= 0],
  ['!=', (o) => o !== 0],
  ['>', (o) => o > 0],
  ['<', (o) => o < 0],
  ['=', (o) => o === 0],
];

/**
 * aqua's compare(constraint, version): every comma-separated part must hold.
 * An unparsable version (or a 40-hex commit hash) is simply false; a part
 * without an operator is an error (aqua panics, and the constraint counts as false).
 */
export function satisfiesGoConstraint(constraint: string, version: string): boolean {
  if (/^[0-9a-f]{40}$/.test(version)) return false;
  const self = parseGoVersion(version);
  if (!self) return false;
  for (const raw of constraint.trim().split(',')) {
    const part = raw.trim();
    const op = OPERATORS.find(([symbol]) => part.startsWith(symbol));
    if (!op) throw new AquaEvalError(`semver constraint "${part}" has no operator (>=, >, <, <=, !=, =)`);
    const other = parseGoVersion(part.slice(op[0].length).trim());
    if (!other) return false;
    if (!op[1](compareGoVersions(self, other))) return false;
  }
  return true;
}
