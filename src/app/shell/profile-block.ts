/**
 * The block `tool setup` keeps in a shell startup file, as pure text edits:
 * found by its markers and replaced in place when its lines differ, left
 * alone when the file already puts the shims on PATH some other way (a line
 * written by hand from older advice), appended otherwise. Everything else in
 * the file stays byte for byte.
 */
import { ToolError } from '../../core/errors.js';

export const BLOCK_BEGIN = '# >>> tool setup: shims on PATH >>>';
export const BLOCK_END = '# <<< tool setup <<<';

export type ProfileAction = 'add' | 'update' | 'none';

export interface ProfilePlan {
  action: ProfileAction;
  /** 1-based line of the block, or of the line that already puts the shims on PATH. */
  line: number | undefined;
  /** The file's text after the edit (the same text for 'none'). */
  text: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Whether a line (not a comment) puts `shims` on PATH: it names the directory,
 * spelled out or through $HOME, ${HOME} or ~, and PATH or fish's path commands.
 */
export function putsShimsOnPath(line: string, shims: string, home: string): boolean {
  const code = line.trim();
  if (code.startsWith('#') || !/PATH|fish_add_path|fish_user_paths/.test(code)) return false;
  const expanded = code.replace(/\$\{HOME\}|\$HOME(?![A-Za-z0-9_])|~(?=\/)/g, home);
  return new RegExp(`${escapeRegExp(shims)}/?(?=$|[:"'\\s;)])`).test(expanded);
}

/** The line (1-based) in `text` that already puts the shims on PATH, if any. */
export function findShimsLine(text: string | undefined, shims: string, home: string): number | undefined {
  const index = (text ?? '').split('\n').findIndex((line) => putsShimsOnPath(line, shims, home));
  return index === -1 ? undefined : index + 1;
}

/** The block as written: markers around the shell's lines. */
export function blockLines(body: readonly string[]): string[] {
  return [BLOCK_BEGIN, ...body, BLOCK_END];
}

/** `file` is named in the error when the block has lost its end marker. */
export function planProfile(file: string, before: string | undefined, body: readonly string[], shims: string, home: string): ProfilePlan {
  const text = before ?? '';
  const lines = text.split('\n');
  const block = blockLines(body);
  const begin = lines.findIndex((line) => line.trim() === BLOCK_BEGIN);
  if (begin !== -1) {
    const end = lines.findIndex((line, index) => index > begin && line.trim() === BLOCK_END);
    if (end === -1) {
      throw new ToolError('TOOL_BAD_SETTING', `${file} has "${BLOCK_BEGIN}" at line ${begin + 1} but no "${BLOCK_END}" after it`, {
        hint: 'Remove that line or put the end marker back, then run `tool setup` again',
      });
    }
    const current = lines.slice(begin, end + 1);
    if (current.join('\n') === block.join('\n')) return { action: 'none', line: begin + 1, text };
    return { action: 'update', line: begin + 1, text: [...lines.slice(0, begin), ...block, ...lines.slice(end + 1)].join('\n') };
  }
  const existing = findShimsLine(text, shims, home);
  if (existing !== undefined) return { action: 'none', line: existing, text };
  const separator = text === '' ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
  return { action: 'add', line: text === '' ? 1 : `${text}${separator}`.split('\n').length, text: `${text}${separator}${block.join('\n')}\n` };
}
