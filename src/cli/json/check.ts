/**
 * Checks a parsed `--json` document against its contract, strictly: a missing
 * key, an extra key, or a value of another type is a problem. Returns every
 * problem with its path (`tools[0].source.kind`), empty when the document fits.
 */
import type { CommandContract, Shape } from './schema.js';

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function checkObject(value: unknown, fields: Record<string, Shape>, path: string): string[] {
  if (typeName(value) !== 'object') return [`${path}: expected an object, got ${typeName(value)}`];
  const record = value as Record<string, unknown>;
  const missing = Object.keys(fields).filter((key) => !(key in record)).map((key) => `${path}.${key}: missing`);
  const extra = Object.keys(record).filter((key) => !(key in fields)).map((key) => `${path}.${key}: not in the contract`);
  const inner = Object.entries(fields).filter(([key]) => key in record).flatMap(([key, shape]) => problemsOf(record[key], shape, `${path}.${key}`));
  return [...missing, ...extra, ...inner];
}

export function problemsOf(value: unknown, shape: Shape, path = '$'): string[] {
  switch (shape.kind) {
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return typeName(value) === shape.kind ? [] : [`${path}: expected ${shape.kind}, got ${typeName(value)}`];
    case 'literal':
      return value === shape.value ? [] : [`${path}: expected ${JSON.stringify(shape.value)}, got ${JSON.stringify(value)}`];
    case 'array':
      if (!Array.isArray(value)) return [`${path}: expected an array, got ${typeName(value)}`];
      return value.flatMap((item, index) => problemsOf(item, shape.of, `${path}[${index}]`));
    case 'object':
      return checkObject(value, shape.fields, path);
    case 'record':
      if (typeName(value) !== 'object') return [`${path}: expected an object, got ${typeName(value)}`];
      return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) => problemsOf(item, shape.of, `${path}.${key}`));
    case 'named':
      return problemsOf(value, shape.shape, path);
    case 'anyObject':
      return typeName(value) === 'object' ? [] : [`${path}: expected an object, got ${typeName(value)}`];
    case 'oneOf': {
      if (shape.options.every((option) => option.kind === 'literal')) {
        const values = shape.options.map((option) => (option as { value: unknown }).value);
        return values.includes(value as never) ? [] : [`${path}: expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)}`];
      }
      const tries = shape.options.map((option) => problemsOf(value, option, path));
      if (tries.some((problems) => problems.length === 0)) return [];
      // The option that came closest explains best what is wrong.
      return tries.reduce((best, problems) => (problems.length < best.length ? problems : best));
    }
  }
}

/** The whole document: `formatVersion` first, then the command's fields. */
export function documentProblems(document: unknown, contract: CommandContract): string[] {
  if (typeName(document) !== 'object') return [`$: expected an object, got ${typeName(document)}`];
  const { formatVersion, ...rest } = document as Record<string, unknown>;
  const version = formatVersion === contract.formatVersion ? [] : [`$.formatVersion: expected ${contract.formatVersion}, got ${JSON.stringify(formatVersion)}`];
  const first = Object.keys(document as object)[0] === 'formatVersion' ? [] : ['$: formatVersion is not the first key'];
  return [...version, ...first, ...problemsOf(rest, contract.shape)];
}
