/**
 * `tool setup`: put the shims directory on PATH in the user's shell startup
 * file, once. The file is edited as any user file tool touches
 * (replicate/text-file.ts): a symlinked dotfile is written through to its
 * target, atomically, under a lock beside it. With dryRun nothing is written.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../../core/errors.js';
import { editUserFile, readUserFile } from '../../replicate/text-file.js';
import { blockLines, findShimsLine, planProfile, type ProfileAction, type ProfilePlan } from './profile-block.js';
import { alsoReadFiles, homeOf, pathLines, shellFromEnv, startupFile, type ShellName } from './shells.js';

export interface SetupRequest {
  /** --shell; else $SHELL decides. */
  shell: ShellName | undefined;
  dryRun: boolean;
  shims: string;
  env: NodeJS.ProcessEnv;
}

export interface ProfileChange {
  /** The startup file, as the shell names it (a symlink stays the link's path). */
  file: string;
  action: ProfileAction;
  /** The lines added or replaced, markers included (what 'none' would have added). */
  block: string[];
  /** Where the shims are put on PATH (with --print: would be): tool's block, or a line already there, in this file or another the shell reads. */
  at: { file: string; line: number } | null;
}

export interface SetupResult {
  shell: ShellName;
  shims: string;
  dryRun: boolean;
  changes: ProfileChange[];
}

function chosenShell(request: SetupRequest): ShellName {
  const shell = request.shell ?? shellFromEnv(request.env);
  if (shell) return shell;
  const why = request.env.SHELL ? `$SHELL is ${request.env.SHELL}` : '$SHELL is not set';
  throw new ToolError('TOOL_USAGE', `cannot tell which shell to set up: ${why}`, {
    hint: `Run \`tool setup --shell bash\` (or zsh, fish), or put ${request.shims} on PATH in your shell's startup file yourself`,
  });
}

/** ~/.bash_profile as well when login shells read it and it never sources ~/.bashrc (macOS Terminal, ssh). */
async function bashLoginFile(env: NodeJS.ProcessEnv): Promise<string[]> {
  const file = join(homeOf(env), '.bash_profile');
  const text = await readUserFile(file);
  if (text === undefined) return [];
  const sourcesBashrc = text.split('\n').some((line) => !line.trim().startsWith('#') && /\.bashrc\b/.test(line));
  return sourcesBashrc ? [] : [file];
}

async function foundElsewhere(files: string[], shims: string, home: string): Promise<ProfileChange['at']> {
  for (const file of files) {
    const line = findShimsLine(await readUserFile(file), shims, home);
    if (line !== undefined) return { file, line };
  }
  return null;
}

async function applyTo(file: string, request: SetupRequest, body: string[], elsewhere: ProfileChange['at']): Promise<ProfileChange> {
  const home = homeOf(request.env);
  let plan: ProfilePlan | undefined;
  const decide = (before: string | undefined) => {
    plan = planProfile(file, before, body, request.shims, home);
    // A line in another file the shell reads counts, unless this file holds tool's block to keep current.
    if (plan.action === 'add' && elsewhere) plan = { ...plan, action: 'none', line: undefined };
    return plan.action === 'none' ? undefined : plan.text;
  };
  if (request.dryRun) decide(await readUserFile(file));
  else await editUserFile(file, 'shell startup file', decide);
  const { action, line } = plan!;
  return { file, action, block: blockLines(body), at: line !== undefined ? { file, line } : elsewhere };
}

/** Edits (or, with dryRun, only plans) each startup file of the shell; throws a usage error when the shell is unknown. */
export async function setupShell(request: SetupRequest): Promise<SetupResult> {
  const shell = chosenShell(request);
  const home = homeOf(request.env);
  const body = pathLines(shell, request.shims, home);
  const files = [startupFile(shell, request.env), ...(shell === 'bash' ? await bashLoginFile(request.env) : [])];
  const elsewhere = await foundElsewhere(alsoReadFiles(shell, request.env), request.shims, home);
  const changes: ProfileChange[] = [];
  for (const file of files) changes.push(await applyTo(file, request, body, elsewhere));
  // fish_add_path skips a directory that does not exist yet; the shims directory may not before the first `tool add`.
  if (!request.dryRun) await mkdir(request.shims, { recursive: true });
  return { shell, shims: request.shims, dryRun: request.dryRun, changes };
}
