/** `tool __shim <tool> <exe> args…`: what a shim runs when its sh fast path has no answer. */
import { shimTarget } from '../app/select/shim-target.js';
import { exitLikeChild, runForeground } from '../exec/spawn.js';
import { cliContext } from './app-context.js';

export async function runShim(argv: string[]): Promise<void> {
  const [toolId, exe, ...args] = argv;
  if (!toolId || !exe) throw new Error('__shim needs a tool id and an executable name');
  const ctx = cliContext(process.env, '[tool] ');
  const target = await shimTarget(ctx, toolId, exe);
  exitLikeChild(await runForeground(target.path, args, exe));
}
