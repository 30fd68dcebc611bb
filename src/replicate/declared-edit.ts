/**
 * Text edits to the declared tool set that a careful person would make by
 * hand: touch only the lines that decide this tool on this machine and keep
 * every other byte (comments, blank lines, order, CRLF). The deciding line
 * follows entriesFor: among the lines whose section holds here, the last one
 * naming the tool. Lines in sections for other machines are never touched.
 */
import { conditionHolds, type MachineFacts } from './conditions.js';
import { parseDeclaredFile, type DeclaredFile, type DeclaredRule } from './declared-file.js';

export interface DeclaredTarget {
  /** Every name that means this tool, compared case-insensitively. */
  aliases: readonly string[];
  facts: MachineFacts;
  /** Named in the error when the text does not parse. */
  path?: string;
}

export interface DeclaredSet extends DeclaredTarget {
  /** The name to write; it replaces whichever alias the line used. */
  name: string;
  spec: string;
  /** Replaces the line's comment; blank removes it; omitted keeps the old one. */
  reason?: string;
}

export interface DeclaredCommentEdit extends DeclaredTarget {
  reason: string;
}

const DEFAULT_PATH = 'the declared tools file';

interface Located {
  file: DeclaredFile;
  /** Lines naming the tool whose section holds on this machine, in file order. */
  matches: DeclaredRule[];
  /** Raw lines; each keeps its own `\r`, so untouched lines survive byte for byte. */
  lines: string[];
  /** The line ending for lines we write. */
  cr: string;
}

function locate(text: string, target: DeclaredTarget): Located {
  const file = parseDeclaredFile(text, target.path ?? DEFAULT_PATH);
  const aliases = new Set(target.aliases.map((alias) => alias.toLowerCase()));
  const matches = file.entries.filter(
    (rule) => aliases.has(rule.name.toLowerCase()) && conditionHolds(rule.when, target.facts),
  );
  const cr = text.includes('\r\n') ? '\r' : '';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  const lines = text === '' ? [] : body.split('\n');
  // A last line without a break gets one of the file's kind when we write the text back.
  const lastIndex = lines.length - 1;
  if (!text.endsWith('\n') && lastIndex >= 0 && cr !== '') lines[lastIndex] = `${lines[lastIndex]}${cr}`;
  return { file, matches, lines, cr };
}

function joinLines(lines: readonly string[]): string {
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

/** One line of comment text: a newline inside a reason would start a new (bogus) entry. */
function cleanReason(reason: string): string {
  return reason.replace(/[\r\n]+/g, ' ').trim();
}

/**
 * `body` followed by the line's comment: the old one (with its original gap)
 * when no reason is given, else `# reason`; a blank reason drops the comment.
 */
function withComment(oldLine: string, body: string, reason: string | undefined): string {
  const hash = oldLine.indexOf('#');
  const gap = hash < 0 ? '' : (/[ \t]*$/.exec(oldLine.slice(0, hash))?.[0] ?? '');
  if (reason === undefined) return hash < 0 ? body : `${body}${gap}${oldLine.slice(hash)}`;
  const text = cleanReason(reason);
  return text === '' ? body : `${body}${gap === '' ? '  ' : gap}# ${text}`;
}

function skipBack(lines: readonly string[], index: number, skip: (line: string) => boolean): number {
  let at = index;
  while (at > 0 && skip(lines[at - 1] ?? '')) at -= 1;
  return at;
}

const isBlank = (line: string): boolean => line.trim() === '';
const isComment = (line: string): boolean => /^[ \t]*#/.test(line);

/**
 * Where a new top-level line goes: above the first header, above the blank
 * lines that separate the top part from it, and above comment lines stuck to
 * the header (they describe that section), unless those comments open the
 * file (then they describe the file). At the end when there is no header.
 */
function insertionIndex(lines: readonly string[], file: DeclaredFile): number {
  const header = file.sections[0];
  if (header === undefined) return lines.length;
  const aboveComments = skipBack(lines, skipBack(lines, header.line - 1, isComment), isBlank);
  return aboveComments > 0 ? aboveComments : skipBack(lines, header.line - 1, isBlank);
}

/**
 * Declare `name spec` for this machine. The line that decides the tool here
 * is rewritten in place (keeping its indentation, and its comment unless a
 * reason is given); with no such line a new one joins the top-level part.
 */
export function setDeclaredEntry(text: string, edit: DeclaredSet): string {
  const { file, matches, lines, cr } = locate(text, edit);
  const body = `${edit.name} ${edit.spec}`;
  const winner = matches.at(-1);
  if (winner === undefined) {
    lines.splice(insertionIndex(lines, file), 0, `${withComment('', body, edit.reason)}${cr}`);
    return joinLines(lines);
  }
  const oldLine = (lines[winner.line - 1] ?? '').replace(/\r$/, '');
  const indent = /^[ \t]*/.exec(oldLine)?.[0] ?? '';
  lines[winner.line - 1] = `${withComment(oldLine, `${indent}${body}`, edit.reason)}${cr}`;
  return joinLines(lines);
}

/**
 * Remove every line naming the tool whose section holds on this machine.
 * Returns the text unchanged (and removed 0) when there is none.
 */
export function removeDeclaredEntry(text: string, edit: DeclaredTarget): { text: string; removed: number } {
  const { matches, lines } = locate(text, edit);
  if (matches.length === 0) return { text, removed: 0 };
  const doomed = new Set(matches.map((rule) => rule.line - 1));
  return { text: joinLines(lines.filter((_, index) => !doomed.has(index))), removed: matches.length };
}

/**
 * Set the comment of the line that decides the tool here (a blank reason
 * removes it). Returns the text unchanged when no line decides it.
 */
export function setDeclaredComment(text: string, edit: DeclaredCommentEdit): string {
  const { matches, lines, cr } = locate(text, edit);
  const winner = matches.at(-1);
  if (winner === undefined) return text;
  const oldLine = (lines[winner.line - 1] ?? '').replace(/\r$/, '');
  const hash = oldLine.indexOf('#');
  const body = (hash < 0 ? oldLine : oldLine.slice(0, hash)).trimEnd();
  lines[winner.line - 1] = `${withComment(oldLine, body, edit.reason)}${cr}`;
  return joinLines(lines);
}
