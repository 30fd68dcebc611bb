import { identifyTool } from '../../app/select/identify.js';
import { defaultExe, whichTool } from '../../app/select/which.js';
import { managedContext } from '../app-context.js';
import { printJson, printLines } from '../output.js';
import { ToolError } from '../../core/errors.js';
import { describeSource } from '../../pins/resolve.js';
import { sourceJson } from '../json/common.js';

export async function which(name: string, flags: { json?: boolean }): Promise<void> {
  const ctx = await managedContext();
  const tool = await identifyTool(ctx, name);
  const result = await whichTool(ctx, tool, defaultExe(tool, name));
  if (flags.json) return printJson({ ...result, source: sourceJson(result.source) });
  const source = describeSource(result.source);
  if (!result.path) {
    throw new ToolError('TOOL_NOT_INSTALLED', `${result.tool} ${result.spec} (${source}) is not installed`, {
      hint: 'Run `tool install` here, or run the command once and its shim installs it',
    });
  }
  printLines([
    result.path,
    `  ${result.tool} ${result.version}, because of ${source}: ${result.spec}`,
    ...(result.modified.length ? [`  warning: ${result.modified.join(', ')} changed after install (read-only permissions do not stop root); reinstall with \`tool remove ${result.tool}@${result.version}\` and \`tool install\``] : []),
  ]);
}
