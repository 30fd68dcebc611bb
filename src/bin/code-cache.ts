/**
 * Loads the bundle's files (dist/bundle/*.cjs, see scripts/bundle.mjs) through
 * V8's code cache; only the bundle uses this module. Node 20 keeps no compile
 * cache for user code (module.enableCompileCache came in Node 22), but
 * vm.Script accepts the cachedData V8 produced for the same source: the
 * functions compiled when the cache was written are deserialized instead of
 * parsed and compiled again.
 *
 * The build writes `<file>.v8cache` after running a command with
 * TOOL_WRITE_CODE_CACHE=<file>. V8 rejects a cache from another V8 version or
 * other flags, but it checks the source only by its length; so a cache is used
 * only with the file it was made from (code-cache-stamp.ts). Without a usable
 * cache the file compiles as usual: slower, never wrong.
 *
 * A bundle file reaches a module of another one with require('./<file>.cjs'):
 * each file is loaded once per process, here, so every module exists once.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';
import { readCache, stamp } from './code-cache-stamp.js';
import { lazyBuiltinRequire } from './lazy-require.js';

type ModuleFunction = (exports: unknown, require: NodeJS.Require, module: { exports: unknown }, filename: string, dirname: string) => void;

const BUNDLE_FILE = /^\.\/[\w-]+\.cjs$/;
const loaded = new Map<string, { exports: unknown }>();

/** The require() the code in `file` gets: other bundle files through here, Node built-ins deferred. */
function bundleRequire(file: string): NodeJS.Require {
  const require = lazyBuiltinRequire(createRequire(file));
  const withBundles = (id: string): unknown => (BUNDLE_FILE.test(id) ? requireWithCodeCache(join(dirname(file), id)) : require(id));
  return Object.assign(withBundles, require);
}

/** require(file) for a bundle file, compiled with `<file>.v8cache` when it was made from this file and V8 accepts it. */
export function requireWithCodeCache(file: string): unknown {
  const known = loaded.get(file);
  if (known) return known.exports;
  const cacheFile = `${file}.v8cache`;
  // latin1: the build keeps bundles ASCII, and this skips UTF-8 decoding.
  const text = readFileSync(file, 'latin1');
  const fileStamp = stamp(text);
  const cachedData = readCache(cacheFile, fileStamp);
  // A #! line is valid only at the start of a script; blanked, line numbers stay.
  const source = text.replace(/^#!.*/, '');
  const script = new Script(wrap(source), { filename: file, ...(cachedData ? { cachedData } : {}) });
  const module = { exports: {} as unknown };
  loaded.set(file, module);
  (script.runInThisContext() as ModuleFunction)(module.exports, bundleRequire(file), module, file, dirname(file));
  // At exit, so the cache holds the functions the command compiled, not only the top level.
  if (process.env.TOOL_WRITE_CODE_CACHE === file && fileStamp) process.once('exit', () => writeFileSync(cacheFile, Buffer.concat([fileStamp, script.createCachedData()])));
  return module.exports;
}
