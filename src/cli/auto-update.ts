/**
 * `tool __auto-update <tool>`: the detached background check a shim starts.
 * Its output goes to TOOL_HOME/log/auto-update.log; it never reports to the
 * terminal the tool runs in, and Ctrl-C meant for the tool does not stop it.
 */
import { appendFile, mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { runAutoUpdate } from '../app/lifecycle/auto-update.js';
import { cliContext } from './app-context.js';

export async function runAutoUpdateCommand(argv: string[]): Promise<void> {
  for (const signal of ['SIGINT', 'SIGHUP', 'SIGQUIT'] as const) process.on(signal, () => {});
  const [toolId] = argv;
  if (!toolId) throw new Error('__auto-update needs a tool id');
  const lines: string[] = [];
  const ctx = { ...cliContext(), log: (line: string) => lines.push(line) };
  let summary: string;
  try {
    summary = await runAutoUpdate(ctx, toolId);
  } catch (error) {
    summary = `${new Date().toISOString()} ${toolId}: check failed: ${(error as Error).message}`;
  }
  await mkdir(dirname(ctx.layout.autoLog), { recursive: true });
  await appendFile(ctx.layout.autoLog, [...lines.map((line) => `  ${line}`), summary].join('\n') + '\n');
}
