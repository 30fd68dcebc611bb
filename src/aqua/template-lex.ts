/**
 * Splits a Go text/template into text and `{{ … }}` actions, and an action into
 * tokens. Covers what aqua's registry writes: fields (.Version, .Vars.channel),
 * strings, integers, function names, `|` pipes, parentheses followed by a field
 * ((semver .Version).Major), `{{-`/`-}}` trim markers and comments.
 */
import { AquaUnsupportedError } from './errors.js';

export type TemplatePiece = { kind: 'text'; text: string } | { kind: 'action'; source: string };

export type ActionToken =
  | { kind: 'field'; path: string[] }
  | { kind: 'dot' }
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: '|' | '(' | ')' };

/** Text and actions in order; trim markers already applied to the neighbouring text. */
export function splitTemplate(template: string): TemplatePiece[] {
  const pieces: TemplatePiece[] = [];
  let rest = template;
  let trimNext = false;
  while (rest.length > 0) {
    const open = rest.indexOf('{{');
    let text = open < 0 ? rest : rest.slice(0, open);
    if (trimNext) text = text.replace(/^\s+/, '');
    const trimLeft = open >= 0 && /^\{\{- /.test(rest.slice(open));
    if (trimLeft) text = text.replace(/\s+$/, '');
    if (text) pieces.push({ kind: 'text', text });
    if (open < 0) break;
    const close = rest.indexOf('}}', open + 2);
    if (close < 0) throw new AquaUnsupportedError(`unclosed action in template ${JSON.stringify(template)}`);
    let source = rest.slice(open + 2, close);
    if (trimLeft) source = source.slice(2);
    trimNext = / -$/.test(source);
    if (trimNext) source = source.slice(0, -2);
    if (!/^\s*\/\*[\s\S]*\*\/\s*$/.test(source)) pieces.push({ kind: 'action', source });
    rest = rest.slice(close + 2);
  }
  return pieces;
}

const GO_ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', "'": "'" };

function readQuoted(source: string, start: number): { value: string; end: number } {
  const quote = source[start]!;
  let i = start + 1;
  let value = '';
  while (i < source.length && source[i] !== quote) {
    if (quote === '"' && source[i] === '\\') {
      const escaped = GO_ESCAPES[source[i + 1] ?? ''];
      if (escaped === undefined) throw new AquaUnsupportedError(`string escape in template action {{${source}}}`);
      value += escaped;
      i += 2;
    } else {
      value += source[i];
      i++;
    }
  }
  if (i >= source.length) throw new AquaUnsupportedError(`unterminated string in template action {{${source}}}`);
  return { value, end: i + 1 };
}

/** Tokens of one action's source; AquaUnsupportedError names anything outside the subset. */
export function lexAction(source: string): ActionToken[] {
  const tokens: ActionToken[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = rest[0]!;
    let match: RegExpExecArray | null;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === '`') {
      const { value, end } = readQuoted(source, i);
      tokens.push({ kind: 'string', value });
      i = end;
    } else if ((match = /^(\.[A-Za-z_][A-Za-z0-9_]*)+/.exec(rest))) {
      tokens.push({ kind: 'field', path: match[0].slice(1).split('.') });
      i += match[0].length;
    } else if (ch === '.') {
      tokens.push({ kind: 'dot' });
      i++;
    } else if ((match = /^-?[0-9]+/.exec(rest))) {
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if ((match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(rest))) {
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else if (ch === '|' || ch === '(' || ch === ')') {
      tokens.push({ kind: 'punct', value: ch });
      i++;
    } else {
      throw new AquaUnsupportedError(`"${ch}" in template action {{${source}}}`);
    }
  }
  return tokens;
}
