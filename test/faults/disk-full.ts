/**
 * TOOL_HOME on a small filesystem: a tmpfs mounted by the suite (this needs
 * root and CAP_SYS_ADMIN, as CI's machines have; elsewhere the group reports
 * that it could not run). An install that does not fit must fail with one
 * clear line, leave the previous version running and nothing half-written;
 * with the disk nearly full at every size of the state writes, each command
 * succeeds or fails cleanly; once space is freed, the next install works.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';
import { addHeavy } from './crash-fixtures.js';
import { figure, hasStackTrace, isOneClearLine, type FaultGroup, type Figure, type Scale } from './figure.js';
import { storeProblems } from './store-check.js';

function mount(dir: string, megabytes: number, remount = false): boolean {
  const options = `${remount ? 'remount,' : ''}size=${megabytes}m`;
  return spawnSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' }).status === 0;
}

/** Fills the filesystem of `dir` until `leave` bytes are free (as near as tmpfs pages allow). */
function fillLeaving(dir: string, leave: number): void {
  const free = Number(spawnSync('df', ['-B1', '--output=avail', dir], { encoding: 'utf8' }).stdout.split('\n')[1]);
  if (free > leave) writeFileSync(join(dir, 'filler'), Buffer.alloc(free - leave));
}

async function runsVersion(box: Sandbox, exe: string): Promise<string> {
  return (await box.sh(`${exe} --version`)).stdout.trim();
}

async function tooBig(box: Sandbox): Promise<Figure> {
  const before = await runsVersion(box, 'widget1');
  const result = await box.tool(['add', 'acme/heavy@1.0.0']);
  const after = await runsVersion(box, 'widget1');
  const problems = storeProblems(box.home);
  const ok = result.code !== 0 && isOneClearLine(result.stderr) && /ENOSPC|disk|space/i.test(result.stderr) && after === before && problems.length === 0;
  return figure('an install bigger than the free space', ok, `exit ${result.code}: ${result.stderr.trim().split('\n').at(-1)}; widget1 still runs "${after}"; store: ${problems.join('; ') || 'consistent, staging removed'}`);
}

async function nearlyFull(box: Sandbox, scale: Scale): Promise<Figure> {
  const leaves = scale === 'full' ? [0, 512, 2048, 4096, 8192, 16384, 32768, 65536, 131072] : [0, 4096, 65536];
  const outcomes: string[] = [];
  let bad = 0;
  for (const [index, leave] of leaves.entries()) {
    fillLeaving(box.home, leave);
    const version = `1.${index + 1}.0`;
    const result = await box.tool(['add', `acme/widget1@${version}`]);
    rmSync(join(box.home, 'filler'), { force: true });
    const runs = await runsVersion(box, 'widget1');
    const list = await box.tool(['list', '--json']);
    const problems = storeProblems(box.home);
    const clean = result.code === 0 ? runs === `widget1 ${version}` : isOneClearLine(result.stderr) && !/internal error/.test(result.stderr) && /^widget1 1\.\d+\.0$/.test(runs);
    if (!clean || hasStackTrace(result.stderr) || list.code !== 0 || problems.length) {
      bad++;
      outcomes.push(`${leave} B free: exit ${result.code} "${result.stderr.trim().split('\n').at(-1)}", runs "${runs}", list exit ${list.code} ${list.stderr.trim()}, ${problems.join('; ')}`);
    } else outcomes.push(`${leave} B: ${result.code === 0 ? "installed" : `refused: ${result.stderr.trim().split("\n").at(-1)}`}`);
  }
  return figure(`${leaves.length} installs with the disk filled to within 0-128 KB`, bad === 0, outcomes.join('; '));
}

async function afterFreeing(box: Sandbox): Promise<Figure> {
  const grown = mount(box.home, 64, true);
  const result = await box.tool(['add', 'acme/heavy@1.0.0']);
  const runs = await runsVersion(box, 'heavy');
  return figure('the next install after space is freed', grown && result.code === 0 && runs === 'heavy 1.0.0', `remounted 64 MB: ${grown}; exit ${result.code}; heavy runs "${runs}" ${result.stderr.trim()}`);
}

async function diskFull(scale: Scale): Promise<Figure[]> {
  const box = await createSandbox();
  mkdirSync(box.home, { recursive: true });
  if (!mount(box.home, 6)) {
    await box.close();
    return [figure('disk full', false, 'could not mount a tmpfs for TOOL_HOME (needs root with CAP_SYS_ADMIN); not run')];
  }
  try {
    addWidgets(box.server, 1, '1.0.0', '1.1.0', '1.2.0', '1.3.0', '1.4.0', '1.5.0', '1.6.0', '1.7.0', '1.8.0', '1.9.0');
    addHeavy(box.server, 12, '1.0.0');
    await box.tool(['add', 'acme/widget1@1.0.0']);
    return [await tooBig(box), await nearlyFull(box, scale), await afterFreeing(box)];
  } finally {
    spawnSync('umount', [box.home], { stdio: 'ignore' });
    await box.close();
  }
}

export const diskFullGroup: FaultGroup = { name: 'disk-full', run: diskFull };
