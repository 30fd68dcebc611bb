/**
 * expr-lang checks types when it compiles an expression, before running it: a
 * mismatch anywhere fails the whole expression even in a branch that `||`
 * would have skipped. aqua then treats the constraint as false. This checker
 * reproduces that for the subset, so `semver("<= 1") || not Version startsWith
 * "x"` is false here exactly as it is in aqua.
 */
import { AquaEvalError, AquaUnsupportedError } from './errors.js';
import type { ExprNode } from './expr-parse.js';

export type ExprType = 'string' | 'bool' | 'number' | 'array' | 'nil' | 'any';

/** The functions each environment offers, with their argument and result types. */
export interface FunctionSig {
  args: ExprType[];
  optional?: number;
  result: ExprType;
}

export const BUILTINS: Record<string, FunctionSig> = {
  trimPrefix: { args: ['string', 'string'], optional: 1, result: 'string' },
  trimSuffix: { args: ['string', 'string'], optional: 1, result: 'string' },
  upper: { args: ['string'], result: 'string' },
  lower: { args: ['string'], result: 'string' },
  len: { args: ['any'], result: 'number' },
  any: { args: ['array', 'bool'], result: 'bool' },
  all: { args: ['array', 'bool'], result: 'bool' },
  none: { args: ['array', 'bool'], result: 'bool' },
  one: { args: ['array', 'bool'], result: 'bool' },
  filter: { args: ['array', 'bool'], result: 'array' },
  count: { args: ['array', 'bool'], result: 'number' },
};

export interface CheckEnv {
  variables: Record<string, ExprType>;
  functions: Record<string, FunctionSig>;
}

function fits(actual: ExprType, wanted: ExprType): boolean {
  return actual === wanted || actual === 'any' || wanted === 'any';
}

function need(actual: ExprType, wanted: ExprType, what: string): void {
  if (!fits(actual, wanted)) throw new AquaEvalError(`${what} needs ${wanted}, got ${actual}`);
}

function checkBinary(node: Extract<ExprNode, { k: 'binary' }>, env: CheckEnv): ExprType {
  const left = typeOf(node.left, env);
  const right = typeOf(node.right, env);
  switch (node.op) {
    case '&&':
    case '||':
      need(left, 'bool', node.op);
      need(right, 'bool', node.op);
      return 'bool';
    case '==':
    case '!=':
      if (left !== right && !fits(left, right) && left !== 'nil' && right !== 'nil') {
        throw new AquaEvalError(`mismatched types ${left} and ${right} for ${node.op}`);
      }
      return 'bool';
    case 'in':
      need(right, 'array', 'in');
      return 'bool';
    case '<':
    case '>':
    case '<=':
    case '>=':
      if (!(fits(left, 'number') && fits(right, 'number')) && !(fits(left, 'string') && fits(right, 'string'))) {
        throw new AquaEvalError(`mismatched types ${left} and ${right} for ${node.op}`);
      }
      return 'bool';
    default:
      need(left, 'string', node.op);
      need(right, 'string', node.op);
      return 'bool';
  }
}

function checkCall(node: Extract<ExprNode, { k: 'call' }>, env: CheckEnv): ExprType {
  const sig = env.functions[node.name];
  if (!sig) throw new AquaUnsupportedError(`function ${node.name}()`);
  const min = sig.args.length - (sig.optional ?? 0);
  if (node.args.length < min || node.args.length > sig.args.length) {
    throw new AquaEvalError(`${node.name}() takes ${sig.args.length} arguments, got ${node.args.length}`);
  }
  node.args.forEach((arg, i) => need(typeOf(arg, env), sig.args[i]!, `argument ${i + 1} of ${node.name}()`));
  return sig.result;
}

/** The static type of a node; throws AquaEvalError where expr-lang's compiler would. */
export function typeOf(node: ExprNode, env: CheckEnv): ExprType {
  switch (node.k) {
    case 'lit':
      if (node.value === null) return 'nil';
      return typeof node.value === 'string' ? 'string' : typeof node.value === 'number' ? 'number' : 'bool';
    case 'ident': {
      const type = env.variables[node.name];
      if (!type) throw new AquaEvalError(`unknown name ${node.name}`);
      return type;
    }
    case 'pointer':
      return 'any';
    case 'array':
      node.items.forEach((item) => typeOf(item, env));
      return 'array';
    case 'not':
      need(typeOf(node.x, env), 'bool', 'not');
      return 'bool';
    case 'binary':
      return checkBinary(node, env);
    case 'call':
      return checkCall(node, env);
    case 'closure':
      return typeOf(node.body, env);
    case 'let':
      return typeOf(node.body, { ...env, variables: { ...env.variables, [node.name]: typeOf(node.value, env) } });
  }
}
