/**
 * Any `tool` command notices self-updates too: for each tool running from a
 * live copy, a stat comparison (as cheap as the shim's) and a capture only when
 * the bytes changed. Messages go to the log; a mismatch is shown loudly.
 */
import type { AppContext } from '../app/context.js';
import { identityOfState, type ToolIdentity } from '../app/select/identify.js';
import { isLive } from '../app/select/live-policy.js';
import { listToolStates } from '../store/tool-state.js';
import type { Captured } from './capture.js';

export function describeCapture(captured: Captured): string[] {
  if (captured.broken) {
    return [`WARNING: ${captured.tool} replaced itself with bytes that do not run: the new file ${captured.broken} (sha256 ${captured.sha256}). Not captured; ${captured.tool} runs ${captured.from} again. Its next update may fix it, or report it upstream`];
  }
  const lines = [`${captured.tool} updated itself: ${captured.from} → ${captured.to} (${captured.upstream.check}: ${captured.upstream.detail}); captured in the store`];
  if (captured.upstream.check === 'mismatch') {
    lines.push(`WARNING: the bytes ${captured.tool} wrote (sha256 ${captured.sha256}) do NOT match upstream. Run \`tool rollback ${captured.tool}\` to go back to ${captured.from}`);
  }
  return lines;
}

export async function captureAndReport(ctx: AppContext, tool: ToolIdentity): Promise<Captured | undefined> {
  if (!isLive(tool)) return undefined;
  // Loaded only for a tool that runs from a live copy: capturing can install (archives, GitHub),
  // a module graph as large as the rest of the CLI, which read-only commands should not load.
  const { captureSelfUpdate } = await import('./capture.js');
  const captured = await captureSelfUpdate(ctx, tool);
  if (captured) for (const line of describeCapture(captured)) ctx.log(line);
  return captured;
}

export async function noticeSelfUpdates(ctx: AppContext): Promise<Captured[]> {
  const captured: Captured[] = [];
  for (const state of await listToolStates(ctx.layout)) {
    const result = await captureAndReport(ctx, identityOfState(ctx, state));
    if (result) captured.push(result);
  }
  return captured;
}
