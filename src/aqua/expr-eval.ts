/**
 * Runs a checked expression (see expr-check.ts). Values are strings, numbers,
 * booleans, null and arrays; functions come from the caller's environment so
 * that `semver` can close over the version being tested.
 */
import { AquaEvalError, AquaUnsupportedError } from './errors.js';
import type { ExprNode } from './expr-parse.js';
import { goRegExp } from './go-regexp.js';

export type ExprValue = string | number | boolean | null | ExprValue[];
export type ExprFunction = (...args: ExprValue[]) => ExprValue;

export interface EvalEnv {
  variables: Record<string, ExprValue>;
  functions: Record<string, ExprFunction>;
  pointer?: ExprValue;
}

function str(value: ExprValue, what: string): string {
  if (typeof value !== 'string') throw new AquaEvalError(`${what} needs a string, got ${JSON.stringify(value)}`);
  return value;
}

function bool(value: ExprValue, what: string): boolean {
  if (typeof value !== 'boolean') throw new AquaEvalError(`${what} needs a bool, got ${JSON.stringify(value)}`);
  return value;
}

function list(value: ExprValue, what: string): ExprValue[] {
  if (!Array.isArray(value)) throw new AquaEvalError(`${what} needs an array, got ${JSON.stringify(value)}`);
  return value;
}

function compare(op: string, a: ExprValue, b: ExprValue): boolean {
  if (typeof a !== typeof b || (typeof a !== 'string' && typeof a !== 'number')) {
    throw new AquaEvalError(`cannot compare ${JSON.stringify(a)} ${op} ${JSON.stringify(b)}`);
  }
  const x = a as string | number;
  const y = b as string | number;
  return op === '<' ? x < y : op === '>' ? x > y : op === '<=' ? x <= y : x >= y;
}

function binary(node: Extract<ExprNode, { k: 'binary' }>, env: EvalEnv): ExprValue {
  if (node.op === '&&') return bool(evalExpr(node.left, env), '&&') && bool(evalExpr(node.right, env), '&&');
  if (node.op === '||') return bool(evalExpr(node.left, env), '||') || bool(evalExpr(node.right, env), '||');
  const left = evalExpr(node.left, env);
  const right = evalExpr(node.right, env);
  switch (node.op) {
    case '==':
      return left === right;
    case '!=':
      return left !== right;
    case 'in':
      return list(right, 'in').some((item) => item === left);
    case 'matches':
      return goRegExp(str(right, 'matches')).test(str(left, 'matches'));
    case 'contains':
      return str(left, 'contains').includes(str(right, 'contains'));
    case 'startsWith':
      return str(left, 'startsWith').startsWith(str(right, 'startsWith'));
    case 'endsWith':
      return str(left, 'endsWith').endsWith(str(right, 'endsWith'));
    default:
      return compare(node.op, left, right);
  }
}

/** any/all/none/one/filter/count: the closure sees each element as `#`. */
function predicate(name: string, args: ExprNode[], env: EvalEnv): ExprValue {
  const items = list(evalExpr(args[0]!, env), name);
  const test = (item: ExprValue) => bool(evalExpr(args[1]!, { ...env, pointer: item }), name);
  if (name === 'any') return items.some(test);
  if (name === 'all') return items.every(test);
  if (name === 'none') return !items.some(test);
  if (name === 'one') return items.filter(test).length === 1;
  if (name === 'filter') return items.filter(test);
  return items.filter(test).length;
}

const PREDICATES = new Set(['any', 'all', 'none', 'one', 'filter', 'count']);

function call(node: Extract<ExprNode, { k: 'call' }>, env: EvalEnv): ExprValue {
  if (PREDICATES.has(node.name)) return predicate(node.name, node.args, env);
  const fn = env.functions[node.name];
  if (!fn) throw new AquaUnsupportedError(`function ${node.name}()`);
  return fn(...node.args.map((arg) => evalExpr(arg, env)));
}

export function evalExpr(node: ExprNode, env: EvalEnv): ExprValue {
  switch (node.k) {
    case 'lit':
      return node.value;
    case 'ident': {
      const value = env.variables[node.name];
      if (value === undefined) throw new AquaEvalError(`unknown name ${node.name}`);
      return value;
    }
    case 'pointer':
      if (env.pointer === undefined) throw new AquaEvalError('# outside a predicate');
      return env.pointer;
    case 'array':
      return node.items.map((item) => evalExpr(item, env));
    case 'not':
      return !bool(evalExpr(node.x, env), 'not');
    case 'binary':
      return binary(node, env);
    case 'call':
      return call(node, env);
    case 'closure':
      return evalExpr(node.body, env);
    case 'let':
      return evalExpr(node.body, { ...env, variables: { ...env.variables, [node.name]: evalExpr(node.value, env) } });
  }
}
