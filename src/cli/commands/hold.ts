import { setHeld } from '../../app/lifecycle/hold.js';
import { identifyTool } from '../../app/select/identify.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';

export async function hold(name: string, held: boolean, flags: { reason?: string; json?: boolean } = {}): Promise<void> {
  const ctx = await managedContext();
  const result = await setHeld(ctx, await identifyTool(ctx, name), held, flags.reason);
  if (flags.json) return printJson({ tool: result.tool, held: result.held, changed: result.changed, version: result.version ?? null });
  const text = held
    ? `${result.tool} is ${result.changed ? 'now' : 'already'} held: \`tool update\` and background checks leave it alone`
    : result.changed ? `${result.tool} is no longer held` : `${result.tool} was not held`;
  printLines([text]);
}
