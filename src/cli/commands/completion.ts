/** `tool completion <shell>`: print the completion script made from the command definitions. */
import { readFileSync } from 'node:fs';
import { readSettings } from '../../env/settings.js';
import { PACKAGE_JSON, REGISTRY_DIR } from '../../registry/package-files.js';
import { registryFiles } from '../../registry/registry-index.js';
import type { CommandNode } from '../completion/command-tree.js';
import { completionScript, type CompletionShell } from '../completion/script.js';

/** The shipped registry's names, when TOOL_REGISTRIES consults it (the aqua registry's 2,000 are left to `tool search`). */
function knownNames(env: NodeJS.ProcessEnv): string[] {
  if (!readSettings(env).registries.some((source) => source.kind === 'builtin')) return [];
  return registryFiles(REGISTRY_DIR).map((file) => file.slice(0, -'.json'.length));
}

/** Prints the script to stdout, to be sourced or saved where the shell looks. */
export function completion(shell: CompletionShell, tree: CommandNode): void {
  const { version } = JSON.parse(readFileSync(PACKAGE_JSON, 'utf8')) as { version: string };
  process.stdout.write(completionScript(shell, tree, { version, known: knownNames(process.env) }));
}
