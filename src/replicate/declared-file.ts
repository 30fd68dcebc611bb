/**
 * The declared global tool set, `~/.config/tool/tools`: the `.tools` format
 * (see pins/tools-file.ts: `<name> <spec>` per line, `#` comments, blank lines)
 * plus section headers such as `[os=linux]`, so that one file, synced between
 * machines, says what each machine should have. A header governs the lines
 * after it up to the next header; `[*]` or `[]` goes back to every machine.
 * Pure: the caller reads the file and gathers the machine facts.
 */
import { ToolError } from '../core/errors.js';
import { ConditionError, conditionHolds, parseCondition, type Condition, type MachineFacts } from './conditions.js';

export interface DeclaredEntry {
  name: string;
  spec: string;
  /** 1-based, for messages such as "~/.config/tool/tools line 3". */
  line: number;
  path: string;
  /** The text after `#`, trimmed; undefined when there is none. */
  comment: string | undefined;
  /** The governing header's text ("os=linux"); undefined at top level or after `[*]`. */
  condition: string | undefined;
}

/** An entry together with the parsed condition of its section. */
export interface DeclaredRule extends DeclaredEntry {
  when: Condition;
}

export interface DeclaredSection {
  /** 1-based line of the header. */
  line: number;
  when: Condition;
}

export interface DeclaredFile {
  path: string;
  /** Every entry in file order, whichever machine it is for. */
  entries: DeclaredRule[];
  /** Every header in file order. */
  sections: DeclaredSection[];
}

interface Problem {
  line: number;
  message: string;
  hint: string;
}

/** Split a line (without its line break) at the first `#`. */
function splitComment(line: string): { content: string; comment: string | undefined } {
  const hash = line.indexOf('#');
  if (hash < 0) return { content: line, comment: undefined };
  const comment = line.slice(hash + 1).trim();
  return { content: line.slice(0, hash), comment: comment === '' ? undefined : comment };
}

/** `[conditions]` with the comment already cut off and blanks trimmed. */
function readHeader(trimmed: string): Condition {
  const close = trimmed.indexOf(']');
  if (close < 0) throw new ConditionError(`section header "${trimmed}" has no closing "]"`);
  const junk = trimmed.slice(close + 1).trim();
  if (junk !== '') throw new ConditionError(`unexpected "${junk}" after "]"`);
  return parseCondition(trimmed.slice(1, close));
}

function noSpecProblem(line: number, name: string): Problem {
  return {
    line,
    message: `"${name}" has no version`,
    hint: `Write "${name} <version>" (or "${name} latest")`,
  };
}

/**
 * Parse the declared file. Problems are collected in file order and the
 * first one is thrown as TOOL_BAD_DECLARED_FILE naming the path and line.
 */
export function parseDeclaredFile(text: string, path: string): DeclaredFile {
  const file: DeclaredFile = { path, entries: [], sections: [] };
  const problems: Problem[] = [];
  let when: Condition = { terms: [], text: '' };
  text.split('\n').forEach((rawLine, index) => {
    const line = index + 1;
    const { content, comment } = splitComment(rawLine.replace(/\r$/, ''));
    const trimmed = content.trim();
    if (trimmed === '') return;
    if (trimmed.startsWith('[')) {
      try {
        when = readHeader(trimmed);
        file.sections.push({ line, when });
      } catch (error) {
        if (!(error instanceof ConditionError)) throw error;
        problems.push({ line, message: error.message, hint: error.hint });
      }
      return;
    }
    const [name = '', ...rest] = trimmed.split(/[ \t]+/);
    if (rest.length === 0) {
      problems.push(noSpecProblem(line, name));
      return;
    }
    const condition = when.terms.length === 0 ? undefined : when.text;
    file.entries.push({ name, spec: rest.join(' '), line, path, comment, condition, when });
  });
  const [first] = problems;
  if (first) {
    throw new ToolError('TOOL_BAD_DECLARED_FILE', `${path} line ${first.line}: ${first.message}`, { hint: first.hint });
  }
  return file;
}

function plainEntry(rule: DeclaredRule): DeclaredEntry {
  const { name, spec, line, path, comment, condition } = rule;
  return { name, spec, line, path, comment, condition };
}

/** Keep one entry per key: the last one, at its own position. */
function laterWins(entries: DeclaredEntry[], keyOf: (name: string) => string): DeclaredEntry[] {
  const last = new Map<string, number>();
  entries.forEach((entry, index) => last.set(keyOf(entry.name), index));
  return entries.filter((entry, index) => last.get(keyOf(entry.name)) === index);
}

/**
 * The entries this machine should have, in file order. A name declared more
 * than once (case-insensitively) keeps only its last applicable line, so a
 * conditional section below the common part overrides it.
 */
export function entriesFor(file: DeclaredFile, facts: MachineFacts): DeclaredEntry[] {
  const applicable = file.entries.filter((rule) => conditionHolds(rule.when, facts)).map(plainEntry);
  return laterWins(applicable, (name) => name.toLowerCase());
}

/**
 * Lay the machine-local file (`tools.local`) over the main one: a local entry
 * replaces every main entry with the same `keyOf(name)` and the rest are
 * added. The same later-wins rule as entriesFor, applied to main then local,
 * so it also folds main entries that name one tool two ways (rg, ripgrep).
 */
export function mergeLocal(
  main: DeclaredEntry[],
  local: DeclaredEntry[],
  keyOf: (name: string) => string,
): DeclaredEntry[] {
  return laterWins([...main, ...local], keyOf);
}
