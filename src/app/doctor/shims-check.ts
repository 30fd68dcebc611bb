/**
 * Shims: exactly one per executable an added tool exposes, each the text this
 * CLI renders today (template, Node and CLI paths baked in: src/app/home.ts),
 * executable, and not handing over to a Node or CLI that is gone.
 */
import { access, readdir, readFile, stat } from 'node:fs/promises';
import { SHIM_VERSION } from '../../shimgen/render.js';
import { planShims, type ShimPlan } from '../../shimgen/sync.js';
import type { AppContext } from '../context.js';
import { shimSpecsOfAddedTools } from '../select/refresh.js';
import { count, FIX_DERIVED, result, type CheckResult, type Problem } from './types.js';

export interface ShimOnDisk {
  text: string;
  executable: boolean;
}

export interface ShimFacts {
  plan: ShimPlan;
  onDisk: Map<string, ShimOnDisk>;
  /** Paths a shim on disk hands over to (its Node, its CLI) that do not exist. */
  missingPaths: Set<string>;
  cli: { node: string; script: string };
}

const unquote = (text: string) => text.replace(/'\\''/g, "'");

/** The Node and CLI a shim hands over to, from its last line; undefined when it is not one of ours. */
export function handOver(text: string): { node: string; script: string; version: string | undefined } | undefined {
  const exec = /^exec '((?:[^']|'\\'')*)' '((?:[^']|'\\'')*)' __shim /m.exec(text);
  if (!exec) return undefined;
  return { node: unquote(exec[1]!), script: unquote(exec[2]!), version: /shim-version (\S+)/.exec(text)?.[1] };
}

/** Why a shim on disk is not the one this CLI would write. */
function whyDifferent(exe: string, text: string, facts: ShimFacts): string {
  const baked = handOver(text);
  if (!baked) return `shim ${exe} was not written by tool, or was edited`;
  const gone = [baked.node, baked.script].find((path) => facts.missingPaths.has(path));
  if (gone) return `shim ${exe} is broken: it hands over to ${gone}, which no longer exists`;
  if (baked.version !== SHIM_VERSION) return `shim ${exe} was written by an older tool (shim version ${baked.version ?? 'unknown'}, now ${SHIM_VERSION})`;
  if (baked.node !== facts.cli.node || baked.script !== facts.cli.script) return `shim ${exe} hands over to ${baked.node} ${baked.script}, not to this tool (${facts.cli.node} ${facts.cli.script})`;
  return `shim ${exe} differs from what tool writes for it (edited by hand?)`;
}

/** Pure: the problems those facts amount to. */
export function judgeShims(facts: ShimFacts): CheckResult {
  const problems: Problem[] = [];
  const add = (message: string) => problems.push({ message, fix: FIX_DERIVED, repair: { kind: 'shims' } });
  for (const [exe, { toolId, text }] of facts.plan.shims) {
    const disk = facts.onDisk.get(exe);
    if (!disk) add(`shim ${exe} is missing (${toolId} exposes it)`);
    else if (disk.text !== text) add(whyDifferent(exe, disk.text, facts));
    else if (!disk.executable) add(`shim ${exe} is not executable`);
  }
  for (const exe of facts.onDisk.keys()) {
    if (!facts.plan.shims.has(exe)) add(`shim ${exe} belongs to no added tool`);
  }
  const notes = facts.plan.conflicts.map((c) => `${c.kept} and ${c.skipped} both expose ${c.exe}; the shim runs ${c.kept}'s`);
  const summary = facts.plan.shims.size === 0 && facts.onDisk.size === 0 ? 'no tool added, no shims' : `${count(facts.plan.shims.size, 'shim')} for the added tools, each as this tool writes it`;
  return result('shims', summary, problems, notes);
}

async function gather(ctx: AppContext): Promise<ShimFacts> {
  const plan = planShims(ctx.layout, await shimSpecsOfAddedTools(ctx), ctx.cli);
  const onDisk = new Map<string, ShimOnDisk>();
  // *.tmp are atomic writes in flight or left by a crash: the locks check reports those.
  const names = (await readdir(ctx.layout.shims).catch(() => [] as string[])).filter((name) => !name.endsWith('.tmp')).sort();
  for (const name of names) {
    const path = ctx.layout.shim(name);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) continue;
    onDisk.set(name, { text: await readFile(path, 'utf8').catch(() => ''), executable: (info.mode & 0o111) !== 0 });
  }
  const missingPaths = new Set<string>();
  for (const { text } of onDisk.values()) {
    const baked = handOver(text);
    for (const path of baked ? [baked.node, baked.script] : []) {
      if (!missingPaths.has(path) && !(await access(path).then(() => true, () => false))) missingPaths.add(path);
    }
  }
  return { plan, onDisk, missingPaths, cli: ctx.cli };
}

export async function checkShims(ctx: AppContext): Promise<CheckResult> {
  return judgeShims(await gather(ctx));
}
