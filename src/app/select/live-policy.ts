/** Which tools run from a writable live copy instead of straight from the store. */
import type { ToolIdentity } from './identify.js';

/**
 * Marked self-updating (registry entry, or `tool add --self-update`) and
 * following latest: a held tool still runs live, so its own updater keeps
 * working and what it writes is captured as usual.
 */
export function isLive(tool: ToolIdentity): boolean {
  const selfUpdating = tool.state?.selfUpdate ?? Boolean(tool.entry?.selfUpdate);
  return selfUpdating && (tool.state?.follow ?? 'latest') === 'latest';
}
