/**
 * What "consistent" means for a TOOL_HOME after faults: every published
 * version is complete (a manifest that parses, every executable it names
 * present), every history line parses, no staging directory is left. A lock
 * whose owner died is not a problem (the next process that needs it takes it
 * over at once, without waiting); deadLocks() counts them for the figures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inspectLock } from '../../src/store/lock.js';

const list = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir) : []);

export function storeProblems(home: string, options: { allowStaging?: boolean } = {}): string[] {
  const problems: string[] = [];
  for (const tool of list(join(home, 'store'))) {
    for (const version of list(join(home, 'store', tool))) {
      const dir = join(home, 'store', tool, version);
      try {
        const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { bins: Record<string, string> };
        for (const exe of Object.keys(manifest.bins)) if (!existsSync(join(dir, 'bin', exe))) problems.push(`${tool} ${version}: bin/${exe} missing`);
      } catch (error) {
        problems.push(`${tool} ${version}: manifest unreadable (${(error as Error).message})`);
      }
    }
  }
  for (const file of list(join(home, 'state/history'))) {
    const lines = readFileSync(join(home, 'state/history', file), 'utf8').split('\n').filter(Boolean);
    lines.forEach((line, index) => {
      try {
        JSON.parse(line);
      } catch {
        problems.push(`history ${file} line ${index + 1} does not parse`);
      }
    });
  }
  if (!options.allowStaging) for (const name of list(join(home, 'tmp'))) problems.push(`staging left: tmp/${name}`);
  return problems;
}

/** Locks left by killed processes, judged as the lock module judges them. */
export async function deadLocks(home: string): Promise<string[]> {
  const names = list(join(home, 'locks')).filter((name) => name.endsWith('.lock'));
  const stale = await Promise.all(names.map(async (name) => (await inspectLock(join(home, 'locks', name))).stale));
  return names.filter((_, index) => stale[index]);
}
