/** Commands that move installed tools through time: update, roll back, hold, prune. Each action imports its command module when it runs. */
import type { Define } from '../main.js';

export function defineLifecycleCommands(define: Define): void {
  define(['update', 'upgrade'], (program) => program.command('update')
    .alias('upgrade')
    .description('move tools to their newest allowed release (held tools only when named)')
    .argument('[tools...]', 'tools to update; all when omitted')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .option('--min-age <duration>', 'release cooldown for this run: pick only releases at least this old (0 turns it off)')
    .option('--json', 'print the result as JSON')
    .action(async (tools: string[], options) => (await import('../commands/update.js')).update(tools, options)));

  define(['rollback'], (program) => program.command('rollback')
    .description('go back to the version active before the last change, and hold the tool there')
    .argument('<tool>', 'tool name')
    .option('--to <version>', 'roll back to this version instead (installed again if it was pruned)')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/rollback.js')).rollback(tool, options)));

  define(['hold'], (program) => program.command('hold')
    .description('keep a tool at its current version through `tool update` and background checks')
    .argument('<tool>', 'tool name')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/hold.js')).hold(tool, true, options)));

  define(['unhold'], (program) => program.command('unhold')
    .description('let `tool update` and background checks move a held tool again')
    .argument('<tool>', 'tool name')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/hold.js')).hold(tool, false, options)));

  define(['prune'], (program) => program.command('prune')
    .description('remove store versions that are not recent in history, selected, or pinned by a known .tools')
    .option('--keep <n>', 'versions of each tool\'s history to keep', '3')
    .option('--dry-run', 'show what would be removed without removing it')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('../commands/prune.js')).prune(options)));

  define(['registry'], (program, { hiddenOption }) => {
    const registry = program.command('registry').description('the registries tool knows tools from (TOOL_REGISTRIES)');
    registry.command('update')
      .description('fetch the aqua registry (and any other configured) now; it also refreshes itself at most daily')
      .option('--json', 'print the result as JSON')
      .addOption(hiddenOption('--background', 'quiet, for the daily refresh'))
      .action(async (options) => (await import('../commands/registry.js')).registryUpdate(options));
  });
}
