/** The single place errors become output: one line for ToolErrors, a short banner for bugs. */
import { isToolError } from '../core/errors.js';

export function reportError(error: unknown, stderr: NodeJS.WritableStream, env: NodeJS.ProcessEnv): number {
  if (isToolError(error)) {
    stderr.write(`tool: ${error.toLine()}\n`);
    if (env.TOOL_DEBUG && error.cause) stderr.write(`${String((error.cause as Error).stack ?? error.cause)}\n`);
    return error.exitCode;
  }
  const commanderCode = (error as { code?: string; exitCode?: number })?.code;
  if (typeof commanderCode === 'string' && commanderCode.startsWith('commander.')) {
    // Commander already printed its message; help and --version are successes.
    return (error as { exitCode?: number }).exitCode === 0 ? 0 : 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  stderr.write(`tool: internal error: ${message}. This is a bug; please report it with the command you ran (set TOOL_DEBUG=1 for details)\n`);
  if (env.TOOL_DEBUG && error instanceof Error) stderr.write(`${error.stack}\n`);
  return 70;
}
