/**
 * Builds the tree of a Go text/template from its pieces: plain text, output
 * actions (pipelines) and `if … / else if … / else / end` blocks. Other control
 * words (range, with, define, template, block) and variables ($x) are outside
 * what aqua's registry uses and are refused by name.
 */
import { AquaUnsupportedError } from './errors.js';
import { lexAction, splitTemplate, type ActionToken } from './template-lex.js';

export type Operand =
  | { k: 'field'; path: string[] }
  | { k: 'dot' }
  | { k: 'lit'; value: string | number | boolean }
  | { k: 'fn'; name: string }
  | { k: 'paren'; pipeline: Pipeline; path: string[] };

/** A command is a function with arguments, or a single value. */
export type Command = Operand[];
export type Pipeline = Command[];

export type TemplateNode =
  | { k: 'text'; text: string }
  | { k: 'output'; pipeline: Pipeline }
  | { k: 'if'; cond: Pipeline; then: TemplateNode[]; else: TemplateNode[] };

const REFUSED_WORDS = new Set(['range', 'with', 'define', 'template', 'block', 'break', 'continue']);

function parsePipeline(tokens: ActionToken[], source: string, pos: { i: number }, inParen: boolean): Pipeline {
  const pipeline: Pipeline = [[]];
  while (pos.i < tokens.length) {
    const token = tokens[pos.i]!;
    const command = pipeline[pipeline.length - 1]!;
    pos.i++;
    if (token.kind === 'punct' && token.value === ')') {
      if (!inParen) throw new AquaUnsupportedError(`unexpected ")" in template action {{${source}}}`);
      return pipeline;
    }
    if (token.kind === 'punct' && token.value === '|') pipeline.push([]);
    else if (token.kind === 'punct') command.push(parseParen(tokens, source, pos));
    else if (token.kind === 'field') command.push({ k: 'field', path: token.path });
    else if (token.kind === 'dot') command.push({ k: 'dot' });
    else if (token.kind === 'string' || token.kind === 'number') command.push({ k: 'lit', value: token.value });
    else if (token.value === 'true' || token.value === 'false') command.push({ k: 'lit', value: token.value === 'true' });
    else if (REFUSED_WORDS.has(token.value)) throw new AquaUnsupportedError(`template keyword "${token.value}"`);
    else command.push({ k: 'fn', name: token.value });
  }
  if (inParen) throw new AquaUnsupportedError(`unclosed "(" in template action {{${source}}}`);
  if (pipeline.some((command) => command.length === 0)) throw new AquaUnsupportedError(`empty command in template action {{${source}}}`);
  return pipeline;
}

function parseParen(tokens: ActionToken[], source: string, pos: { i: number }): Operand {
  const pipeline = parsePipeline(tokens, source, pos, true);
  const next = tokens[pos.i];
  // Go's "(semver .Version).Major": the lexer reads ".Major" right after ")" as a field.
  if (next?.kind === 'field') {
    pos.i++;
    return { k: 'paren', pipeline, path: next.path };
  }
  return { k: 'paren', pipeline, path: [] };
}

function pipelineOf(source: string): Pipeline {
  if (source.includes('$')) throw new AquaUnsupportedError(`template variable in {{${source}}}`);
  return parsePipeline(lexAction(source), source, { i: 0 }, false);
}

interface Frame {
  nodes: TemplateNode[];
  block?: Extract<TemplateNode, { k: 'if' }>;
  inElse: boolean;
  /** "else if" opens a nested block that the same {{end}} closes. */
  chained: boolean;
}

/** Parses a whole template; AquaUnsupportedError names the first construct outside the subset. */
export function parseTemplate(template: string): TemplateNode[] {
  const stack: Frame[] = [{ nodes: [], inElse: false, chained: false }];
  const top = () => stack[stack.length - 1]!;
  const target = () => (top().block ? (top().inElse ? top().block!.else : top().block!.then) : top().nodes);
  for (const piece of splitTemplate(template)) {
    if (piece.kind === 'text') {
      target().push({ k: 'text', text: piece.text });
      continue;
    }
    const source = piece.source.trim();
    const word = /^[A-Za-z]+/.exec(source)?.[0] ?? '';
    if (word === 'if' || (word === 'else' && /^else\s+if\b/.test(source))) {
      const chained = word === 'else';
      if (chained) top().inElse = true;
      const block: TemplateNode = { k: 'if', cond: pipelineOf(source.replace(/^(else\s+)?if\b/, '')), then: [], else: [] };
      target().push(block);
      stack.push({ nodes: [], block, inElse: false, chained });
    } else if (source === 'else') {
      if (!top().block || top().inElse) throw new AquaUnsupportedError(`{{else}} outside {{if}} in template ${JSON.stringify(template)}`);
      top().inElse = true;
    } else if (source === 'end') {
      if (!top().block) throw new AquaUnsupportedError(`{{end}} without {{if}} in template ${JSON.stringify(template)}`);
      while (stack.pop()!.chained);
    } else {
      target().push({ k: 'output', pipeline: pipelineOf(source) });
    }
  }
  if (stack.length > 1) throw new AquaUnsupportedError(`{{if}} without {{end}} in template ${JSON.stringify(template)}`);
  return stack[0]!.nodes;
}
