/**
 * Many processes at once: `tool add` of one version together with first runs
 * of a shim whose pinned version is missing, then several different tools at
 * once. Each version must be downloaded exactly once, every process must exit
 * 0, every shim must print the tool's own output, and the store must be consistent.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';
import { count, figure, type FaultGroup, type Figure, type Scale } from './figure.js';
import { storeProblems } from './store-check.js';

const downloadsOf = (paths: string[], pattern: RegExp) => count(paths, (path) => pattern.test(path));

async function oneVersionTogether(scale: Scale): Promise<Figure> {
  const n = scale === 'full' ? 16 : 4;
  const box = await createSandbox();
  try {
    addRipgrep(box.server, '14.0.0', '14.1.1', '15.0.0');
    await box.tool(['add', 'ripgrep@14.0.0']); // the shim exists; 14.1.1 and 15.0.0 do not
    const project = box.dir('user/clone');
    box.write('user/clone/.tools', 'ripgrep 15.0.0\n');
    box.server.clearRequests();
    const adds = Array.from({ length: n }, () => box.tool(['add', 'ripgrep@14.1.1']));
    const shims = Array.from({ length: n }, () => box.sh('rg --version', { cwd: project }));
    const [added, ran] = [await Promise.all(adds), await Promise.all(shims)];
    const paths = box.server.requests.map((r) => r.path);
    const d141 = downloadsOf(paths, /14\.1\.1-x86_64-unknown-linux-musl\.tar\.gz$/);
    const d150 = downloadsOf(paths, /15\.0\.0-x86_64-unknown-linux-musl\.tar\.gz$/);
    const exits = count([...added, ...ran], (r) => r.code === 0);
    const printed = count(ran, (r) => r.stdout === 'ripgrep 15.0.0\n');
    const problems = storeProblems(box.home);
    const ok = d141 === 1 && d150 === 1 && exits === 2 * n && printed === n && problems.length === 0;
    return figure(`${n} adds of one version + ${n} first runs of a shim pinned to a missing version, at once`, ok,
      `downloads: 14.1.1 ×${d141}, 15.0.0 ×${d150}; ${exits}/${2 * n} exit 0; ${printed}/${n} shims printed "ripgrep 15.0.0"; store: ${problems.length ? problems.join('; ') : 'consistent'}`);
  } finally {
    await box.close();
  }
}

async function manyToolsTogether(scale: Scale): Promise<Figure> {
  const tools = scale === 'full' ? 8 : 3;
  const box = await createSandbox();
  try {
    const repos = addWidgets(box.server, tools, '1.0.0');
    // Two processes per tool, all started together.
    const results = await Promise.all(repos.flatMap((repo) => [box.tool(['add', repo]), box.tool(['add', repo])]));
    const paths = box.server.requests.map((r) => r.path);
    const downloads = repos.map((repo) => downloadsOf(paths, new RegExp(`/${repo}/releases/download/v1\\.0\\.0/`)));
    const global = readFileSync(join(box.home, 'global.tools'), 'utf8');
    const selected = count(repos, (repo) => global.includes(`${repo} 1.0.0`));
    const outputs = await Promise.all(repos.map((_, i) => box.sh(`widget${i + 1} --version`)));
    const printed = count(outputs, (r, ) => /^widget\d+ 1\.0\.0\n$/.test(r.stdout));
    const problems = storeProblems(box.home);
    const ok = downloads.every((d) => d === 1) && count(results, (r) => r.code === 0) === results.length && selected === tools && printed === tools && problems.length === 0;
    return figure(`${tools} different tools added by ${2 * tools} processes at once`, ok,
      `downloads per tool: ${downloads.join(',')}; ${count(results, (r) => r.code === 0)}/${results.length} exit 0; ${selected}/${tools} in global.tools; ${printed}/${tools} shims run; store: ${problems.length ? problems.join('; ') : 'consistent'}`);
  } finally {
    await box.close();
  }
}

export const concurrency: FaultGroup = {
  name: 'concurrency',
  run: async (scale) => [await oneVersionTogether(scale), await manyToolsTogether(scale)],
};
