/**
 * A small language for the shapes `--json` prints. The contract (contract-*.ts)
 * is written in it once; the README's "JSON output" section is rendered from it
 * (render.ts) and the tests check real output against it (check.ts), so the
 * documentation and the output cannot drift apart. Nothing here runs when a
 * command prints: the CLI builds plain objects.
 */

export type Shape =
  | { kind: 'string' | 'number' | 'boolean' | 'null' }
  | { kind: 'literal'; value: string | number | boolean }
  | { kind: 'array'; of: Shape }
  | { kind: 'object'; fields: Record<string, Shape> }
  | { kind: 'oneOf'; options: Shape[] }
  | { kind: 'named'; name: string; shape: Shape }
  /** Keys chosen by the data (a map), each value of one shape. */
  | { kind: 'record'; of: Shape }
  /** Any JSON object, documented elsewhere (a registry entry is the registry's own format). */
  | { kind: 'anyObject' };

export const str: Shape = { kind: 'string' };
export const num: Shape = { kind: 'number' };
export const bool: Shape = { kind: 'boolean' };
export const nul: Shape = { kind: 'null' };
export const anyObject: Shape = { kind: 'anyObject' };

export function lit(value: string | number | boolean): Shape {
  return { kind: 'literal', value };
}

export function arr(of: Shape): Shape {
  return { kind: 'array', of };
}

export function obj(fields: Record<string, Shape>): Shape {
  return { kind: 'object', fields };
}

export function record(of: Shape): Shape {
  return { kind: 'record', of };
}

export function oneOf(...options: Shape[]): Shape {
  return { kind: 'oneOf', options };
}

/** `shape` or null: absent values are null, never a missing key. */
export function orNull(shape: Shape): Shape {
  return oneOf(shape, nul);
}

/** One of these strings. */
export function enumOf(...values: string[]): Shape {
  return oneOf(...values.map((value) => lit(value)));
}

/** A shape with a name, rendered by that name and described once in the README. */
export function named(name: string, shape: Shape): Shape {
  return { kind: 'named', name, shape };
}

/** One command's document on stdout (or stderr, for errors). */
export interface CommandContract {
  /** As typed, e.g. "tool list --json". */
  command: string;
  /** Raised when a field is removed, renamed or changes meaning; adding a field keeps it. */
  formatVersion: number;
  /** The fields besides `formatVersion`, which every document starts with. */
  shape: Shape;
  /** One sentence a reader needs beyond the field names (the glossary has those). */
  note?: string;
}
