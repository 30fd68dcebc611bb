/**
 * Typed reads of one field from a plain YAML value, with go-yaml's leniency:
 * a number or boolean written where a string belongs is read as its text, and
 * a bool field also takes yes/no/on/off. null and a missing key both read as
 * undefined (Go's nil), while "" and [] stay present, because aqua's merge
 * rules treat an empty value as set. A wrong shape throws ToolError naming
 * the registry line and the field path.
 */
import { ToolError } from '../core/errors.js';
import type { Opaque } from './types.js';

export type Plain = Opaque;
export type PlainMap = { [key: string]: Plain };

/** Where a value sits, for messages: "registry.yaml line 120 (package cli/cli)" plus a field path. */
export interface Where {
  at: string;
  path: string;
}

export function child(where: Where, key: string | number): Where {
  return { at: where.at, path: typeof key === 'number' ? `${where.path}[${key}]` : where.path ? `${where.path}.${key}` : key };
}

export function fail(where: Where, expected: string, value: Plain): never {
  const shown = JSON.stringify(value)?.slice(0, 60) ?? String(value);
  throw new ToolError('TOOL_BAD_REGISTRY', `${where.at}: field ${where.path} must be ${expected}, not ${shown}`, {
    hint: 'Fix that entry of the aqua registry (or refresh it from aquaproj/aqua-registry) and try again.',
  });
}

export function isMap(value: Plain | undefined): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function readMap(value: Plain | undefined, where: Where): PlainMap | undefined {
  if (value === undefined || value === null) return undefined;
  if (!isMap(value)) fail(where, 'a mapping', value);
  return value;
}

export function readString(map: PlainMap, key: string, where: Where): string | undefined {
  const value = map[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return fail(child(where, key), 'a string', value);
}

const YAML_BOOLS: Record<string, boolean> = { true: true, yes: true, on: true, false: false, no: false, off: false };

export function readBool(map: PlainMap, key: string, where: Where): boolean | undefined {
  const value = map[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'boolean') return value;
  const parsed = typeof value === 'string' ? YAML_BOOLS[value.toLowerCase()] : undefined;
  if (parsed === undefined) fail(child(where, key), 'true or false', value);
  return parsed;
}

export function readList<T>(map: PlainMap, key: string, where: Where, item: (value: Plain, where: Where) => T): T[] | undefined {
  const value = map[key];
  if (value === undefined || value === null) return undefined;
  if (!Array.isArray(value)) fail(child(where, key), 'a list', value);
  return value.map((entry, i) => item(entry, child(child(where, key), i)));
}

export function readStringList(map: PlainMap, key: string, where: Where): string[] | undefined {
  return readList(map, key, where, (value, at) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    return fail(at, 'a string', value);
  });
}

/** A string → string map (replacements); a null value reads as "" like Go's map[string]string. */
export function readStringMap(map: PlainMap, key: string, where: Where): Record<string, string> | undefined {
  const value = readMap(map[key], child(where, key));
  if (!value) return undefined;
  const out: Record<string, string> = {};
  for (const name of Object.keys(value)) {
    const text = value[name] === null ? '' : readString(value, name, child(where, key));
    Object.defineProperty(out, name, { value: text, enumerable: true, writable: true, configurable: true });
  }
  return out;
}

export function readOpaque(map: PlainMap, key: string): Opaque | undefined {
  const value = map[key];
  return value === undefined || value === null ? undefined : value;
}

/** Copies defined values only, so the index JSON stays small and `key in obj` means "set". */
export function compact<T extends object>(value: T): T {
  for (const key of Object.keys(value) as (keyof T)[]) if (value[key] === undefined) delete value[key];
  return value;
}
