/**
 * Which spec applies to a tool here, and why. Order: TOOL_<NAME>_VERSION, then
 * the nearest `.tools` walking up from the working directory that names the
 * tool, then the global selection. The sh shim implements the same walk; the
 * test suite runs both on the same inputs.
 */
import { readFile, realpath } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { ToolError } from '../core/errors.js';
import { nameMatches, parseToolsFile, type ToolsFile } from './tools-file.js';

export type PinSource =
  | { kind: 'env'; variable: string }
  | { kind: 'file'; path: string; line: number }
  | { kind: 'global'; path: string; line: number };

export interface Pin {
  spec: string;
  source: PinSource;
}

export interface ToolNames {
  id: string;
  /** Every name a `.tools` line may use for the tool: registry name, owner/repo, executables. */
  aliases: readonly string[];
  /** The tool's own TOOL_<ID>_VERSION, named in messages. */
  envVar: string;
  /** Every variable that may set the version, checked in order: the tool's own first, then one per executable. */
  envVars?: readonly string[];
}

export interface PinContext {
  env: NodeJS.ProcessEnv;
  cwd: string;
  globalFile: string;
}

export function describeSource(source: PinSource): string {
  switch (source.kind) {
    case 'env':
      return `environment variable ${source.variable}`;
    case 'file':
      return `${source.path} line ${source.line}`;
    case 'global':
      return `global selection (${source.path} line ${source.line})`;
  }
}

/** $PWD when it names the working directory (keeps symlinked paths, as sh does), else cwd. */
export async function logicalCwd(env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const pwd = env.PWD;
  if (!pwd || !pwd.startsWith('/')) return cwd;
  try {
    return (await realpath(pwd)) === (await realpath(cwd)) ? pwd : cwd;
  } catch {
    return cwd;
  }
}

export async function readToolsFile(path: string): Promise<ToolsFile | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR') return undefined;
    throw error;
  }
  return parseToolsFile(text, path);
}

function entryFor(file: ToolsFile, names: ToolNames): { spec: string; line: number } | undefined {
  const problem = file.problems.find((p) => p.name !== undefined && nameMatches(p.name, names.aliases));
  const entry = file.entries.find((e) => nameMatches(e.name, names.aliases));
  if (problem && (!entry || problem.line < entry.line)) {
    throw new ToolError('TOOL_BAD_TOOLS_FILE', `${file.path} line ${problem.line}: ${problem.message}`, {
      hint: 'Each line is "<name> <spec>", e.g. "ripgrep 14.1.0"; # starts a comment',
    });
  }
  return entry;
}

/** Directories from `start` up to the root, nearest first. */
export function ancestors(start: string): string[] {
  const dirs: string[] = [];
  for (let dir = start; ; dir = dirname(dir)) {
    dirs.push(dir);
    if (dirname(dir) === dir) return dirs;
  }
}

export async function findPin(names: ToolNames, context: PinContext): Promise<Pin | undefined> {
  for (const variable of names.envVars ?? [names.envVar]) {
    const fromEnv = context.env[variable];
    if (fromEnv) return { spec: fromEnv.trim(), source: { kind: 'env', variable } };
  }
  for (const dir of ancestors(await logicalCwd(context.env, context.cwd))) {
    const file = await readToolsFile(join(dir, '.tools'));
    const entry = file && entryFor(file, names);
    if (entry) return { spec: entry.spec, source: { kind: 'file', path: file.path, line: entry.line } };
  }
  const global = await readToolsFile(context.globalFile);
  const entry = global && entryFor(global, names);
  return entry ? { spec: entry.spec, source: { kind: 'global', path: global.path, line: entry.line } } : undefined;
}

/** The nearest `.tools` file at or above cwd, whatever it names. */
export async function nearestToolsFile(context: PinContext): Promise<ToolsFile | undefined> {
  for (const dir of ancestors(await logicalCwd(context.env, context.cwd))) {
    const file = await readToolsFile(join(dir, '.tools'));
    if (file) return file;
  }
  return undefined;
}
