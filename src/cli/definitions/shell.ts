/** Commands that fit tool into the user's shell: the PATH line and completion scripts. Each action imports its command module when it runs. */
import type { Define } from '../main.js';

const SHELLS = ['bash', 'zsh', 'fish'];

export function defineShellCommands(define: Define): void {
  define(['setup'], (program, { choiceOption }) => program.command('setup')
    .description('put the shims directory on PATH in your shell\'s startup file (bash, zsh, fish), once; prints what it changed')
    .addOption(choiceOption('--shell <name>', 'the shell to set up (default: the one $SHELL names)', SHELLS))
    .option('--print', 'only show what would be added, and where; change nothing')
    .option('--json', 'print the result as JSON')
    .action(async (options) => (await import('../commands/setup.js')).setup(options)));

  // Completion describes every command, so all of them are built first (wantsAll).
  define(['completion'], (program, { choiceArgument, commandTree }) => program.command('completion')
    .description('print a completion script for bash, zsh or fish: source <(tool completion bash)')
    .addArgument(choiceArgument('<shell>', 'bash, zsh or fish', SHELLS))
    .action(async (shell: 'bash' | 'zsh' | 'fish') => (await import('../commands/completion.js')).completion(shell, commandTree())), { wantsAll: true });
}
