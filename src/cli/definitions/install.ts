/** Commands that install, select and pin tools. Each action imports its command module when it runs. */
import type { Define } from '../main.js';

export function defineInstallCommands(define: Define): void {
  define(['add'], (program) => program.command('add')
    .description('install a tool (latest by default), select it globally and put its shims on PATH')
    .argument('<tool>', 'registry name or owner/repo, optionally @version (yt-dlp, BurntSushi/ripgrep@14)')
    .option('--asset <glob>', 'choose the release asset by name pattern, e.g. "*linux*x86_64*.tar.gz"')
    .option('--self-update', 'run from a writable live copy so the tool can update itself')
    .option('--dry-run', 'show which release asset would be installed, and why, without downloading')
    .option('--auto-update <interval>', 'check for updates in the background at most this often (30m, 6h, 1d)')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .option('--min-age <duration>', 'release cooldown for this tool from now on (0 opts it out; 12h, 3d, 2w): written to the settings file')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/add.js')).add(tool, options)));

  define(['pin'], (program) => program.command('pin')
    .description('pin a version for this project: edits the nearest .tools (a new ./.tools when there is none), installing it if missing')
    .argument('<tool>', 'tool[@version]; without a version pins the latest release exactly')
    .option('--reason <text>', 'why: kept in the history and as a comment on the line in the declared file')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/pin.js')).pin(tool, options)));

  define(['unpin'], (program) => program.command('unpin')
    .description('remove a tool\'s line from the nearest .tools (comments and other lines stay)')
    .argument('<tool>', 'tool name')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/pin.js')).unpin(tool, options)));

  define(['run'], (program) => program.command('run')
    .description('run a version once without changing any selection: tool run rg@13.0.0 -- --version')
    .argument('<tool>', 'tool[@version]')
    .argument('[args...]', 'arguments for the tool (put them after --)')
    .passThroughOptions()
    .allowUnknownOption()
    .action(async (tool: string, args: string[]) => (await import('../commands/run.js')).run(tool, args)));

  define(['install'], (program) => program.command('install')
    .description('install everything the nearest .tools file asks for (the versions its .tools.lock records)')
    .option('--locked', 'install only what .tools.lock records, with no GitHub API request; refuse anything it does not cover')
    .option('--min-age <duration>', 'release cooldown for this run: pick only releases at least this old (0 turns it off)')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('../commands/install.js')).install(options)));

  define(['sync'], (program) => program.command('sync')
    .description('make this machine match the declared tool set (~/.config/tool/tools) and its tools.lock; print what changed')
    .option('--check', 'change nothing; exit 1 and show the differences when this machine does not match')
    .option('--locked', 'use only tools.lock, with no GitHub API request; refuse anything it does not cover')
    .option('--min-age <duration>', 'release cooldown for this run: pick only releases at least this old (0 turns it off)')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('../commands/sync.js')).sync(options)));

  define(['lock'], (program) => program.command('lock')
    .description('write .tools.lock beside the nearest .tools (or tools.lock for the declared set): versions, assets and SHA-256 per platform')
    .option('--global', 'lock the declared tool set (~/.config/tool/tools) instead')
    .option('--platform <list>', 'comma-separated platforms to lock (default: the lock\'s own, else darwin-arm64,darwin-x64,linux-arm64,linux-x64)')
    .option('--download-missing', 'download and hash assets whose release publishes no digest or checksum')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('../commands/lock.js')).lock(options)));

  define(['remove', 'rm'], (program) => program.command('remove')
    .alias('rm')
    .description('remove a tool (versions, shims, selection), or one version with tool@version')
    .argument('<tool>', 'tool[@version]')
    .option('--json', 'print the result as JSON')
    .action(async (tool: string, options) => (await import('../commands/remove.js')).remove(tool, options)));
}
