import { identifyTool } from '../../app/identify.js';
import { rollbackTool } from '../../app/rollback.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';

export async function rollback(name: string, flags: { to?: string }): Promise<void> {
  const ctx = await managedContext();
  const result = await rollbackTool(ctx, await identifyTool(ctx, name), flags.to);
  printLines([
    `rolled back ${result.tool}: ${result.from ?? 'none'} → ${result.to}${result.explicit ? '' : ' (the version before the last change)'}`,
    `held: \`tool update\` leaves ${result.tool} alone until \`tool update ${result.tool}\` or \`tool unhold ${result.tool}\``,
  ]);
}
