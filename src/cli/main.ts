/**
 * The command line: commander parses, each action lazy-imports its command
 * module so `tool list` never loads the HTTP stack. The sole importer of commander.
 * Everything it imports statically ends up in the bundle's front file with
 * commander (scripts/bundle.mjs): keep those imports to package-files.ts and
 * the command definitions.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { PACKAGE_JSON } from '../registry/package-files.js';
import { defineDoctorCommands } from './definitions/doctor.js';
import { defineInspectCommands } from './definitions/inspect.js';
import { defineInstallCommands } from './definitions/install.js';
import { defineLifecycleCommands } from './definitions/lifecycle.js';
import { defineThrowawayCommands } from './definitions/throwaway.js';

/**
 * Registers a command under its names and aliases; `build` runs only when the
 * command is wanted (see program()). The definitions live in ./definitions/,
 * one file per concern, and reach commander only through these parameters.
 */
export type Define = (
  names: string[],
  build: (program: Command, helpers: { hiddenOption(flags: string, description: string): Option }) => unknown,
) => void;

const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };

/**
 * `argv[0]` naming a command: only that command is set up (commander takes
 * about a millisecond for all two dozen); help, root options and typos, which
 * list or suggest commands, get them all.
 */
function program(argv: readonly string[]): Command {
  const definitions: Array<{ names: string[]; build: () => unknown }> = [];
  const cli = new Command('tool')
    .description('Install CLIs from GitHub releases into a versioned store, route them through shims, pin them per project.')
    .version(pkg.version, '-V, --version')
    .enablePositionalOptions()
    .exitOverride()
    // Usage errors follow the same one-line "tool: …. remedy" shape as every other error.
    .configureOutput({
      outputError: (text, write) => write(`tool: ${text.trim().replace(/^error: /, '').replace(/\n+/g, ' ').replace(/\.$/, '')}. Run \`tool --help\` for usage\n`),
    });
  const helpers = { hiddenOption: (flags: string, description: string) => new Option(flags, description).hideHelp() };
  const define: Define = (names, build) => definitions.push({ names, build: () => build(cli, helpers) });

  defineInstallCommands(define);
  defineInspectCommands(define);
  defineLifecycleCommands(define);
  defineThrowawayCommands(define);
  defineDoctorCommands(define);

  const named = definitions.find(({ names }) => names.includes(argv[0] ?? ''));
  for (const { build } of named ? [named] : definitions) build();
  cli.addOption(new Option('--debug', 'print stack traces for errors').hideHelp());
  return cli;
}

/**
 * Runs the command line. Help, --version and usage errors end in commander's own
 * exit (exitOverride), already printed: their exit code is returned (0, or 2 for
 * usage) rather than thrown, so they never load the error reporter.
 */
export async function runCli(argv: string[]): Promise<number | undefined> {
  try {
    await program(argv).parseAsync(argv, { from: 'user' });
    return undefined;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    throw error;
  }
}
