import { setHeld } from '../../app/hold.js';
import { identifyTool } from '../../app/identify.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';

export async function hold(name: string, held: boolean): Promise<void> {
  const ctx = await managedContext();
  const result = await setHeld(ctx, await identifyTool(ctx, name), held);
  const state = held ? 'held' : 'not held';
  printLines([`${result.tool} is ${result.changed ? 'now' : 'already'} ${state}`]);
}
