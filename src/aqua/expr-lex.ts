/**
 * Tokens of the expr-lang subset that aqua's registry writes in
 * `version_constraint` and `version_filter` (github.com/expr-lang/expr).
 * Word operators (and, or, not, in, matches, contains, startsWith, endsWith,
 * let) are ordinary identifiers here; the parser gives them meaning.
 */
import { AquaUnsupportedError } from './errors.js';

export type ExprToken =
  | { kind: 'string'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'word'; value: string }
  | { kind: 'punct'; value: string }
  | { kind: 'end'; value: '' };

// Longest first, so "==" wins over "=".
const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '(', ')', '[', ']', '{', '}', ',', ';', '#', '!', '<', '>', '='];
const UNSUPPORTED_PUNCT = ['??', '?.', '..', '**', '::', '?', ':', '+', '-', '*', '/', '%', '^', '|', '.'];

const SIMPLE_ESCAPES: Record<string, string> = {
  a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\', "'": "'", '"': '"', '`': '`', '?': '?',
};

/** Go-style escapes as expr-lang's lexer applies them: "\\d" in the source is the regexp \d. */
function unescape(body: string, source: string): string {
  return body.replace(/\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|[0-7]{3}|.)/g, (_, code: string) => {
    const simple = SIMPLE_ESCAPES[code];
    if (simple !== undefined) return simple;
    if (/^[xuU]/.test(code)) return String.fromCodePoint(parseInt(code.slice(1), 16));
    if (/^[0-7]{3}$/.test(code)) return String.fromCodePoint(parseInt(code, 8));
    throw new AquaUnsupportedError(`string escape \\${code} in expression ${source}`);
  });
}

function readString(source: string, start: number): { token: ExprToken; end: number } {
  const quote = source[start]!;
  let i = start + 1;
  while (i < source.length && source[i] !== quote) i += quote !== '`' && source[i] === '\\' ? 2 : 1;
  if (i >= source.length) throw new AquaUnsupportedError(`unterminated string in expression ${source}`);
  const body = source.slice(start + 1, i);
  return { token: { kind: 'string', value: quote === '`' ? body : unescape(body, source) }, end: i + 1 };
}

/** Splits an expression into tokens; throws AquaUnsupportedError naming an operator outside the subset. */
export function lexExpr(source: string): ExprToken[] {
  const tokens: ExprToken[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '"' || ch === "'" || ch === '`') {
      const { token, end } = readString(source, i);
      tokens.push(token);
      i = end;
    } else if (/[0-9]/.test(ch)) {
      const match = /^[0-9]+(\.[0-9]+)?/.exec(source.slice(i))!;
      tokens.push({ kind: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_$]/.test(ch)) {
      const match = /^[A-Za-z_$][A-Za-z0-9_$]*/.exec(source.slice(i))!;
      tokens.push({ kind: 'word', value: match[0] });
      i += match[0].length;
    } else {
      const rest = source.slice(i);
      const punct = PUNCT.find((p) => rest.startsWith(p));
      const unsupported = UNSUPPORTED_PUNCT.find((p) => rest.startsWith(p));
      if (!punct || (unsupported && unsupported.length > punct.length)) {
        throw new AquaUnsupportedError(`operator "${unsupported ?? ch}" in expression ${source}`);
      }
      tokens.push({ kind: 'punct', value: punct });
      i += punct.length;
    }
  }
  tokens.push({ kind: 'end', value: '' });
  return tokens;
}
