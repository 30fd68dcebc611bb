/**
 * PATH: the shims directory must be on it, and ahead of every other directory
 * holding a command of the same name, or that command runs instead of the
 * shim (a distribution's /usr/bin/rg before the shim for ripgrep).
 */
import { constants } from 'node:fs';
import { access, readdir, realpath, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { AppContext } from '../context.js';
import { count, result, type CheckResult, type Problem } from './types.js';

export interface PathFacts {
  shimsDir: string;
  /** PATH entries in order (empty entries dropped). */
  entries: string[];
  /** Index in `entries` of the shims directory, -1 when absent. */
  shimsAt: number;
  shimNames: string[];
  /** Shim name → the first directory before the shims directory holding an executable of that name. */
  shadowedBy: Map<string, string>;
}

const SETUP = '`tool setup`';

/** Pure: the problems those facts amount to. */
export function judgePath(facts: PathFacts): CheckResult {
  const { shimsDir } = facts;
  if (facts.shimsAt < 0) {
    return result('path', '', [{
      message: `the shims directory ${shimsDir} is not on PATH, so no shim runs`,
      fix: `${SETUP} (adds it to your shell profile), or add \`export PATH="${shimsDir}:$PATH"\` to your shell profile`,
    }]);
  }
  const problems: Problem[] = [...facts.shadowedBy].map(([name, dir]) => ({
    message: `${name} runs ${dir}/${name}, not the shim: ${dir} comes before ${shimsDir} on PATH`,
    fix: `${SETUP}, or put ${shimsDir} before ${dir} in PATH`,
  }));
  return result('path', `${shimsDir} is on PATH (entry ${facts.shimsAt + 1} of ${facts.entries.length}); nothing earlier shadows its ${count(facts.shimNames.length, 'shim')}`, problems);
}

async function sameDir(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  const [left, right] = await Promise.all([realpath(a).catch(() => a), realpath(b).catch(() => b)]);
  return left === right;
}

async function isExecutableFile(path: string): Promise<boolean> {
  try {
    await access(path, constants.X_OK);
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

async function gather(ctx: AppContext): Promise<PathFacts> {
  const shimsDir = ctx.layout.shims;
  // An empty PATH entry means the working directory to a shell; it says nothing about where the shims are.
  const entries = (ctx.settings.env.PATH ?? '').split(':').filter((entry) => entry !== '');
  let shimsAt = -1;
  for (let i = 0; i < entries.length && shimsAt < 0; i++) if (await sameDir(entries[i]!, shimsDir)) shimsAt = i;
  const shimNames = (await readdir(shimsDir).catch(() => [] as string[])).filter((name) => !name.endsWith('.tmp')).sort();
  const shadowedBy = new Map<string, string>();
  for (const name of shimNames) {
    for (const dir of entries.slice(0, Math.max(shimsAt, 0))) {
      if (await isExecutableFile(`${dir}/${name}`)) {
        shadowedBy.set(name, dir);
        break;
      }
    }
  }
  return { shimsDir, entries, shimsAt, shimNames, shadowedBy };
}

export async function checkPath(ctx: AppContext): Promise<CheckResult> {
  return judgePath(await gather(ctx));
}
