import { prepareRun } from '../../app/run.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { exitLikeChild, runForeground } from '../../exec/spawn.js';
import { cliContext } from '../app-context.js';

export async function run(text: string, args: string[]): Promise<void> {
  const request = parseToolRequest(text);
  const target = await prepareRun(cliContext(), request);
  exitLikeChild(await runForeground(target.path, args));
}
