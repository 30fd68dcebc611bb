import { identifyTool } from '../../app/select/identify.js';
import { defaultExe, whichTool } from '../../app/select/which.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';
import { ToolError } from '../../core/errors.js';

export async function which(name: string, flags: { json?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const tool = await identifyTool(ctx, name);
  const result = await whichTool(ctx, tool, defaultExe(tool, name));
  if (flags.json) return printJson(result);
  if (!result.path) {
    throw new ToolError('TOOL_NOT_INSTALLED', `${result.tool} ${result.spec} (${result.source}) is not installed`, {
      hint: 'Run `tool install` here, or run the command once and its shim installs it',
    });
  }
  printLines([
    result.path,
    `  ${result.tool} ${result.version}, because of ${result.source}: ${result.spec}`,
    ...(result.modified.length ? [`  warning: ${result.modified.join(', ')} changed after install (read-only permissions do not stop root); reinstall with \`tool remove ${result.tool}@${result.version}\` and \`tool install\``] : []),
  ]);
}
