/**
 * Section conditions of the declared tool set: what goes between the brackets
 * of `[os=linux arch=arm64]`, `[host=laptop*,desk]` or `[os!=windows]`. One
 * file serves every machine, so a condition is a pure test of a few machine
 * facts: every term must hold; `key=a,b` means any of the values, `key!=a,b`
 * none of them. Values are stored in their canonical spelling (macos → darwin).
 */

export interface MachineFacts {
  os: string;
  arch: string;
  /** Only known on Linux; a `libc=` term never holds where it is undefined. */
  libc: string | undefined;
  host: string;
}

export type ConditionKey = 'os' | 'arch' | 'libc' | 'host';

export interface ConditionTerm {
  key: ConditionKey;
  /** Written `!=`: the fact must be none of the values. */
  negated: boolean;
  /** Canonical, lower-case; host values may contain `*` wildcards. */
  values: string[];
}

export interface Condition {
  /** Empty for `[]` and `[*]`: every machine. */
  terms: ConditionTerm[];
  /** The text between the brackets, trimmed. */
  text: string;
}

export const CONDITION_HINT = 'Conditions look like [os=linux arch=arm64] or [host=laptop]; keys: os, arch, libc, host';

/**
 * A condition that does not parse. It carries no file or line: the file
 * parser adds those and turns it into the user-facing ToolError.
 */
export class ConditionError extends Error {
  readonly hint: string;

  constructor(message: string, hint: string = CONDITION_HINT) {
    super(message);
    this.name = 'ConditionError';
    this.hint = hint;
  }
}

interface Vocabulary {
  /** Accepted spelling → canonical value. A Map, so "constructor" is not a spelling. */
  spellings: Map<string, string>;
  hint: string;
}

function vocabulary(pairs: Array<[string, string]>, hint: string): Vocabulary {
  return { spellings: new Map(pairs), hint };
}

const vocabularies: Record<Exclude<ConditionKey, 'host'>, Vocabulary> = {
  os: vocabulary(
    [['linux', 'linux'], ['darwin', 'darwin'], ['macos', 'darwin'], ['windows', 'windows']],
    'os is linux, darwin (or macos) or windows, as in [os=darwin]',
  ),
  arch: vocabulary(
    [['x64', 'x64'], ['amd64', 'x64'], ['x86_64', 'x64'], ['arm64', 'arm64'], ['aarch64', 'arm64']],
    'arch is x64 (or amd64, x86_64) or arm64 (or aarch64), as in [arch=arm64]',
  ),
  libc: vocabulary([['gnu', 'gnu'], ['glibc', 'gnu'], ['musl', 'musl']], 'libc is gnu (or glibc) or musl, as in [libc=musl]'),
};

function isConditionKey(key: string): key is ConditionKey {
  return key === 'os' || key === 'arch' || key === 'libc' || key === 'host';
}

function canonicalValue(key: ConditionKey, value: string, term: string): string {
  if (value === '') throw new ConditionError(`"${term}" has an empty value`);
  const lower = value.toLowerCase();
  if (key === 'host') {
    // Host names are letters, digits, dots and dashes; anything else is a typo, not a name.
    if (!/^[a-z0-9._*-]+$/.test(lower)) throw new ConditionError(`"${value}" is not a host name`);
    return lower;
  }
  const { spellings, hint } = vocabularies[key];
  const canonical = spellings.get(lower);
  if (canonical === undefined) throw new ConditionError(`unknown ${key} "${value}"`, hint);
  return canonical;
}

function parseTerm(term: string): ConditionTerm {
  const match = /^([A-Za-z_]+)(!?=)(.*)$/.exec(term);
  if (!match) throw new ConditionError(`"${term}" is not a condition; write key=value or key!=value`);
  const [, rawKey = '', operator, rawValues = ''] = match;
  const key = rawKey.toLowerCase();
  if (!isConditionKey(key)) throw new ConditionError(`unknown condition key "${rawKey}"`);
  const values = rawValues.split(',').map((value) => canonicalValue(key, value, term));
  return { key, negated: operator === '!=', values };
}

/**
 * Parse the text between a header's brackets. `` and `*` mean every machine.
 * Throws ConditionError for anything else that is not a list of valid terms.
 */
export function parseCondition(text: string): Condition {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '*') return { terms: [], text: trimmed };
  return { terms: trimmed.split(/[ \t]+/).map(parseTerm), text: trimmed };
}

/** `*` matches any run of characters, everything else literally; both sides are already lower case. */
function globMatches(glob: string, name: string): boolean {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}$`).test(name);
}

/** The fact a term tests, spelled the way parsed values are (so TOOL_OS=macos still matches os=darwin). */
function factFor(key: ConditionKey, facts: MachineFacts): string | undefined {
  const raw = facts[key];
  if (raw === undefined) return undefined;
  const lower = raw.toLowerCase();
  return key === 'host' ? lower : (vocabularies[key].spellings.get(lower) ?? lower);
}

function termHolds(term: ConditionTerm, facts: MachineFacts): boolean {
  const fact = factFor(term.key, facts);
  const matched = fact !== undefined && term.values.some((value) => (value.includes('*') ? globMatches(value, fact) : value === fact));
  return term.negated ? !matched : matched;
}

/** Does this machine satisfy every term? An empty condition holds everywhere. */
export function conditionHolds(condition: Condition, facts: MachineFacts): boolean {
  return condition.terms.every((term) => termHolds(term, facts));
}
