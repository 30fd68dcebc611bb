/**
 * The command line: commander parses, each action lazy-imports its command
 * module so `tool list` never loads the HTTP stack. The sole importer of commander.
 * Everything it imports statically ends up in the bundle's front file with
 * commander (scripts/bundle.mjs): keep those imports to package-files.ts.
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { PACKAGE_JSON } from '../registry/package-files.js';

const pkg = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };

/**
 * `argv[0]` naming a command: only that command is set up (commander takes
 * about a millisecond for all two dozen); help, root options and typos, which
 * list or suggest commands, get them all.
 */
function program(argv: readonly string[]): Command {
  const definitions: Array<{ names: string[]; define: () => unknown }> = [];
  const define = (names: string[], command: () => unknown) => definitions.push({ names, define: command });
  const cli = new Command('tool')
    .description('Install CLIs from GitHub releases into a versioned store, route them through shims, pin them per project.')
    .version(pkg.version, '-V, --version')
    .enablePositionalOptions()
    .exitOverride()
    // Usage errors follow the same one-line "tool: …. remedy" shape as every other error.
    .configureOutput({
      outputError: (text, write) => write(`tool: ${text.trim().replace(/^error: /, '').replace(/\n+/g, ' ').replace(/\.$/, '')}. Run \`tool --help\` for usage\n`),
    });

  define(['add'], () => cli.command('add')
    .description('install a tool (latest by default), select it globally and put its shims on PATH')
    .argument('<tool>', 'registry name or owner/repo, optionally @version (yt-dlp, BurntSushi/ripgrep@14)')
    .option('--asset <glob>', 'choose the release asset by name pattern, e.g. "*linux*x86_64*.tar.gz"')
    .option('--self-update', 'run from a writable live copy so the tool can update itself')
    .option('--dry-run', 'show which release asset would be installed, and why, without downloading')
    .option('--auto-update <interval>', 'check for updates in the background at most this often (30m, 6h, 1d)')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('./commands/add.js')).add(tool, options)));

  define(['pin'], () => cli.command('pin')
    .description('pin a version for this directory and below (writes ./.tools), installing it if missing')
    .argument('<tool>', 'tool[@version]; without a version pins the latest release exactly')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .action(async (tool: string, options) => (await import('./commands/pin.js')).pin(tool, options)));

  define(['unpin'], () => cli.command('unpin')
    .description('remove a tool\'s line from the nearest .tools (comments and other lines stay)')
    .argument('<tool>', 'tool name')
    .action(async (tool: string) => (await import('./commands/pin.js')).unpin(tool)));

  define(['run'], () => cli.command('run')
    .description('run a version once without changing any selection: tool run rg@13.0.0 -- --version')
    .argument('<tool>', 'tool[@version]')
    .argument('[args...]', 'arguments for the tool (put them after --)')
    .passThroughOptions()
    .allowUnknownOption()
    .action(async (tool: string, args: string[]) => (await import('./commands/run.js')).run(tool, args)));

  define(['which'], () => cli.command('which')
    .description('show the executable that would run here, and which file and line selected it')
    .argument('<name>', 'executable or tool name')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options) => (await import('./commands/which.js')).which(name, options)));

  define(['list', 'ls'], () => cli.command('list')
    .alias('ls')
    .description('installed tools and versions; which is active here and why')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('./commands/list.js')).list(options)));

  define(['install'], () => cli.command('install')
    .description('install everything the nearest .tools file asks for (the versions its .tools.lock records)')
    .option('--locked', 'install only what .tools.lock records, with no GitHub API request; refuse anything it does not cover')
    .action(async (options) => (await import('./commands/install.js')).install(options)));

  define(['sync'], () => cli.command('sync')
    .description('make this machine match the declared tool set (~/.config/tool/tools) and its tools.lock; print what changed')
    .option('--check', 'change nothing; exit 1 and show the differences when this machine does not match')
    .option('--locked', 'use only tools.lock, with no GitHub API request; refuse anything it does not cover')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('./commands/sync.js')).sync(options)));

  define(['lock'], () => cli.command('lock')
    .description('write .tools.lock beside the nearest .tools (or tools.lock for the declared set): versions, assets and SHA-256 per platform')
    .option('--global', 'lock the declared tool set (~/.config/tool/tools) instead')
    .option('--platform <list>', 'comma-separated platforms to lock (default: the lock\'s own, else darwin-arm64,darwin-x64,linux-arm64,linux-x64)')
    .option('--download-missing', 'download and hash assets whose release publishes no digest or checksum')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('./commands/lock.js')).lock(options)));

  define(['remove', 'rm'], () => cli.command('remove')
    .alias('rm')
    .description('remove a tool (versions, shims, selection), or one version with tool@version')
    .argument('<tool>', 'tool[@version]')
    .action(async (tool: string) => (await import('./commands/remove.js')).remove(tool)));

  define(['history'], () => cli.command('history')
    .description('every change of a tool\'s global version: when, from, to, why, SHA-256')
    .argument('<tool>', 'tool name')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('./commands/history.js')).history(tool, options)));

  define(['rollback'], () => cli.command('rollback')
    .description('go back to the version active before the last change, and hold the tool there')
    .argument('<tool>', 'tool name')
    .option('--to <version>', 'roll back to this version instead (installed again if it was pruned)')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .action(async (tool: string, options) => (await import('./commands/rollback.js')).rollback(tool, options)));

  define(['update', 'upgrade'], () => cli.command('update')
    .alias('upgrade')
    .description('move tools to their newest allowed release (held tools only when named)')
    .argument('[tools...]', 'tools to update; all when omitted')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .action(async (tools: string[], options) => (await import('./commands/update.js')).update(tools, options)));

  define(['outdated'], () => cli.command('outdated')
    .description('current, wanted and latest version of every added tool, changing nothing')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('./commands/outdated.js')).outdated(options)));

  define(['hold'], () => cli.command('hold')
    .description('keep a tool at its current version through `tool update` and background checks')
    .argument('<tool>', 'tool name')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .action(async (tool: string, options) => (await import('./commands/hold.js')).hold(tool, true, options)));

  define(['unhold'], () => cli.command('unhold')
    .description('let `tool update` and background checks move a held tool again')
    .argument('<tool>', 'tool name')
    .action(async (tool: string) => (await import('./commands/hold.js')).hold(tool, false)));

  define(['prune'], () => cli.command('prune')
    .description('remove store versions that are not recent in history, selected, or pinned by a known .tools')
    .option('--keep <n>', 'versions of each tool\'s history to keep', '3')
    .option('--dry-run', 'show what would be removed without removing it')
    .action(async (options) => (await import('./commands/prune.js')).prune(options)));

  define(['versions'], () => cli.command('versions')
    .description('the releases upstream has, newest first, with dates, prerelease marks and what is installed')
    .argument('<tool>', 'tool name or owner/repo')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('./commands/versions.js')).versions(tool, options)));

  define(['search'], () => cli.command('search')
    .description('search the registry by name, executable or description')
    .argument('<words...>', 'words to look for')
    .option('--json', 'print the result as JSON')
    .action(async (words: string[], options) => (await import('./commands/search.js')).search(words, options)));

  define(['registry'], () => {
    const registry = cli.command('registry').description('the registries tool knows tools from (TOOL_REGISTRIES)');
    registry.command('update')
      .description('fetch the aqua registry (and any other configured) now; it also refreshes itself at most daily')
      .option('--json', 'print the result as JSON')
      .addOption(new Option('--background', 'quiet, for the daily refresh').hideHelp())
      .action(async (options) => (await import('./commands/registry.js')).registryUpdate(options));
  });

  define(['info'], () => cli.command('info')
    .description('what the registry knows about a tool, and what is installed')
    .argument('<tool>', 'tool name or owner/repo')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('./commands/search.js')).info(tool, options)));

  const named = definitions.find(({ names }) => names.includes(argv[0] ?? ''));
  for (const { define: command } of named ? [named] : definitions) command();
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
