/**
 * The settings file, `$TOOL_CONFIG_DIR/settings`: what a fleet shares in its
 * dotfiles beside the declared set (a CA file, URL rewrites, a release cooldown).
 * One `key = value` per line, `#` comments, and `[name]` sections whose lines
 * apply to one tool only:
 *
 *   min-release-age = 3d
 *   [yt-dlp]
 *   min-release-age = 0
 *
 * This module knows the keys and where each may stand; what a value means is
 * parsed by the module that uses it, which reports a bad one with
 * `settingError` so the message names the file and line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ToolError } from '../core/errors.js';

export interface SettingEntry {
  key: string;
  value: string;
  /** The tool section the line stands in; undefined at top level. */
  tool: string | undefined;
  path: string;
  /** 1-based. */
  line: number;
}

export interface SettingsFile {
  path: string;
  /** In file order; absent file: none. */
  entries: SettingEntry[];
}

/** Every key there is, and whether a tool section may hold it. */
const KEYS: Record<string, { perTool: boolean; repeatable: boolean }> = {
  'min-release-age': { perTool: true, repeatable: false },
  attestations: { perTool: true, repeatable: false },
  'ca-file': { perTool: false, repeatable: false },
  'url-rewrite': { perTool: false, repeatable: true },
};

export const SETTINGS_FILE_NAME = 'settings';

export function settingError(entry: SettingEntry, message: string, hint: string): ToolError {
  return new ToolError('TOOL_BAD_SETTING', `${entry.path} line ${entry.line}: ${message}`, { hint });
}

function lineError(path: string, line: number, message: string, hint: string): ToolError {
  return new ToolError('TOOL_BAD_SETTING', `${path} line ${line}: ${message}`, { hint });
}

function stripComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash < 0 ? line : line.slice(0, hash)).trim();
}

function readSection(text: string, path: string, line: number): string {
  const name = text.slice(1, -1).trim();
  if (!/^[A-Za-z0-9][\w.-]*(\/[\w.-]+)?$/.test(name)) {
    throw lineError(path, line, `"${text}" is not a tool section`, 'Write [name] or [owner/repo] to start settings for one tool');
  }
  return name;
}

function readEntry(text: string, tool: string | undefined, path: string, line: number): SettingEntry {
  const equals = text.indexOf('=');
  if (equals < 0) throw lineError(path, line, `"${text}" has no "="`, 'Write key = value');
  const key = text.slice(0, equals).trim();
  const known = KEYS[key];
  if (known === undefined) {
    throw lineError(path, line, `unknown setting "${key}"`, `Known settings: ${Object.keys(KEYS).join(', ')}`);
  }
  if (tool !== undefined && !known.perTool) {
    throw lineError(path, line, `"${key}" applies to every tool, not to [${tool}] alone`, `Move it above the first [section]`);
  }
  return { key, value: text.slice(equals + 1).trim(), tool, path, line };
}

function rejectRepeats(entries: SettingEntry[]): void {
  const seen = new Map<string, SettingEntry>();
  for (const entry of entries) {
    if (KEYS[entry.key]!.repeatable) continue;
    const where = `${entry.tool ?? ''}\0${entry.key}`;
    const earlier = seen.get(where);
    if (earlier !== undefined) {
      throw settingError(entry, `"${entry.key}" is set again (first on line ${earlier.line})`, 'Keep one of the two lines');
    }
    seen.set(where, entry);
  }
}

export function parseSettingsFile(text: string, path: string): SettingsFile {
  const entries: SettingEntry[] = [];
  let tool: string | undefined;
  text.split(/\r?\n/).forEach((raw, index) => {
    const content = stripComment(raw);
    if (content === '') return;
    if (content.startsWith('[') && content.endsWith(']')) tool = readSection(content, path, index + 1);
    else entries.push(readEntry(content, tool, path, index + 1));
  });
  rejectRepeats(entries);
  return { path, entries };
}

/** Read at start-up of every command: one open that usually fails with ENOENT. */
export function readSettingsFile(configDir: string): SettingsFile {
  const path = join(configDir, SETTINGS_FILE_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, entries: [] };
    throw new ToolError('TOOL_BAD_SETTING', `cannot read ${path}: ${(error as Error).message}`, {
      hint: 'Fix its permissions or remove it',
    });
  }
  return parseSettingsFile(text, path);
}

/**
 * The line for `key` in the section of a tool known by `names` (its name,
 * owner/repo and executables, so `[yt-dlp]` and `[yt-dlp/yt-dlp]` both work;
 * any letter case); undefined when its section does not set it.
 */
export function ownSetting(file: SettingsFile, key: string, names: readonly string[]): SettingEntry | undefined {
  const wanted = new Set(names.map((name) => name.toLowerCase()));
  return file.entries.find((entry) => entry.key === key && entry.tool !== undefined && wanted.has(entry.tool.toLowerCase()));
}

/** The line that governs `key` for a tool known by `names`: its own section first, then the top level. */
export function settingFor(file: SettingsFile, key: string, names: readonly string[] = []): SettingEntry | undefined {
  return ownSetting(file, key, names) ?? file.entries.find((entry) => entry.key === key && entry.tool === undefined);
}

/** Every line of a repeatable key, in file order. */
export function settingsAll(file: SettingsFile, key: string): SettingEntry[] {
  return file.entries.filter((entry) => entry.key === key);
}
