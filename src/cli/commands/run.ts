import { prepareRun } from '../../app/select/run.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { exitLikeChild, runForeground } from '../../exec/spawn.js';
import { managedContext } from '../app-context.js';

export async function run(text: string, args: string[]): Promise<void> {
  const request = parseToolRequest(text);
  const target = await prepareRun(await managedContext(), request);
  // Commander keeps the "--" that separates our options from the tool's; drop exactly one.
  const toolArgs = args[0] === '--' ? args.slice(1) : args;
  exitLikeChild(await runForeground(target.path, toolArgs));
}
