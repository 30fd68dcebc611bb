/**
 * `tool x` and `tool shell`: install the tools asked for, put them first on
 * PATH for one command (or one $SHELL), pass its exit status back, and leave
 * nothing behind but the ephemeral versions themselves.
 */
import { ToolError, isToolError } from '../../core/errors.js';
import type { ToolRequest } from '../../core/tool-ref.js';
import { runForeground, type ExitStatus, type ForegroundOptions } from '../../exec/spawn.js';
import type { AppContext } from '../context.js';
import { removeBinDir } from './bin-dir.js';
import { installThrowaway, openThrowaway, type Throwaway, type ThrowawayOptions, type ThrowawayTool } from './environment.js';

export interface SessionResult {
  tools: ThrowawayTool[];
  status: ExitStatus;
}

/** Runs `work` inside a throwaway environment; its PATH directory is removed however `work` ends. */
export async function withThrowaway<T>(ctx: AppContext, requests: readonly ToolRequest[], options: ThrowawayOptions, work: (env: Throwaway) => Promise<T>): Promise<T> {
  const tools = await installThrowaway(ctx, requests, options);
  const env = await openThrowaway(ctx, tools);
  try {
    return await work(env);
  } finally {
    await removeBinDir(env.binDir);
  }
}

/**
 * Runs a command that is not an installed tool (the user's command, their
 * shell, a bisect check): a command that cannot start is the user's to fix, so
 * the error names it rather than blaming an installed file.
 */
export async function runCommand(command: readonly string[], options: ForegroundOptions & { what: string }): Promise<ExitStatus> {
  const [file, ...args] = command;
  if (!file) throw new ToolError('TOOL_USAGE', `no ${options.what} given`, { hint: 'Put it after --, e.g. `tool x fd -- fd --version`' });
  try {
    return await runForeground(file, args, undefined, options);
  } catch (error) {
    if (!isToolError(error, 'TOOL_EXEC_FAILED')) throw error;
    const code = (error.cause as NodeJS.ErrnoException | undefined)?.code;
    const why = code === 'ENOENT' ? 'not found on PATH or at that path' : code === 'EACCES' ? 'not executable' : (code ?? error.message);
    throw new ToolError(code === 'ENOENT' ? 'TOOL_NOT_FOUND' : 'TOOL_EXEC_FAILED', `cannot run the ${options.what} "${file}": ${why}`, {
      hint: 'Check its name or path, and that it is executable (chmod +x); a shell line goes in `sh -c \'…\'`',
      cause: error,
    });
  }
}

/** `tool x <tools…> -- <command…>`. */
export async function runThrowaway(ctx: AppContext, requests: readonly ToolRequest[], command: readonly string[], options: { keep: boolean }): Promise<SessionResult> {
  return withThrowaway(ctx, requests, { by: 'x', keep: options.keep }, async (env) => ({
    tools: env.tools,
    status: await runCommand(command, { env: env.env, what: 'command' }),
  }));
}

/** `tool shell <tools…>`: $SHELL, else /bin/sh, until it exits. `onEnter` runs once the tools are ready, before the shell starts. */
export async function runShell(ctx: AppContext, requests: readonly ToolRequest[], options: { keep: boolean; onEnter(tools: ThrowawayTool[]): void }): Promise<SessionResult> {
  return withThrowaway(ctx, requests, { by: 'shell', keep: options.keep }, async (env) => {
    options.onEnter(env.tools);
    const shell = ctx.settings.env.SHELL || '/bin/sh';
    return { tools: env.tools, status: await runCommand([shell], { env: env.env, what: 'shell ($SHELL)' }) };
  });
}
