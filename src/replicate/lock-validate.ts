/**
 * Checks that parsed lock JSON has exactly the shape serializeLock writes, and
 * turns the first problem into TOOL_BAD_LOCK with a line number. JSON.parse
 * keeps no positions, so a semantic problem is placed by searching the text for
 * its JSON-quoted key after its parent's key: exact for files `tool lock`
 * wrote, a fair guess for hand-edited ones. Unknown fields are rejected because
 * a rewrite would silently drop them; new fields mean a new lockVersion.
 */
import { parseAttestationToken } from '../core/attestation.js';
import { ToolError } from '../core/errors.js';
import type { LockedPlatform, LockedTool, Lockfile } from './lock-file.js';

/** "linux-x64", "linux-x64-musl", "darwin-arm64": os-arch[-libc], lowercase. */
const PLATFORM = /^[a-z][a-z0-9]*-[a-z0-9]+(-[a-z0-9]+)?$/;
const SHA256 = /^[0-9a-f]{64}$/;
const URL_SCHEME = /^https?:\/\//;
const TOOL_FIELDS = ['repo', 'spec', 'tag', 'version', 'assets'] as const;
const ASSET_FIELDS = ['hashSource', 'name', 'sha256', 'size', 'url'] as const;

/** The text and file a problem is reported against, and the offset of the key being read. */
interface Spot {
  text: string;
  path: string;
  offset: number;
}

export function isLockPlatform(value: string): boolean {
  return PLATFORM.test(value);
}

/** 1-based line of a character offset. */
export function lineAt(text: string, offset: number): number {
  return text.slice(0, Math.max(0, offset)).split('\n').length;
}

// V8 shows this many characters either side of an unexpected token instead of its position.
const CONTEXT = 10;
const SNIPPET = /^Unexpected token '[\s\S]', (\.\.\.)?"([\s\S]*)"(\.\.\.)? is not valid JSON$/;

/**
 * Where JSON.parse failed, from its message. Node 20 gives "at position N" for
 * most errors but only a snippet for an unexpected token: the whole text when
 * short, else the 10 characters either side with `...` where it was cut.
 */
export function syntaxErrorOffset(text: string, message: string): number {
  // A truncated file fails at its very end; name its last line, not the empty one after the newline.
  const end = text.trimEnd().length;
  const position = /at position (\d+)/.exec(message);
  if (position) return Math.min(Number(position[1]), end);
  if (message.startsWith('Unexpected end of JSON input')) return end;
  const snippet = SNIPPET.exec(message);
  if (!snippet) return 0;
  const [, cutBefore, shown = '', cutAfter] = snippet;
  if (cutBefore && cutAfter) {
    const at = text.indexOf(shown);
    return at < 0 ? 0 : at + CONTEXT;
  }
  if (cutAfter) return shown.length - CONTEXT;
  if (cutBefore) return text.length - shown.length + CONTEXT;
  return 0;
}

/** The V8 message without its multi-line snippet, so the error stays one line. */
export function syntaxErrorDetail(message: string): string {
  return message.replace(/, (\.\.\.)?"[\s\S]*$/, '').replace(/\s+/g, ' ');
}

const REWRITE = 'Run `tool lock` to rewrite it';

function fail(spot: Spot, what: string, hint = REWRITE): never {
  throw new ToolError('TOOL_BAD_LOCK', `${spot.path} line ${lineAt(spot.text, spot.offset)}: ${what}`, { hint });
}

/** The spot of `"key":` after the current one; the current one when the key is not found as written. */
function at(spot: Spot, key: string): Spot {
  const quoted = JSON.stringify(key);
  const colon = /\s*:/y;
  for (let found = spot.text.indexOf(quoted, spot.offset); found >= 0; found = spot.text.indexOf(quoted, found + 1)) {
    colon.lastIndex = found + quoted.length;
    if (colon.test(spot.text)) return { ...spot, offset: found };
  }
  return spot;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** An object with exactly these fields. */
function record(spot: Spot, value: unknown, what: string, fields: readonly string[]): Record<string, unknown> {
  if (!isRecord(value)) fail(spot, `${what} must be an object, not ${show(value)}`);
  const unknown = Object.keys(value).find((key) => !fields.includes(key));
  if (unknown !== undefined) fail(at(spot, unknown), `${what} has an unknown field ${show(unknown)}`);
  const missing = fields.find((field) => !Object.hasOwn(value, field));
  if (missing !== undefined) fail(spot, `${what} has no "${missing}"`);
  return value;
}

function nonEmpty(spot: Spot, value: unknown, what: string): string {
  if (typeof value !== 'string' || value === '') fail(spot, `${what} must be a non-empty string, not ${show(value)}`);
  return value;
}

function platformKey(spot: Spot, value: unknown, what: string): string {
  if (typeof value !== 'string' || !PLATFORM.test(value)) {
    fail(spot, `${what} ${show(value)} is not a platform like "linux-x64", "linux-x64-musl" or "darwin-arm64"`);
  }
  return value;
}

function readPlatforms(spot: Spot, value: unknown): string[] {
  if (!Array.isArray(value)) fail(spot, `"platforms" must be an array, not ${show(value)}`);
  const platforms = value.map((item: unknown) => platformKey(spot, item, '"platforms" entry'));
  const twice = platforms.find((platform, index) => platforms.indexOf(platform) !== index);
  if (twice !== undefined) fail(spot, `"platforms" lists ${twice} twice`);
  return platforms;
}

function readEntry(spot: Spot, value: unknown, what: string): LockedPlatform {
  if (isRecord(value) && 'missing' in value) {
    const gap = record(spot, value, what, ['missing']);
    if (typeof gap.missing !== 'string') fail(spot, `${what} "missing" must be a string, not ${show(gap.missing)}`);
    return { missing: gap.missing };
  }
  // `attestation` is optional: locks written before attestations were checked lack it.
  const raw = record(spot, value, what, isRecord(value) && Object.hasOwn(value, 'attestation') ? [...ASSET_FIELDS, 'attestation'] : ASSET_FIELDS);
  const attestation = raw.attestation === undefined ? undefined : nonEmpty(spot, raw.attestation, `${what} attestation`);
  if (attestation !== undefined && !parseAttestationToken(attestation)) {
    fail(spot, `${what} attestation ${show(attestation)} is not "verified:<owner>/<repo>/.github/workflows/<file>[@<ref>]", "absent", "failed:<why>" or "unchecked:<why>"`);
  }
  const name = nonEmpty(spot, raw.name, `${what} name`);
  const url = nonEmpty(spot, raw.url, `${what} url`);
  if (!URL_SCHEME.test(url)) fail(spot, `${what} url must start with https:// or http://, not ${show(url)}`);
  const { size, sha256 } = raw;
  if (typeof size !== 'number' || !Number.isSafeInteger(size) || size < 0) {
    fail(spot, `${what} size must be a whole number of bytes, not ${show(size)}`);
  }
  if (sha256 !== null && (typeof sha256 !== 'string' || !SHA256.test(sha256))) {
    fail(spot, `${what} sha256 must be 64 lowercase hex digits or null, not ${show(sha256)}`);
  }
  return { ...(attestation === undefined ? {} : { attestation }), hashSource: nonEmpty(spot, raw.hashSource, `${what} hashSource`), name, sha256, size, url };
}

function readTool(spot: Spot, value: unknown, id: string): LockedTool {
  const what = `tool ${show(id)}`;
  const raw = record(spot, value, what, TOOL_FIELDS);
  const repo = nonEmpty(spot, raw.repo, `${what} repo`);
  const spec = nonEmpty(spot, raw.spec, `${what} spec`);
  const tag = nonEmpty(spot, raw.tag, `${what} tag`);
  const version = nonEmpty(spot, raw.version, `${what} version`);
  const assetsSpot = at(spot, 'assets');
  if (!isRecord(raw.assets)) fail(assetsSpot, `${what} "assets" must be an object, not ${show(raw.assets)}`);
  const assets = Object.entries(raw.assets).map(([platform, entry]) => {
    const entrySpot = at(assetsSpot, platform);
    platformKey(entrySpot, platform, `${what} asset key`);
    return [platform, readEntry(entrySpot, entry, `${what} ${platform}`)] as const;
  });
  return { repo, spec, tag, version, assets: Object.fromEntries(assets) };
}

/** Parsed JSON → Lockfile, or TOOL_BAD_LOCK for the first thing that is not exactly right. */
export function validateLock(value: unknown, source: string, path: string): Lockfile {
  const top: Spot = { text: source, path, offset: 0 };
  // The version comes first: another lockVersion may have other fields.
  if (isRecord(value) && Object.hasOwn(value, 'lockVersion') && value.lockVersion !== 1) {
    // Rewriting a newer lock would downgrade it for everyone else who uses it.
    const newer = typeof value.lockVersion === 'number' && value.lockVersion > 1;
    const what = `lockVersion ${show(value.lockVersion)} is not supported; this tool reads lockVersion 1`;
    fail(at(top, 'lockVersion'), what, newer ? `Upgrade tool to read it, or ${REWRITE.toLowerCase()}` : REWRITE);
  }
  const root = record(top, value, 'the lock', ['lockVersion', 'platforms', 'tools']);
  const platforms = readPlatforms(at(top, 'platforms'), root.platforms);
  const toolsSpot = at(top, 'tools');
  if (!isRecord(root.tools)) fail(toolsSpot, `"tools" must be an object, not ${show(root.tools)}`);
  const tools = Object.entries(root.tools).map(([id, tool]) => {
    const toolSpot = at(toolsSpot, id);
    if (id === '') fail(toolSpot, 'a tool has an empty name');
    return [id, readTool(toolSpot, tool, id)] as const;
  });
  // fromEntries defines own properties: assigning a tool id "__proto__" would set the prototype instead.
  return { lockVersion: 1, platforms, tools: Object.fromEntries(tools) };
}
