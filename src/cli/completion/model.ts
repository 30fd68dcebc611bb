/**
 * What each position of a `tool` command line completes to, decided from the
 * command tree once, when a script is generated; the shell scripts only look
 * it up at TAB time. Arguments complete by what they are named in the
 * definitions: <tool> and [tools...] complete tool names (and "name@" the
 * installed versions), <name> the executables in the shims directory, [args...]
 * files, and an argument or option with choices its choices.
 */
import type { ArgumentNode, CommandNode, OptionNode } from './command-tree.js';

export type Completer =
  /** Installed tool names; after "name@", that tool's installed versions. */
  | { kind: 'tools' }
  /** The same, and the registry's names: for commands that install what is not installed yet. */
  | { kind: 'known-tools' }
  | { kind: 'executables' }
  /** Installed versions of the tool named by the command's first argument (rollback --to). */
  | { kind: 'versions' }
  | { kind: 'files' }
  | { kind: 'words'; words: string[] }
  | { kind: 'nothing' };

export interface OptionSpec {
  flags: string[];
  description: string;
  /** Undefined for a flag that takes no value. */
  value: Completer | undefined;
}

export interface CommandSpec {
  /** Canonical names from the root: [] for `tool` itself, ["registry", "update"]. */
  path: string[];
  /** The name and its aliases. */
  names: string[];
  description: string;
  options: OptionSpec[];
  /** One per declared argument; the last repeats when `variadic`. */
  positionals: Completer[];
  variadic: boolean;
  commands: CommandSpec[];
}

/** Commands whose <tool> may name a tool that is not installed yet; test/unit/cli/completion checks each exists. */
export const INSTALLING_COMMANDS = ['add', 'pin', 'run', 'info', 'versions'];

function argumentCompleter(command: string[], argument: ArgumentNode): Completer {
  if (argument.choices) return { kind: 'words', words: argument.choices };
  switch (argument.name) {
    case 'tool':
    case 'tools':
      return { kind: command.length === 1 && INSTALLING_COMMANDS.includes(command[0]!) ? 'known-tools' : 'tools' };
    case 'name':
      return { kind: 'executables' };
    case 'args':
      return { kind: 'files' };
    default:
      return { kind: 'nothing' };
  }
}

function valueCompleter(value: NonNullable<OptionNode['value']>): Completer {
  if (value.choices) return { kind: 'words', words: value.choices };
  if (value.name === 'version') return { kind: 'versions' };
  if (['file', 'path', 'dir'].includes(value.name)) return { kind: 'files' };
  return { kind: 'nothing' };
}

function spec(node: CommandNode, path: string[]): CommandSpec {
  return {
    path,
    names: [node.name, ...node.aliases],
    description: oneLine(node.description),
    options: node.options.map((option) => ({
      flags: option.flags,
      description: oneLine(option.description),
      value: option.value && valueCompleter(option.value),
    })),
    positionals: node.arguments.map((argument) => argumentCompleter(path, argument)),
    variadic: node.arguments.at(-1)?.variadic ?? false,
    commands: node.commands.map((child) => spec(child, [...path, child.name])),
  };
}

/** Every command of the tree, the root first, parents before their children. */
export function completionModel(root: CommandNode): CommandSpec[] {
  const all: CommandSpec[] = [];
  const visit = (command: CommandSpec) => {
    all.push(command);
    command.commands.forEach(visit);
  };
  visit(spec(root, []));
  return all;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
