/**
 * A completion script: the shell's template from shims/completions/ (the code that
 * walks the command line and lists $TOOL_HOME at each TAB) with the command
 * tables generated from the definitions filled in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ShellName } from '../../app/shell/shells.js';
import { COMPLETIONS_DIR } from '../../registry/package-files.js';
import type { CommandNode } from './command-tree.js';
import { fishQuote, fishTables } from './fish-tables.js';
import { completionModel } from './model.js';
import { posixTables, shQuote } from './posix-tables.js';

/** The shells tool sets up (app/shell/shells.ts) are the ones it completes in. */
export type CompletionShell = ShellName;

export interface ScriptFacts {
  version: string;
  /** Registry names offered where a tool may not be installed yet (add, pin, …). */
  known: string[];
}

/** The whole script for `shell`, generated from `tree` (the program's commands). */
export function completionScript(shell: CompletionShell, tree: CommandNode, facts: ScriptFacts): string {
  const commands = completionModel(tree);
  const quote = shell === 'fish' ? fishQuote : shQuote;
  const fills: Record<string, string> = {
    '@@VERSION@@': facts.version,
    '@@TABLES@@': shell === 'fish' ? fishTables(commands) : posixTables(commands),
    '@@KNOWN@@': facts.known.map(quote).join(' '),
  };
  const template = readFileSync(join(COMPLETIONS_DIR, `complete.${shell}`), 'utf8');
  return template.replace(/@@[A-Z]+@@/g, (placeholder) => fills[placeholder] ?? placeholder);
}
