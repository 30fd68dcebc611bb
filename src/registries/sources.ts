/**
 * Which registries name tools, in which order: TOOL_REGISTRIES, a comma list
 * of `builtin` (registry/ shipped with tool: self-update, version commands),
 * `aqua` (aqua's standard registry; `aqua@v4.300.0` pins a ref), a path to a
 * registry file in aqua's format, or an https URL of one. `none` leaves only
 * the heuristic for owner/repo. Default: builtin, then aqua.
 */
import { isAbsolute, resolve } from 'node:path';
import { ToolError } from '../core/errors.js';

export type RegistrySource =
  | { kind: 'builtin' }
  | { kind: 'aqua'; ref: string | undefined }
  | { kind: 'file'; path: string }
  | { kind: 'url'; url: string };

export const DEFAULT_REGISTRIES = 'builtin,aqua';

function sourceOf(item: string, text: string): RegistrySource {
  if (item === 'builtin') return { kind: 'builtin' };
  if (item === 'aqua') return { kind: 'aqua', ref: undefined };
  const pinned = /^aqua@([\w.\-/]+)$/.exec(item);
  if (pinned) return { kind: 'aqua', ref: pinned[1]! };
  if (/^https:\/\//.test(item) || /^http:\/\/(127\.\d+\.\d+\.\d+|localhost|\[::1\])[:/]/.test(item)) return { kind: 'url', url: item };
  if (item.startsWith('file:')) return { kind: 'file', path: resolve(item.slice('file:'.length)) };
  if (isAbsolute(item)) return { kind: 'file', path: item };
  throw new ToolError('TOOL_BAD_SETTING', `TOOL_REGISTRIES="${text}": "${item}" is not a registry`, {
    hint: 'Use builtin, aqua, aqua@<ref>, an absolute path or https URL of a registry.yaml, or none',
  });
}

export function parseRegistrySources(text: string | undefined): RegistrySource[] {
  const value = (text ?? '').trim() || DEFAULT_REGISTRIES;
  if (value === 'none') return [];
  return value.split(',').map((item) => item.trim()).filter(Boolean).map((item) => sourceOf(item, value));
}

/** A short name for messages and cache directories: "aqua@v4.300.0", "file:/etc/tool/registry.yaml". */
export function registrySourceName(source: RegistrySource): string {
  switch (source.kind) {
    case 'builtin':
      return 'builtin';
    case 'aqua':
      return source.ref ? `aqua@${source.ref}` : 'aqua';
    case 'file':
      return `file:${source.path}`;
    case 'url':
      return source.url;
  }
}
