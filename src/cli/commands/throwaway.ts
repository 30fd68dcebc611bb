import { runShell, runThrowaway } from '../../app/throwaway/session.js';
import type { ThrowawayTool } from '../../app/throwaway/environment.js';
import { ToolError } from '../../core/errors.js';
import { parseToolRequest } from '../../core/tool-ref.js';
import { exitLikeChild } from '../../exec/spawn.js';
import { managedContext } from '../app-context.js';
import { withMinAge } from './min-age.js';

const X_EXAMPLE = "For example: tool x fd@9 rg@13 -- sh -c 'fd . | rg foo'";

/** `tool x <tools…> -- <command…>`: `command` is what followed "--", undefined when there was none. */
export async function x(items: string[], command: string[] | undefined, flags: { keep?: boolean; minAge?: string }): Promise<void> {
  if (!command) throw new ToolError('TOOL_USAGE', '`tool x` needs the command after --', { hint: X_EXAMPLE });
  if (command.length === 0) throw new ToolError('TOOL_USAGE', '`tool x` has no command after --', { hint: X_EXAMPLE });
  const tools = items.slice(0, items.length - command.length);
  if (tools.length === 0) throw new ToolError('TOOL_USAGE', '`tool x` needs at least one tool before --', { hint: X_EXAMPLE });
  const requests = tools.map(parseToolRequest);
  const result = await runThrowaway(withMinAge(await managedContext(), flags.minAge), requests, command, { keep: Boolean(flags.keep) });
  exitLikeChild(result.status);
}

function entering(tools: readonly ThrowawayTool[], keep: boolean): void {
  const list = tools.map((tool) => `${tool.tool} ${tool.version}`).join(', ');
  process.stderr.write(`tool shell: ${list} first on PATH${keep ? '' : ' (ephemeral)'}; exit to return\n`);
}

/** `tool shell <tools…>`: the shell's exit status is this command's. */
export async function shell(items: string[], flags: { keep?: boolean; minAge?: string }): Promise<void> {
  const requests = items.map(parseToolRequest);
  const keep = Boolean(flags.keep);
  const result = await runShell(withMinAge(await managedContext(), flags.minAge), requests, { keep, onEnter: (tools) => entering(tools, keep) });
  exitLikeChild(result.status);
}
