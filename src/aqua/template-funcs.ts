/**
 * The template functions aqua's registry calls: aqua's own `trimV`, the sprig
 * functions it uses (trimPrefix, trimSuffix, replace, title, upper, lower,
 * trim, regexFind, splitList, semver) and Go's builtins eq, ne, and, or, not,
 * index, len. Sprig's argument order is kept: the subject comes last so that
 * pipelines (`.Version | trimPrefix "v"`) feed it.
 */
import { AquaEvalError } from './errors.js';
import { goRegExp } from './go-regexp.js';

export type TemplateValue = string | number | boolean | null | TemplateValue[] | { [key: string]: TemplateValue };
export type TemplateFunction = (...args: TemplateValue[]) => TemplateValue;

function str(value: TemplateValue | undefined, fn: string): string {
  if (typeof value !== 'string') throw new AquaEvalError(`${fn} expects a string, got ${JSON.stringify(value)}`);
  return value;
}

/** Go's notion of truth for if/and/or/not: zero values are false. */
export function truthy(value: TemplateValue): boolean {
  if (value === null || value === false || value === 0 || value === '') return false;
  if (Array.isArray(value)) return value.length > 0;
  if (typeof value === 'object') return Object.keys(value).length > 0;
  return true;
}

function equal(a: TemplateValue | undefined, b: TemplateValue | undefined): boolean {
  if (typeof a !== typeof b || (typeof a === 'object' && a !== null)) {
    throw new AquaEvalError(`incompatible types for comparison: ${JSON.stringify(a)} and ${JSON.stringify(b)}`);
  }
  return a === b;
}

// Masterminds/semver's loose NewVersion, which sprig's `semver` calls.
const MASTERMINDS_RE = /^v?([0-9]+)(?:\.([0-9]+))?(?:\.([0-9]+))?(?:-([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?(?:\+([0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*))?$/;

function semver(text: string): TemplateValue {
  const match = MASTERMINDS_RE.exec(text);
  if (!match) throw new AquaEvalError(`semver: ${JSON.stringify(text)} is not a semantic version`);
  return {
    Major: Number(match[1]),
    Minor: Number(match[2] ?? 0),
    Patch: Number(match[3] ?? 0),
    Prerelease: match[4] ?? '',
    Metadata: match[5] ?? '',
    Original: text,
  };
}

/** strings.Title: upper-case the first letter of every word. */
function title(text: string): string {
  return text.replace(/(^|[^\p{L}\p{N}_])(\p{L})/gu, (_, before: string, letter: string) => before + letter.toUpperCase());
}

function index(collection: TemplateValue | undefined, ...keys: TemplateValue[]): TemplateValue {
  let current = collection;
  for (const key of keys) {
    if (Array.isArray(current) && typeof key === 'number') {
      if (key < 0 || key >= current.length) throw new AquaEvalError(`index out of range: ${key}`);
      current = current[key];
    } else if (current && typeof current === 'object' && !Array.isArray(current) && typeof key === 'string') {
      current = current[key] ?? null;
    } else {
      throw new AquaEvalError(`cannot index ${JSON.stringify(current)} with ${JSON.stringify(key)}`);
    }
  }
  return current ?? null;
}

export const TEMPLATE_FUNCTIONS: Record<string, TemplateFunction> = {
  trimV: (s) => str(s, 'trimV').replace(/^v/, ''),
  trimPrefix: (prefix, s) => {
    const text = str(s, 'trimPrefix');
    const p = str(prefix, 'trimPrefix');
    return text.startsWith(p) ? text.slice(p.length) : text;
  },
  trimSuffix: (suffix, s) => {
    const text = str(s, 'trimSuffix');
    const x = str(suffix, 'trimSuffix');
    return x && text.endsWith(x) ? text.slice(0, -x.length) : text;
  },
  replace: (old, replacement, s) => str(s, 'replace').split(str(old, 'replace')).join(str(replacement, 'replace')),
  title: (s) => title(str(s, 'title')),
  upper: (s) => str(s, 'upper').toUpperCase(),
  lower: (s) => str(s, 'lower').toLowerCase(),
  trim: (s) => str(s, 'trim').trim(),
  regexFind: (pattern, s) => goRegExp(str(pattern, 'regexFind')).exec(str(s, 'regexFind'))?.[0] ?? '',
  splitList: (sep, s) => str(s, 'splitList').split(str(sep, 'splitList')),
  semver: (s) => semver(str(s, 'semver')),
  index: (collection, ...keys) => index(collection, ...keys),
  len: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : 0),
  eq: (a, ...rest) => {
    if (rest.length === 0) throw new AquaEvalError('eq needs at least two arguments');
    return rest.some((b) => equal(a, b));
  },
  ne: (a, b) => !equal(a, b),
  not: (a) => !truthy(a ?? null),
  and: (...args) => args.find((arg) => !truthy(arg)) ?? args[args.length - 1] ?? null,
  or: (...args) => args.find((arg) => truthy(arg)) ?? args[args.length - 1] ?? null,
};
