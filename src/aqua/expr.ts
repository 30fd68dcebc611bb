/**
 * aqua's `version_constraint` and `version_filter` expressions (pkg/expr):
 * expr-lang with `Version` (the tag as written), `SemVer` (the tag without
 * version_prefix; constraints only), `semver("<op> x, …")` (tests SemVer in a
 * constraint, the whole tag in a filter) and `semverWithVersion("<op> x", v)`.
 * The registry uses: "true"/"false", ==, !=, in [...], startsWith, endsWith,
 * contains, matches, and/or/&&/||, not/!, parentheses, trimPrefix(),
 * `let x = …;` and any(list, {… # …}); all of it is supported here.
 */
import { AquaEvalError } from './errors.js';
import { BUILTINS, typeOf, type CheckEnv } from './expr-check.js';
import { evalExpr, type ExprFunction, type ExprValue } from './expr-eval.js';
import { parseExpr, type ExprNode } from './expr-parse.js';
import { satisfiesGoConstraint } from './go-version.js';

const parsed = new Map<string, ExprNode>();

function parseCached(source: string): ExprNode {
  let node = parsed.get(source);
  if (!node) {
    node = parseExpr(source);
    parsed.set(source, node);
  }
  return node;
}

const STRING_FUNCTIONS: Record<string, ExprFunction> = {
  trimPrefix: (s, prefix = ' ') => (String(s).startsWith(String(prefix)) ? String(s).slice(String(prefix).length) : String(s)),
  trimSuffix: (s, suffix = ' ') => (String(s).endsWith(String(suffix)) ? String(s).slice(0, String(s).length - String(suffix).length) : String(s)),
  upper: (s) => String(s).toUpperCase(),
  lower: (s) => String(s).toLowerCase(),
  len: (v) => (typeof v === 'string' || Array.isArray(v) ? v.length : 0),
};

const SEMVER_SIGS = {
  semver: { args: ['string'], result: 'bool' },
  semverWithVersion: { args: ['string', 'string'], result: 'bool' },
} as const satisfies CheckEnv['functions'];

/**
 * Evaluates a boolean expression. Throws AquaUnsupportedError for constructs
 * outside the subset and AquaEvalError where expr-lang fails to compile or run.
 */
export function evalBoolExpr(source: string, variables: Record<string, string>, semverSubject: string): boolean {
  const node = parseCached(source);
  const checkEnv: CheckEnv = {
    variables: Object.fromEntries(Object.keys(variables).map((name) => [name, 'string' as const])),
    functions: { ...BUILTINS, ...SEMVER_SIGS },
  };
  const type = typeOf(node, checkEnv);
  if (type !== 'bool' && type !== 'any') {
    throw new AquaEvalError(`expression ${source} must be a bool`);
  }
  const result: ExprValue = evalExpr(node, {
    variables,
    functions: {
      ...STRING_FUNCTIONS,
      semver: (constraint) => satisfiesGoConstraint(String(constraint), semverSubject),
      semverWithVersion: (constraint, version) => satisfiesGoConstraint(String(constraint), String(version)),
    },
  });
  if (typeof result !== 'boolean') throw new AquaEvalError(`expression ${source} must be a bool`);
  return result;
}

/**
 * aqua's EvaluateVersionConstraints: `tag` is the tag as written, `semver` the tag
 * without version_prefix. An expression aqua fails to evaluate counts as false,
 * as in aqua; AquaUnsupportedError still escapes so callers can say so.
 */
export function evaluateVersionConstraint(constraint: string, tag: string, semver: string): boolean {
  try {
    return evalBoolExpr(constraint, { Version: tag, SemVer: semver }, semver);
  } catch (error) {
    if (error instanceof AquaEvalError) return false;
    throw error;
  }
}

/** aqua's EvaluateVersionFilter: only `Version`, and `semver` tests the whole tag. Errors escape. */
export function evaluateVersionFilter(filter: string, tag: string): boolean {
  return evalBoolExpr(filter, { Version: tag }, tag);
}
