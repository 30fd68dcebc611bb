/** `tool hold` / `tool unhold`: keep a tool where it is through `tool update` and background checks, or release it. */
import { ToolError } from '../core/errors.js';
import { writeToolState } from '../store/tool-state.js';
import type { ToolIdentity } from './identify.js';
import type { AppContext } from './context.js';

export async function setHeld(ctx: AppContext, tool: ToolIdentity, held: boolean): Promise<{ tool: string; held: boolean; changed: boolean }> {
  if (!tool.state) throw new ToolError('TOOL_NOT_INSTALLED', `${tool.id} is not added`, { hint: `Run \`tool add ${tool.id}\` first` });
  const changed = Boolean(tool.state.held) !== held;
  if (changed) await writeToolState(ctx.layout, { ...tool.state, held });
  return { tool: tool.id, held, changed };
}
