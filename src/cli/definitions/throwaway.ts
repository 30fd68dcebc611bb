/** Throwaway environments and bisect: tools at chosen versions for one command, one shell or one search, selecting nothing. Each action imports its command module when it runs. */
import type { Define } from '../main.js';

/** The words after the first "--" as typed: commander drops that "--" from the operands, and `tool x` needs to know where the command starts. */
function afterDashes(rawArgs: readonly string[] | undefined): string[] | undefined {
  const at = rawArgs?.indexOf('--') ?? -1;
  return at < 0 ? undefined : rawArgs!.slice(at + 1);
}

export function defineThrowawayCommands(define: Define): void {
  define(['x'], (program) => program.command('x')
    .description('run a command with tools at the given versions first on PATH, selecting and pinning nothing: tool x fd@9 rg@13 -- sh -c \'fd . | rg foo\'')
    .argument('<tools...>', 'tool[@version] (latest when no version), then -- and the command')
    .option('--keep', 'install for good instead of ephemerally (never removed by expiry)')
    .option('--min-age <duration>', 'release cooldown for this run: pick only releases at least this old (0 turns it off)')
    .action(async (items: string[], options, command) => (await import('../commands/throwaway.js')).x(items, afterDashes(command.parent?.rawArgs), options)));

  define(['shell'], (program) => program.command('shell')
    .description('start $SHELL with tools at the given versions first on PATH; exit returns and nothing stays selected')
    .argument('<tools...>', 'tool[@version] (latest when no version)')
    .option('--keep', 'install for good instead of ephemerally (never removed by expiry)')
    .option('--min-age <duration>', 'release cooldown for this run: pick only releases at least this old (0 turns it off)')
    .action(async (tools: string[], options) => (await import('../commands/throwaway.js')).shell(tools, options)));

  define(['bisect'], (program) => program.command('bisect')
    .description('find the first release that fails a check: tool bisect kicad-cli --good 8.0.3 --bad 8.0.5 -- ./check.sh')
    .argument('<tool>', 'tool name or owner/repo')
    .argument('<check...>', 'command run with each release first on PATH (after --): exit 0 good, 125 skip, anything else bad')
    .requiredOption('--good <version>', 'a release that passes the check')
    .requiredOption('--bad <version>', 'a later release that fails it')
    .option('--json', 'print the steps and the result as JSON')
    .action(async (tool: string, check: string[], options) => (await import('../commands/bisect.js')).bisect(tool, check, options)));
}
