/**
 * The shells `tool setup` knows: which one the user runs, which startup files
 * it reads, and the shims line in its own syntax. bash and zsh get a POSIX
 * `case` that prepends the shims only when PATH lacks them, so a file read
 * twice (a login shell that sources ~/.bashrc) adds them once; fish gets
 * `fish_add_path --path`, which does the same for this session only (no
 * universal variable left behind when the file is removed).
 */
import { homedir } from 'node:os';
import { basename, join } from 'node:path';

export const SHELLS = ['bash', 'zsh', 'fish'] as const;
export type ShellName = (typeof SHELLS)[number];

/** True for the shells setup and completion support. */
export function isShellName(name: string): name is ShellName {
  return (SHELLS as readonly string[]).includes(name);
}

/** The shell $SHELL names ("/usr/bin/zsh" → zsh, "fish" → fish), when it is one of SHELLS. */
export function shellFromEnv(env: NodeJS.ProcessEnv): ShellName | undefined {
  const name = basename(env.SHELL ?? '');
  return isShellName(name) ? name : undefined;
}

/** The user's home: $HOME, else what the system says. */
export function homeOf(env: NodeJS.ProcessEnv): string {
  return env.HOME || homedir();
}

/** A path as the startup file should spell it: "$HOME/…" below the home, so dotfiles carry over to machines with another user name. */
export function spelled(path: string, home: string): string {
  return path.startsWith(`${home}/`) ? `$HOME/${path.slice(home.length + 1)}` : path;
}

/** The lines `tool setup` writes (without its markers). */
export function pathLines(shell: ShellName, shims: string, home: string): string[] {
  const dir = spelled(shims, home);
  if (shell === 'fish') return [`fish_add_path --path "${dir}"`];
  return [`case ":$PATH:" in`, `  *":${dir}:"*) ;;`, `  *) export PATH="${dir}:$PATH" ;;`, 'esac'];
}

/** One command for the current session only, in the shell's own syntax. */
export function sessionPathCommand(shell: ShellName | undefined, shims: string): string {
  return shell === 'fish' ? `fish_add_path --path ${shims}` : `export PATH="${shims}:$PATH"`;
}

/**
 * The file each shell reads at start-up, where the block goes:
 * - bash: ~/.bashrc, read by every interactive shell that is not a login shell.
 * - zsh: $ZDOTDIR/.zshrc (ZDOTDIR defaults to the home), read by every interactive zsh.
 * - fish: $XDG_CONFIG_HOME/fish/conf.d/tool.fish, a file of tool's own that fish reads at every start.
 * bash login shells (macOS Terminal, ssh) read ~/.bash_profile instead; setup.ts adds it when it exists and does not source ~/.bashrc.
 */
export function startupFile(shell: ShellName, env: NodeJS.ProcessEnv): string {
  const home = homeOf(env);
  switch (shell) {
    case 'bash':
      return join(home, '.bashrc');
    case 'zsh':
      return join(env.ZDOTDIR || home, '.zshrc');
    case 'fish':
      return join(fishConfigDir(env), 'conf.d', 'tool.fish');
  }
}

/** Files the same shells read as well, where a line that already puts the shims on PATH counts too. */
export function alsoReadFiles(shell: ShellName, env: NodeJS.ProcessEnv): string[] {
  switch (shell) {
    case 'bash':
      return [];
    case 'zsh':
      return [join(env.ZDOTDIR || homeOf(env), '.zshenv')];
    case 'fish':
      return [join(fishConfigDir(env), 'config.fish')];
  }
}

function fishConfigDir(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(homeOf(env), '.config'), 'fish');
}
