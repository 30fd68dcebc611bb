/**
 * Writing one tool's setting into the settings file (`$TOOL_CONFIG_DIR/settings`)
 * the way a person would: the line in the tool's own `[section]` changes in
 * place, else the section gets the line, else a new section is appended at the
 * end. Every other byte stays (comments, order, CRLF); a symlinked file is
 * written through to its target, under its editing lock (text-file.ts).
 */
import { join } from 'node:path';
import type { AppContext } from '../app/context.js';
import { parseSettingsFile, SETTINGS_FILE_NAME } from '../env/settings-file.js';
import { editUserFile } from './text-file.js';

export interface ToolSetting {
  /** The section written for a new one: the tool's name. */
  section: string;
  /** Every name an existing section may use for the tool (any letter case). */
  aliases: readonly string[];
  key: string;
  value: string;
}

export interface SettingWritten {
  path: string;
  /** 1-based line of `key = value`. */
  line: number;
  changed: boolean;
}

function content(line: string): string {
  const hash = line.indexOf('#');
  return (hash < 0 ? line : line.slice(0, hash)).trim();
}

function sectionName(line: string): string | undefined {
  const text = content(line);
  return text.startsWith('[') && text.endsWith(']') ? text.slice(1, -1).trim().toLowerCase() : undefined;
}

function keyOf(line: string): string | undefined {
  const text = content(line);
  const equals = text.indexOf('=');
  return equals < 0 ? undefined : text.slice(0, equals).trim();
}

/** The text with the setting in place, and the (0-based) index of its line. Pure. */
export function withToolSetting(text: string, setting: ToolSetting): { text: string; index: number } {
  const cr = text.includes('\r\n') ? '\r' : '';
  const lines = text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  const written = `${setting.key} = ${setting.value}${cr}`;
  const names = new Set(setting.aliases.map((alias) => alias.toLowerCase()));
  const header = lines.findIndex((line) => names.has(sectionName(line) ?? '\0'));
  if (header < 0) {
    const gap = lines.length > 0 && content(lines[lines.length - 1]!) !== '' ? [cr] : [];
    const added = [...lines, ...gap, `[${setting.section}]${cr}`, written];
    return { text: `${added.join('\n')}\n`, index: added.length - 1 };
  }
  let end = lines.findIndex((line, index) => index > header && sectionName(line) !== undefined);
  if (end < 0) end = lines.length;
  const own = lines.slice(header + 1, end).findIndex((line) => keyOf(line) === setting.key);
  const index = own < 0 ? header + 1 : header + 1 + own;
  const comment = own < 0 ? '' : commentOf(lines[index]!);
  lines.splice(index, own < 0 ? 0 : 1, comment ? `${setting.key} = ${setting.value}  ${comment}${cr}` : written);
  return { text: `${lines.join('\n')}\n`, index };
}

function commentOf(line: string): string {
  const hash = line.indexOf('#');
  return hash < 0 ? '' : line.slice(hash).replace(/\r$/, '').trim();
}

/** Record a tool's setting in the settings file; the result must still parse, or nothing is written. */
export async function recordToolSetting(ctx: AppContext, setting: ToolSetting): Promise<SettingWritten> {
  const path = join(ctx.settings.configDir, SETTINGS_FILE_NAME);
  let line = 0;
  const changed = await editUserFile(path, 'the settings file', (before) => {
    const edited = withToolSetting(before ?? '', setting);
    parseSettingsFile(edited.text, path);
    line = edited.index + 1;
    return edited.text;
  });
  return { path, line, changed };
}
