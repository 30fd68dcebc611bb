/**
 * Every file `tool` keeps, truncated, emptied, filled with junk or made
 * unreadable (a directory where the file was: root reads any file whatever its
 * mode). After each, `tool list`, `tool which`, the shim and an install must
 * either work or fail with one line that names the damaged file, and the
 * shim must never run a version other than the one `tool which` names.
 */
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';
import { figure, hasStackTrace, isOneClearLine, type FaultGroup, type Figure, type Scale } from './figure.js';

type Mode = 'truncated' | 'empty' | 'junk' | 'unreadable';
const MODES: Mode[] = ['truncated', 'empty', 'junk', 'unreadable'];

/** The files, by what they are, relative to the sandbox root. */
function targets(box: Sandbox): Record<string, string> {
  const h = (path: string) => join(box.home, path);
  return {
    history: h('state/history/acme__widget1.jsonl'),
    'tool state': h('state/tools/acme__widget1.json'),
    'global selection': h('global.tools'),
    'index entry': h('index/acme__widget1/@global'),
    'index stamp': h('index/acme__widget1/.stamp'),
    manifest: h('store/acme__widget1/1.1.0/manifest.json'),
    'project .tools.lock': join(box.root, 'user/project/.tools.lock'),
    'project .tools': join(box.root, 'user/project/.tools'),
    'declared set': join(box.root, 'user/.config/tool/tools'),
    'declared lock': join(box.root, 'user/.config/tool/tools.lock'),
    'layout version': h('layout-version'),
    'shims stamp': h('state/shims-rendered'),
    'seen files': h('state/seen-files'),
    'HTTP cache entry': h(`cache/http/${readdirSync(h('cache/http')).find((name) => name.endsWith('.json'))}`),
  };
}

interface Saved { link?: string; bytes?: Buffer }

function save(path: string): Saved {
  const info = lstatSync(path);
  return info.isSymbolicLink() ? { link: readlinkSync(path) } : { bytes: readFileSync(path) };
}

function restore(path: string, saved: Saved): void {
  rmSync(path, { recursive: true, force: true });
  if (saved.link !== undefined) symlinkSync(saved.link, path);
  else writeFileSync(path, saved.bytes!);
}

function damage(path: string, saved: Saved, mode: Mode): void {
  rmSync(path, { recursive: true, force: true });
  const bytes = saved.bytes ?? Buffer.from(saved.link!);
  if (mode === 'truncated') writeFileSync(path, bytes.subarray(0, Math.floor(bytes.length / 2)));
  else if (mode === 'empty') writeFileSync(path, '');
  else if (mode === 'junk') writeFileSync(path, randomBytes(200));
  else mkdirSync(path);
}

/** Runs the four commands; returns what went wrong, if anything. */
async function probe(box: Sandbox, damaged: string): Promise<string[]> {
  const cwd = join(box.root, 'user/project');
  const problems: string[] = [];
  const clean = (what: string, result: { code: number | null; stderr: string }) => {
    if (hasStackTrace(result.stderr) || /internal error/.test(result.stderr)) problems.push(`${what}: ${result.stderr.trim()}`);
    else if (result.code !== 0 && !(isOneClearLine(result.stderr) && result.stderr.includes(damaged))) problems.push(`${what} exit ${result.code} without naming ${damaged}: ${result.stderr.trim().split('\n').at(-1)}`);
  };
  clean('tool list', await box.tool(['list'], { cwd }));
  const which = await box.tool(['which', 'widget1', '--json'], { cwd });
  clean('tool which', which);
  const ran = await box.sh('widget1 --version', { cwd });
  clean('shim', ran);
  const named = which.code === 0 ? (JSON.parse(which.stdout) as { version?: string }).version : undefined;
  if (ran.code === 0 && named && ran.stdout !== `widget1 ${named}\n`) problems.push(`shim ran "${ran.stdout.trim()}" but tool which names ${named}`);
  clean('tool add', await box.tool(['add', 'acme/widget1@1.2.0'], { cwd: join(box.root, 'user') }));
  return problems;
}

async function corrupted(scale: Scale): Promise<Figure[]> {
  const box = await createSandbox();
  try {
    addWidgets(box.server, 1, '1.0.0', '1.1.0', '1.2.0');
    box.write('user/project/.tools', 'acme/widget1 1.0.0\n');
    await box.tool(['add', 'acme/widget1@1.0.0']);
    await box.tool(['add', 'acme/widget1@1.1.0']);
    await box.tool(['outdated']); // fills the HTTP cache
    await box.tool(['lock'], { cwd: join(box.root, 'user/project') });
    await box.tool(['lock', '--global']);
    await box.sh('widget1 --version', { cwd: join(box.root, 'user/project') });
    const all = Object.entries(targets(box));
    const chosen = scale === 'full' ? all : all.filter(([name]) => ['history', 'global selection', 'project .tools.lock'].includes(name));
    const modes = scale === 'full' ? MODES : (['junk', 'unreadable'] as Mode[]);
    const failures: string[] = [];
    let cases = 0;
    for (const [name, path] of chosen) {
      const saved = save(path);
      for (const mode of modes) {
        cases++;
        damage(path, saved, mode);
        const problems = await probe(box, path);
        if (problems.length) failures.push(`${name} ${mode}: ${problems.join(' | ')}`);
        restore(path, saved);
        // An install the probe made must not leak into the next case.
        await box.tool(['remove', 'acme/widget1@1.2.0']);
        rmSync(join(box.home, 'store/acme__widget1/1.2.0'), { recursive: true, force: true });
      }
    }
    return [figure(`${chosen.length} kinds of state file × ${modes.length} damages (${cases} cases, 4 commands each)`, failures.length === 0,
      failures.length ? `${failures.length} cases misbehaved: ${failures.join(' || ')}` : 'every command worked or named the damaged file in one line; no shim ran a version tool which does not name')];
  } finally {
    await box.close();
  }
}

export const corruptedState: FaultGroup = { name: 'corrupted-state', run: corrupted };
