/**
 * Executes a parsed template against the data aqua passes (a map of Version,
 * SemVer, GOOS, GOARCH, OS, Arch, Format, … ). Go prints "<no value>" for a
 * key the map lacks; an asset name containing that can never download, so a
 * missing key is an AquaEvalError naming the field instead.
 */
import { AquaEvalError, AquaUnsupportedError } from './errors.js';
import { TEMPLATE_FUNCTIONS, truthy, type TemplateValue } from './template-funcs.js';
import type { Command, Operand, Pipeline, TemplateNode } from './template-parse.js';

export type TemplateData = Record<string, TemplateValue>;

function field(base: TemplateValue, path: string[], shown: string): TemplateValue {
  let current = base;
  for (const name of path) {
    if (current === null || typeof current !== 'object' || Array.isArray(current) || !Object.hasOwn(current, name)) {
      throw new AquaEvalError(`template field ${shown} has no value`);
    }
    current = current[name]!;
  }
  return current;
}

function operand(op: Operand, data: TemplateData): TemplateValue {
  switch (op.k) {
    case 'field':
      return field(data, op.path, `.${op.path.join('.')}`);
    case 'dot':
      return data;
    case 'lit':
      return op.value;
    case 'paren':
      return field(pipeline(op.pipeline, data), op.path, `(…).${op.path.join('.')}`);
    case 'fn':
      return call(op.name, [], undefined);
  }
}

function call(name: string, args: TemplateValue[], piped: TemplateValue | undefined): TemplateValue {
  const fn = TEMPLATE_FUNCTIONS[name];
  if (!fn) throw new AquaUnsupportedError(`template function "${name}"`);
  return fn(...args, ...(piped === undefined ? [] : [piped]));
}

function command(cmd: Command, data: TemplateData, piped: TemplateValue | undefined): TemplateValue {
  const [head, ...rest] = cmd;
  if (head?.k === 'fn') {
    // and/or evaluate lazily in Go; evaluating all arguments differs only in which error shows.
    return call(head.name, rest.map((op) => operand(op, data)), piped);
  }
  if (!head || rest.length > 0 || piped !== undefined) {
    throw new AquaEvalError('template command gives arguments to a value that is not a function');
  }
  return operand(head, data);
}

function pipeline(pipe: Pipeline, data: TemplateData): TemplateValue {
  let value: TemplateValue | undefined;
  for (const cmd of pipe) value = command(cmd, data, value);
  return value ?? null;
}

/** How Go's fmt prints a value in a template. */
function print(value: TemplateValue): string {
  if (value === null) return '<nil>';
  if (Array.isArray(value)) return `[${value.map(print).join(' ')}]`;
  if (typeof value === 'object') return `map[${Object.keys(value).sort().map((key) => `${key}:${print(value[key]!)}`).join(' ')}]`;
  return String(value);
}

/** Renders parsed nodes; throws AquaEvalError or AquaUnsupportedError. */
export function execTemplate(nodes: TemplateNode[], data: TemplateData): string {
  let out = '';
  for (const node of nodes) {
    if (node.k === 'text') out += node.text;
    else if (node.k === 'output') out += print(pipeline(node.pipeline, data));
    else out += execTemplate(truthy(pipeline(node.cond, data)) ? node.then : node.else, data);
  }
  return out;
}
