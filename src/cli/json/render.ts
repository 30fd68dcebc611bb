/**
 * The contract as README text: one compact, TypeScript-like line per command,
 * named shapes written once, and the glossary that gives each field name its
 * one meaning. test/unit/cli/json-contract.test.ts keeps README.md equal to it.
 */
import type { CommandContract, Shape } from './schema.js';

export function shapeText(shape: Shape, top = false): string {
  switch (shape.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return shape.kind;
    case 'literal':
      return JSON.stringify(shape.value);
    case 'anyObject':
      return 'object';
    case 'array': {
      const inner = shapeText(shape.of);
      return shape.of.kind === 'oneOf' ? `(${inner})[]` : `${inner}[]`;
    }
    case 'record':
      return `{[key]: ${shapeText(shape.of)}}`;
    case 'oneOf':
      return shape.options.map((option) => shapeText(option)).join(' | ');
    case 'named':
      return top ? shapeText(shape.shape) : shape.name;
    case 'object':
      return `{${Object.entries(shape.fields).map(([key, field]) => `${key}: ${shapeText(field)}`).join(', ')}}`;
  }
}

/** Every named shape reachable from `shape`, each once, in first-seen order. */
export function namedShapes(shape: Shape, found = new Map<string, Shape>()): Map<string, Shape> {
  const visit = (inner: Shape): void => {
    if (inner.kind === 'named') {
      if (found.has(inner.name)) return;
      found.set(inner.name, inner);
      visit(inner.shape);
    } else if (inner.kind === 'array' || inner.kind === 'record') visit(inner.of);
    else if (inner.kind === 'oneOf') inner.options.forEach(visit);
    else if (inner.kind === 'object') Object.values(inner.fields).forEach(visit);
  };
  visit(shape);
  return found;
}

/** Every field name the contract uses, for the glossary check. */
export function fieldNames(shape: Shape, found = new Set<string>()): Set<string> {
  if (shape.kind === 'object') {
    for (const [key, field] of Object.entries(shape.fields)) {
      found.add(key);
      fieldNames(field, found);
    }
  } else if (shape.kind === 'array' || shape.kind === 'record') fieldNames(shape.of, found);
  else if (shape.kind === 'oneOf') shape.options.forEach((option) => fieldNames(option, found));
  else if (shape.kind === 'named') fieldNames(shape.shape, found);
  return found;
}

export function contractMarkdown(contracts: readonly CommandContract[], glossary: Record<string, string>): string {
  const named = new Map<string, Shape>();
  for (const contract of contracts) namedShapes(contract.shape, named);
  const commands = contracts.map((c) => `- \`${c.command}\` (format ${c.formatVersion}): \`${shapeText(c.shape, true)}\`${c.note ? `. ${c.note}` : ''}`);
  const shapes = [...named.values()].map((shape) => `- \`${(shape as { name: string }).name}\`: \`${shapeText(shape, true)}\``);
  const words = Object.entries(glossary).map(([name, meaning]) => `| \`${name}\` | ${meaning} |`);
  return [...commands, '', 'Shapes used by several commands:', '', ...shapes, '', '| field | meaning, the same in every command |', '|---|---|', ...words].join('\n');
}
