/**
 * Where the files shipped beside the code are: package.json, registry/, shims/ (with shims/completions/),
 * the registry index and the CLI entry that shims hand over to. The same source
 * runs from two builds at different depths, so every path is computed here:
 * tsc's output (dist/src/<dir>/<file>.js, what unit tests import) and the
 * bundle (dist/bundle/<file>.cjs, CommonJS, what users and e2e tests run).
 * scripts/bundle.mjs replaces TOOL_BUNDLED with `true` (esbuild `define`).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

declare const TOOL_BUNDLED: boolean | undefined;
const BUNDLED = typeof TOOL_BUNDLED === 'boolean' && TOOL_BUNDLED;

/** The package root: the directory holding package.json. */
export const PACKAGE_ROOT = BUNDLED ? join(__dirname, '..', '..') : fileURLToPath(new URL('../../../', import.meta.url));

export const PACKAGE_JSON = join(PACKAGE_ROOT, 'package.json');
export const REGISTRY_DIR = join(PACKAGE_ROOT, 'registry');
export const SHIM_TEMPLATE = join(PACKAGE_ROOT, 'shims', 'posix.sh');
/** Templates of the completion scripts (src/cli/completion/script.ts fills in the command tables). */
export const COMPLETIONS_DIR = join(PACKAGE_ROOT, 'shims', 'completions');
/** Written by the build (scripts/bundle.mjs) from registry/; see registry-index.ts. */
export const REGISTRY_INDEX = join(PACKAGE_ROOT, 'dist', 'registry-index.json');

/** The script shims run on a miss (`node <script> __shim …`): the entry of the build this code runs from. */
export const CLI_SCRIPT = join(PACKAGE_ROOT, 'dist', ...(BUNDLED ? ['bundle', 'tool.cjs'] : ['src', 'bin', 'tool.js']));
