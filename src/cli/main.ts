/**
 * The command line: commander parses, each action lazy-imports its command
 * module so `tool list` never loads the HTTP stack. The sole importer of commander.
 * Everything it imports statically ends up in the bundle's front file with
 * commander (scripts/bundle.mjs): keep those imports to package-files.ts and
 * the command definitions.
 */
import { readFileSync } from 'node:fs';
import { Argument, Command, CommanderError, Option } from 'commander';
import { PACKAGE_JSON } from '../registry/package-files.js';
import type { CommandNode } from './completion/command-tree.js';
import { defineDoctorCommands } from './definitions/doctor.js';
import { defineHelpCommands } from './definitions/help.js';
import { defineInspectCommands } from './definitions/inspect.js';
import { defineInstallCommands } from './definitions/install.js';
import { defineLifecycleCommands } from './definitions/lifecycle.js';
import { defineShellCommands } from './definitions/shell.js';
import { defineThrowawayCommands } from './definitions/throwaway.js';

/** What definitions may build with besides the program itself. */
export interface DefineHelpers {
  hiddenOption(flags: string, description: string): Option;
  choiceOption(flags: string, description: string, choices: readonly string[]): Option;
  choiceArgument(name: string, description: string, choices: readonly string[]): Argument;
  /** The whole command tree as plain data, for completion scripts (call it from an action: every command is built then). */
  commandTree(): CommandNode;
}

/**
 * Registers a command under its names and aliases; `build` runs only when the
 * command is wanted (see program()), and with every other command when
 * `wantsAll` (help and completion describe them all). The definitions live in
 * ./definitions/, one file per concern, and reach commander only through these parameters.
 */
export type Define = (
  names: string[],
  build: (program: Command, helpers: DefineHelpers) => unknown,
  options?: { wantsAll?: boolean },
) => void;

const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };

/**
 * `argv[0]` naming a command: only that command is set up (commander takes
 * about a millisecond for all two dozen); help, root options and typos, which
 * list or suggest commands, get them all.
 */
function program(argv: readonly string[], moreDefinitions?: (define: Define) => void): Command {
  const definitions: Array<{ names: string[]; build: () => unknown; wantsAll: boolean }> = [];
  const cli = new Command('tool')
    .description('Install CLIs from GitHub releases into a versioned store, route them through shims, pin them per project.')
    .version(pkg.version, '-V, --version', 'output the version number (also -v)')
    .enablePositionalOptions()
    .exitOverride()
    // Usage errors follow the same one-line "tool: …. remedy" shape as every other error.
    .configureOutput({
      outputError: (text, write) => write(`tool: ${text.trim().replace(/^error: /, '').replace(/\n+/g, ' ').replace(/\.$/, '')}. Run \`tool --help\` for usage\n`),
    });
  const helpers: DefineHelpers = {
    hiddenOption: (flags, description) => new Option(flags, description).hideHelp(),
    choiceOption: (flags, description, choices) => new Option(flags, description).choices(choices),
    choiceArgument: (name, description, choices) => new Argument(name, description).choices(choices),
    commandTree: () => commandTree(cli),
  };
  const define: Define = (names, build, options) => definitions.push({ names, build: () => build(cli, helpers), wantsAll: options?.wantsAll ?? false });

  defineInstallCommands(define);
  defineInspectCommands(define);
  defineLifecycleCommands(define);
  defineThrowawayCommands(define);
  defineDoctorCommands(define);
  defineShellCommands(define);
  moreDefinitions?.(define);
  defineHelpCommands(define);

  const named = definitions.find(({ names }) => names.includes(argv[0] ?? ''));
  for (const { build } of named && !named.wantsAll ? [named] : definitions) build();
  cli.addOption(new Option('--debug', 'print stack traces for errors').hideHelp());
  return cli;
}

/** Commands, aliases, options and arguments as help shows them (hidden ones left out), as plain data. */
function commandTree(command: Command): CommandNode {
  const help = command.createHelp();
  return {
    name: command.name(),
    aliases: command.aliases(),
    description: command.description(),
    options: help.visibleOptions(command).map((option) => ({
      flags: [option.short, option.long].filter((flag): flag is string => flag !== undefined),
      description: option.description,
      value: option.required || option.optional ? optionValue(option) : undefined,
    })),
    arguments: command.registeredArguments.map((argument) => ({
      name: argument.name(),
      variadic: argument.variadic,
      choices: argument.argChoices && [...argument.argChoices],
    })),
    commands: help.visibleCommands(command).map(commandTree),
  };
}

/** "--to <version>" → {name: "version"}, with the choices commander checks. */
function optionValue(option: Option): { name: string; choices: string[] | undefined } {
  return { name: /[<[]([^>\]]+)/.exec(option.flags)?.[1] ?? 'value', choices: option.argChoices && [...option.argChoices] };
}

/** The program's every command as plain data; tests compare completion scripts with it, and add definitions to see them completed. */
export function describeProgram(moreDefinitions?: (define: Define) => void): CommandNode {
  return commandTree(program([], moreDefinitions));
}

/**
 * Runs the command line. Help, --version and usage errors end in commander's own
 * exit (exitOverride), already printed: their exit code is returned (0, or 2 for
 * usage) rather than thrown, so they never load the error reporter. Bare `tool`
 * is `tool help` (stdout, exit 0) and `-v` is `--version`, as users try them.
 */
export async function runCli(argv: string[]): Promise<number | undefined> {
  if (argv.length === 0) argv = ['help'];
  else if (argv.length === 1 && argv[0] === '-v') argv = ['--version'];
  try {
    await program(argv).parseAsync(argv, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
