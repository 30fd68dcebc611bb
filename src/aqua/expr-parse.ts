/**
 * A precedence-climbing parser for aqua's expr-lang subset, with expr-lang's own
 * precedences (parser/operator/operator.go): or/|| 10, and/&& 15, comparisons
 * and the word operators 20, unary not/! 50. The trap this reproduces: unary
 * `not` binds tighter than `startsWith`, so `not Version startsWith "x"` means
 * `(not Version) startsWith "x"`, which expr-lang rejects as a type error.
 */
import { AquaUnsupportedError } from './errors.js';
import { lexExpr, type ExprToken } from './expr-lex.js';

export type ExprNode =
  | { k: 'lit'; value: string | number | boolean | null }
  | { k: 'ident'; name: string }
  | { k: 'pointer' }
  | { k: 'array'; items: ExprNode[] }
  | { k: 'not'; x: ExprNode }
  | { k: 'binary'; op: string; left: ExprNode; right: ExprNode }
  | { k: 'call'; name: string; args: ExprNode[] }
  | { k: 'closure'; body: ExprNode }
  | { k: 'let'; name: string; value: ExprNode; body: ExprNode };

const BINARY: Record<string, number> = {
  or: 10, '||': 10, and: 15, '&&': 15,
  '==': 20, '!=': 20, '<': 20, '>': 20, '<=': 20, '>=': 20,
  in: 20, matches: 20, contains: 20, startsWith: 20, endsWith: 20,
};
const NEGATABLE = new Set(['in', 'matches', 'contains', 'startsWith', 'endsWith']);
const ALIASES: Record<string, string> = { or: '||', and: '&&' };
const PREDICATE_BUILTINS = new Set(['any', 'all', 'none', 'one', 'filter', 'count']);

class Parser {
  private pos = 0;
  private closureDepth = 0;

  constructor(private readonly tokens: ExprToken[], private readonly source: string) {}

  private get current(): ExprToken {
    return this.tokens[this.pos]!;
  }

  private unsupported(what: string): never {
    throw new AquaUnsupportedError(`${what} in expression ${this.source}`);
  }

  private expect(value: string): void {
    if (this.current.value !== value || this.current.kind === 'string') this.unsupported(`expected "${value}" but found "${this.current.value}"`);
    this.pos++;
  }

  parseAll(): ExprNode {
    const node = this.expression(0);
    if (this.current.kind !== 'end') this.unsupported(`unexpected "${this.current.value}"`);
    return node;
  }

  private expression(precedence: number): ExprNode {
    if (precedence === 0 && this.isWord('let')) return this.letDeclaration();
    let left = this.primary();
    for (;;) {
      const token = this.current;
      if (token.kind !== 'word' && token.kind !== 'punct') break;
      let op = token.value;
      const negate = token.kind === 'word' && op === 'not';
      if (negate) {
        const next = this.tokens[this.pos + 1]!;
        if (next.kind !== 'word' || !NEGATABLE.has(next.value)) this.unsupported(`unexpected "not" before "${next.value}"`);
        if (BINARY[next.value]! < precedence) break;
        op = next.value;
        this.pos++;
      }
      const level = BINARY[op];
      if (level === undefined || level < precedence) break;
      this.pos++;
      const right = this.expression(level + 1);
      const node: ExprNode = { k: 'binary', op: ALIASES[op] ?? op, left, right };
      left = negate ? { k: 'not', x: node } : node;
    }
    return left;
  }

  private isWord(value: string): boolean {
    return this.current.kind === 'word' && this.current.value === value;
  }

  private letDeclaration(): ExprNode {
    this.pos++;
    const name = this.current;
    if (name.kind !== 'word') this.unsupported('let without a name');
    this.pos++;
    this.expect('=');
    const value = this.expression(0);
    this.expect(';');
    return { k: 'let', name: name.value, value, body: this.expression(0) };
  }

  private primary(): ExprNode {
    const token = this.current;
    this.pos++;
    if (token.kind === 'string' || token.kind === 'number') return { k: 'lit', value: token.value };
    if (token.kind === 'punct') return this.punctPrimary(token.value);
    if (token.kind === 'word') return this.wordPrimary(token.value);
    return this.unsupported('unexpected end');
  }

  private punctPrimary(value: string): ExprNode {
    if (value === '!') return { k: 'not', x: this.expression(50) };
    if (value === '(') {
      const inner = this.expression(0);
      this.expect(')');
      return inner;
    }
    if (value === '[') return { k: 'array', items: this.list(']') };
    if (value === '#' && this.closureDepth > 0) return { k: 'pointer' };
    return this.unsupported(`unexpected "${value}"`);
  }

  private wordPrimary(name: string): ExprNode {
    if (name === 'not') return { k: 'not', x: this.expression(50) };
    if (name === 'true' || name === 'false') return { k: 'lit', value: name === 'true' };
    if (name === 'nil') return { k: 'lit', value: null };
    if (BINARY[name] !== undefined || name === 'let') this.unsupported(`unexpected "${name}"`);
    if (this.current.value !== '(' || this.current.kind !== 'punct') return { k: 'ident', name };
    this.pos++;
    if (!PREDICATE_BUILTINS.has(name)) return { k: 'call', name, args: this.list(')') };
    const subject = this.expression(0);
    this.expect(',');
    return { k: 'call', name, args: [subject, this.closure()] };
  }

  /** A predicate: `{ Version matches # }` or a bare expression using `#`. */
  private closure(): ExprNode {
    this.closureDepth++;
    const braced = this.current.kind === 'punct' && this.current.value === '{';
    if (braced) this.pos++;
    const body = this.expression(0);
    if (braced) this.expect('}');
    this.expect(')');
    this.closureDepth--;
    return { k: 'closure', body };
  }

  private list(close: string): ExprNode[] {
    const items: ExprNode[] = [];
    while (!(this.current.kind === 'punct' && this.current.value === close)) {
      items.push(this.expression(0));
      if (this.current.kind === 'punct' && this.current.value === ',') this.pos++;
      else break;
    }
    this.expect(close);
    return items;
  }
}

/** Parses one expression; AquaUnsupportedError names anything outside the subset. */
export function parseExpr(source: string): ExprNode {
  return new Parser(lexExpr(source), source).parseAll();
}
