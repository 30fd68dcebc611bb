/**
 * The lock format (`.tools.lock` beside a project's `.tools`, `tools.lock`
 * beside the user's declared set): per tool the exact version and tag, per
 * platform the asset and its hash, so another machine installs the same bytes
 * without asking the GitHub API anything.
 *
 * The text is JSON written by hand rather than by JSON.stringify, because the
 * layout is part of the contract: keys sorted (except `assets`, last in each
 * tool so the scalars read first), two-space indentation, and each platform
 * entry on one line, so that a re-lock of one asset is a one-line diff and two
 * branches that touched different tools merge without conflicts.
 */
import { ToolError } from '../core/errors.js';
import { lineAt, syntaxErrorDetail, syntaxErrorOffset, validateLock } from './lock-validate.js';

export interface LockedAsset {
  name: string;
  url: string;
  size: number;
  /** Lowercase hex; null when nothing vouched for the bytes (hashSource 'none'). */
  sha256: string | null;
  /** 'digest' | 'checksum-file:<asset name>' | 'downloaded' | 'none' | 'self-update' */
  hashSource: string;
  /**
   * What this platform's asset's GitHub attestation check found when it was locked
   * (core/attestation.ts attestationToken): "verified:<owner/repo/workflow>@<ref>",
   * "absent", "failed:<what>", "unchecked:<why>". Absent in locks written before it was recorded.
   */
  attestation?: string;
}

/** A platform the release has no usable asset for; `missing` says why. */
export interface LockedGap {
  missing: string;
}

export type LockedPlatform = LockedAsset | LockedGap;

export interface LockedTool {
  repo: string;
  spec: string;
  tag: string;
  version: string;
  /** Keyed by platform, e.g. "linux-x64", "linux-x64-musl", "darwin-arm64". */
  assets: Record<string, LockedPlatform>;
}

export interface Lockfile {
  lockVersion: 1;
  platforms: string[];
  tools: Record<string, LockedTool>;
}

export const DEFAULT_LOCK_PLATFORMS: readonly string[] = ['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64'];

export function isLockedAsset(platform: LockedPlatform): platform is LockedAsset {
  return !('missing' in platform);
}

const INDENT = '  ';
const quote = (value: string): string => JSON.stringify(value);

/** Plain UTF-16 order; localeCompare would make the bytes depend on the machine's locale. */
function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Case-insensitive first so `yt-dlp` does not sort after every capitalised owner/repo. */
function compareToolIds(a: string, b: string): number {
  return compareCodeUnits(a.toLowerCase(), b.toLowerCase()) || compareCodeUnits(a, b);
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareCodeUnits);
}

/** `{`, one `"key": value` line per entry one level deeper, `}`; `{}` when empty. */
function block(entries: ReadonlyArray<readonly [string, string]>, depth: number): string {
  if (entries.length === 0) return '{}';
  const pad = INDENT.repeat(depth + 1);
  const body = entries.map(([key, value]) => `${pad}${quote(key)}: ${value}`).join(',\n');
  return `{\n${body}\n${INDENT.repeat(depth)}}`;
}

/** One line per platform: the unit a re-lock changes. */
function platformLine(entry: LockedPlatform): string {
  if (!isLockedAsset(entry)) return `{"missing": ${quote(entry.missing)}}`;
  const sha256 = entry.sha256 === null ? 'null' : quote(entry.sha256);
  const attestation = entry.attestation === undefined ? '' : `"attestation": ${quote(entry.attestation)}, `;
  return (
    `{${attestation}"hashSource": ${quote(entry.hashSource)}, "name": ${quote(entry.name)}, ` +
    `"sha256": ${sha256}, "size": ${JSON.stringify(entry.size)}, "url": ${quote(entry.url)}}`
  );
}

function toolBlock(tool: LockedTool): string {
  const assets = Object.entries(tool.assets)
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([platform, entry]) => [platform, platformLine(entry)] as const);
  return block(
    [
      ['repo', quote(tool.repo)],
      ['spec', quote(tool.spec)],
      ['tag', quote(tool.tag)],
      ['version', quote(tool.version)],
      ['assets', block(assets, 3)],
    ],
    2,
  );
}

/** The lock as text: the same bytes for the same content, whatever order it was built in. */
export function serializeLock(lock: Lockfile): string {
  const tools = Object.entries(lock.tools)
    .sort(([a], [b]) => compareToolIds(a, b))
    .map(([id, tool]) => [id, toolBlock(tool)] as const);
  const root = block(
    [
      ['lockVersion', JSON.stringify(lock.lockVersion)],
      ['platforms', `[${sortedUnique(lock.platforms).map(quote).join(', ')}]`],
      ['tools', block(tools, 1)],
    ],
    0,
  );
  return `${root}\n`;
}

/**
 * Read and fully validate a lock. Any problem, from a stray comma to a
 * relative URL, is TOOL_BAD_LOCK naming `path` and the line it sits on.
 */
export function parseLock(text: string, path: string): Lockfile {
  // Editors on Windows may add a BOM, which JSON.parse rejects; it is on line 1 so lines stay right.
  const body = text.replace(/^\uFEFF/, '');
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = lineAt(body, syntaxErrorOffset(body, message));
    throw new ToolError('TOOL_BAD_LOCK', `${path} line ${line}: not valid JSON (${syntaxErrorDetail(message)})`, {
      hint: 'Run `tool lock` to rewrite it',
      cause: error,
    });
  }
  return validateLock(value, body, path);
}

export function emptyLock(platforms: readonly string[] = DEFAULT_LOCK_PLATFORMS): Lockfile {
  return { lockVersion: 1, platforms: sortedUnique(platforms), tools: {} };
}

/** A copy of the lock with `id` set to `tool` (added or replaced). */
export function withTool(lock: Lockfile, id: string, tool: LockedTool): Lockfile {
  // A computed key defines an own property even for "__proto__", unlike plain assignment.
  return { ...lock, platforms: [...lock.platforms], tools: { ...lock.tools, [id]: tool } };
}

/** A copy of the lock without `id`; the same content when it was not there. */
export function withoutTool(lock: Lockfile, id: string): Lockfile {
  const tools = Object.fromEntries(Object.entries(lock.tools).filter(([key]) => key !== id));
  return { ...lock, platforms: [...lock.platforms], tools };
}
