/** Commands that look and change nothing (outdated and versions ask upstream). Each action imports its command module when it runs. */
import type { Define } from '../main.js';

export function defineInspectCommands(define: Define): void {
  define(['which'], (program) => program.command('which')
    .description('show the executable that would run here, and which file and line selected it')
    .argument('<name>', 'executable or tool name')
    .option('--json', 'print the result as JSON')
    .action(async (name: string, options) => (await import('../commands/which.js')).which(name, options)));

  define(['list', 'ls'], (program) => program.command('list')
    .alias('ls')
    .description('installed tools and versions; which is active here and why')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('../commands/list.js')).list(options)));

  define(['history'], (program) => program.command('history')
    .description('every change of a tool\'s global version: when, from, to, why, SHA-256')
    .argument('<tool>', 'tool name')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/history.js')).history(tool, options)));

  define(['versions'], (program) => program.command('versions')
    .description('the releases upstream has, newest first, with dates, prerelease marks and what is installed')
    .argument('<tool>', 'tool name or owner/repo')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/versions.js')).versions(tool, options)));

  define(['outdated'], (program) => program.command('outdated')
    .description('current, wanted and latest version of every added tool, changing nothing')
    .option('--json', 'print the result as JSON')
    .option('--exit-code', 'exit 1 when a tool that is not held has a newer wanted version (for scripts and CI)')
    .option('--min-age <duration>', 'release cooldown for this run: count only releases at least this old (0 turns it off)')
    .action(async (options) => (await import('../commands/outdated.js')).outdated(options)));

  define(['search'], (program) => program.command('search')
    .description('search the registry by name, executable or description')
    .argument('<words...>', 'words to look for')
    .option('--json', 'print the result as JSON')
    .action(async (words: string[], options) => (await import('../commands/search.js')).search(words, options)));

  define(['info'], (program) => program.command('info')
    .description('what the registry knows about a tool, and what is installed')
    .argument('<tool>', 'tool name or owner/repo')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/search.js')).info(tool, options)));
}
