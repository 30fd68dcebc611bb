/** `tool help [topic]`, and the examples that end the root help. */
import type { Define } from '../main.js';

const EXAMPLES = `
Examples:
  tool add yt-dlp                  install the latest release, select it, write its shims
  tool pin ripgrep@14              use ripgrep 14 in this directory and below (writes ./.tools)
  tool run rg@13.0.0 -- --version  run another version once, selecting nothing
  tool rollback yt-dlp             back to the version before the last change, held there
  tool sync                        make this machine match the declared set in ~/.config/tool/tools
  tool setup                       put the shims on PATH in your shell's startup file

\`tool help <command>\` shows a command's options; \`tool help environment\` the variables tool reads and its exit codes.`;

export function defineHelpCommands(define: Define): void {
  // Registered last and built with every other command (wantsAll): the topics are their names.
  define(['help'], (program, { choiceArgument }) => {
    const topics = [...program.commands.flatMap((command) => [command.name(), ...command.aliases()]), 'environment'];
    program.addHelpText('after', EXAMPLES);
    program.command('help')
      .description('show help for a command, or for a topic: environment (variables and exit codes)')
      .addArgument(choiceArgument('[topic]', 'a command, or environment', topics))
      .action(async (topic: string | undefined) => {
        if (topic === 'environment') return (await import('../commands/help-environment.js')).helpEnvironment();
        const command = program.commands.find((candidate) => candidate.name() === topic || candidate.aliases().includes(topic ?? ''));
        (command ?? program).outputHelp();
      });
  }, { wantsAll: true });
}
