import { identifyTool } from '../../app/select/identify.js';
import type { Reinstalled } from '../../app/install/reinstall.js';
import { rollbackTool } from '../../app/lifecycle/rollback.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';
import { verificationJson } from '../json/common.js';
import { quoteReason } from './reason-text.js';

/** How a pruned version came back, so the user knows which bytes now run. */
function reinstallLine(version: string, again: Reinstalled): string {
  if (again.againstHistory) return `${version} was not in the store: installed again from ${again.asset}, checked against the SHA-256 in its history`;
  const check = again.verification.method === 'none' ? 'unverified: the history records no SHA-256 and the release publishes none' : `checked against ${again.verification.source} (the history records no SHA-256 for it)`;
  return `${version} was not in the store: installed again from ${again.asset}, ${check}`;
}

export async function rollback(name: string, flags: { to?: string; reason?: string; json?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const result = await rollbackTool(ctx, await identifyTool(ctx, name), { to: flags.to, reason: flags.reason });
  if (flags.json) {
    const again = result.reinstalled && { asset: result.reinstalled.asset, againstHistory: result.reinstalled.againstHistory, verification: verificationJson(result.reinstalled.verification) };
    return printJson({ tool: result.tool, from: result.from ?? null, to: result.to, explicit: result.explicit, held: true, reason: result.reason ?? null, reinstalled: again ?? null });
  }
  printLines([
    ...(result.reinstalled ? [reinstallLine(result.to, result.reinstalled)] : []),
    `rolled back ${result.tool}: ${result.from ?? 'none'} → ${result.to}${result.explicit ? '' : ' (the version before the last change)'}${result.reason ? ` — ${quoteReason(result.reason)}` : ''}`,
    `held: \`tool update\` leaves ${result.tool} alone until \`tool update ${result.tool}\` or \`tool unhold ${result.tool}\``,
  ]);
}
