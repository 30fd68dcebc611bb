/**
 * Background update checks, opt-in per tool. The shim compares the due file's
 * mtime with /proc/$$ (its own start time) and, when due, starts
 * `tool __auto-update <tool>` detached and execs the tool at once: the run is
 * never delayed. The check moves the due time forward first, so concurrent
 * shims do not stampede, and reports to the log only.
 */
import { mkdir, utimes, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { stat } from 'node:fs/promises';
import { readToolState } from '../../store/tool-state.js';
import type { AppContext } from '../context.js';
import { identityOfState } from '../select/identify.js';
import { updateOne } from './update.js';
import { captureSelfUpdate } from '../../capture/capture.js';

export async function scheduleNextCheck(ctx: AppContext, toolId: string, seconds: number): Promise<Date> {
  const due = new Date(ctx.now().getTime() + seconds * 1000);
  const file = ctx.layout.autoDue(toolId);
  await mkdir(dirname(file), { recursive: true });
  await mkdir(dirname(ctx.layout.autoLog), { recursive: true });
  await writeFile(file, `${due.toISOString()}\n`);
  await utimes(file, due, due);
  return due;
}

/** One background check; returns the line to log. */
export async function runAutoUpdate(ctx: AppContext, toolId: string): Promise<string> {
  const stamp = `${ctx.now().toISOString()} ${toolId}:`;
  const state = await readToolState(ctx.layout, toolId);
  if (!state?.autoUpdateSeconds) return `${stamp} background updates are off`;
  const due = await stat(ctx.layout.autoDue(toolId)).then((info) => info.mtimeMs, () => 0);
  if (due > ctx.now().getTime()) return `${stamp} not due until ${new Date(due).toISOString()}`;
  await scheduleNextCheck(ctx, toolId, state.autoUpdateSeconds);
  const tool = identityOfState(ctx, state);
  // The shim starts this before the tool runs: a self-update it made last time is captured first,
  // so an update can never overwrite bytes that were never recorded.
  const captured = await captureSelfUpdate(ctx, tool);
  if (captured) ctx.log(`captured self-update ${captured.from} → ${captured.to} (${captured.upstream.check})`);
  if (state.held) return `${stamp} held; skipped`;
  const outcome = await updateOne(ctx, tool, 'auto-update');
  const held = outcome.heldBack ? `; held back: ${outcome.heldBack}` : '';
  switch (outcome.status) {
    case 'updated':
      return `${stamp} updated ${outcome.from ?? 'none'} → ${outcome.to}${held}`;
    case 'up-to-date':
      return `${stamp} up to date (${outcome.from})${held}`;
    default:
      return `${stamp} check failed: ${outcome.message}`;
  }
}
