/**
 * Which extracted files are the executables to expose. Pure. Order: the
 * registry's path (with {version} and globs), else a file with the exe's name,
 * else the only executable file; ambiguity lists what was found.
 */
import { posix } from 'node:path';
import { ToolError } from '../../core/errors.js';
import type { BinSpec } from '../../registry/types.js';

export interface FileLike {
  path: string;
  mode: number;
  type: 'file' | 'dir' | 'symlink';
}

export function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]');
  return new RegExp(`^${escaped}$`);
}

const isExecutable = (file: FileLike) => file.type !== 'dir' && (file.mode & 0o111) !== 0;

/** Executable names become shim file names and appear in sh code: plain names only. */
export const EXE_NAME_RE = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;

function exposable(name: string, repoName: string): string {
  if (EXE_NAME_RE.test(name)) return name;
  throw new ToolError('TOOL_BIN_AMBIGUOUS', `the executable "${name}" of ${repoName} has a name a shim cannot carry`, {
    hint: 'Only letters, digits and . _ + - are allowed; report it so the registry can name a safe executable',
  });
}

function bySpec(files: readonly FileLike[], bin: BinSpec, vars: Record<string, string>): FileLike[] {
  if (bin.path) {
    let pattern = bin.path;
    for (const [key, value] of Object.entries(vars)) pattern = pattern.replaceAll(`{${key}}`, value);
    const re = globToRegExp(pattern);
    return files.filter((file) => file.type !== 'dir' && re.test(file.path));
  }
  const names = [bin.name, `${bin.name}.exe`];
  return files
    .filter((file) => file.type !== 'dir' && names.includes(posix.basename(file.path)))
    // Executable files first (a 0644 completion script may share the name), then shallowest.
    .sort((a, b) => Number(isExecutable(b)) - Number(isExecutable(a)) || a.path.split('/').length - b.path.split('/').length || a.path.localeCompare(b.path));
}

/** exe name → path relative to the extraction root. */
export function locateBins(
  files: readonly FileLike[],
  bins: readonly BinSpec[],
  context: { tool: string; vars: Record<string, string> },
): Record<string, string> {
  const found: Record<string, string> = {};
  const executables = files.filter(isExecutable);
  for (const bin of bins) {
    const matches = bySpec(files, bin, context.vars);
    const only = bins.length === 1 && executables.length === 1 ? executables : [];
    const chosen = matches[0] ?? only[0];
    if (!chosen) {
      const listed = executables.map((file) => file.path).slice(0, 12).join(', ') || 'no executable files';
      throw new ToolError('TOOL_BIN_NOT_FOUND', `the ${context.tool} archive has no executable "${bin.name}"${bin.path ? ` at ${bin.path}` : ''} (found: ${listed})`, {
        hint: `Choose another asset with --asset, or report the registry entry for ${context.tool}`,
      });
    }
    found[bin.name] = chosen.path;
  }
  return found;
}

/** Default executables for a repo outside the registry: one named like the repo, else every executable at the shallowest level. */
export function guessBins(files: readonly FileLike[], repoName: string): BinSpec[] {
  const executables = files.filter(isExecutable);
  const named = executables.find((file) => posix.basename(file.path).replace(/\.exe$/, '') === repoName);
  if (named || executables.length === 0) return [{ name: exposable(repoName, repoName) }];
  if (executables.length === 1) return [{ name: exposable(posix.basename(executables[0]!.path).replace(/\.exe$/, ''), repoName) }];
  const depth = Math.min(...executables.map((file) => file.path.split('/').length));
  const top = executables.filter((file) => file.path.split('/').length === depth && !/\.(sh|py|ps1|bat|cmd)$/.test(file.path));
  if (top.length === 0 || top.length > 8) {
    throw new ToolError('TOOL_BIN_AMBIGUOUS', `cannot tell which executable of ${repoName} to expose (found: ${executables.map((f) => f.path).slice(0, 12).join(', ')})`, {
      hint: 'Report it so it can be added to the registry with explicit bins',
    });
  }
  return top.map((file) => ({ name: exposable(posix.basename(file.path).replace(/\.exe$/, ''), repoName) }));
}
