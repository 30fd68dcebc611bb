import { identifyTool } from '../../app/select/identify.js';
import type { Reinstalled } from '../../app/install/reinstall.js';
import { rollbackTool } from '../../app/lifecycle/rollback.js';
import { managedContext } from '../app-context.js';
import { printLines } from '../output.js';
import { quoteReason } from './reason-text.js';

/** How a pruned version came back, so the user knows which bytes now run. */
function reinstallLine(version: string, again: Reinstalled): string {
  if (again.againstHistory) return `${version} was not in the store: installed again from ${again.asset}, checked against the SHA-256 in its history`;
  const check = again.verification.method === 'none' ? 'unverified: the history records no SHA-256 and the release publishes none' : `checked against ${again.verification.source} (the history records no SHA-256 for it)`;
  return `${version} was not in the store: installed again from ${again.asset}, ${check}`;
}

export async function rollback(name: string, flags: { to?: string; reason?: string }): Promise<void> {
  const ctx = await managedContext();
  const result = await rollbackTool(ctx, await identifyTool(ctx, name), { to: flags.to, reason: flags.reason });
  printLines([
    ...(result.reinstalled ? [reinstallLine(result.to, result.reinstalled)] : []),
    `rolled back ${result.tool}: ${result.from ?? 'none'} → ${result.to}${result.explicit ? '' : ' (the version before the last change)'}${result.reason ? ` — ${quoteReason(result.reason)}` : ''}`,
    `held: \`tool update\` leaves ${result.tool} alone until \`tool update ${result.tool}\` or \`tool unhold ${result.tool}\``,
  ]);
}
