// `npm run build`, after `tsc -p .`: ships the CLI so Node loads little at start-up.
// Node's own start-up is the floor (~70 ms); loading ~160 ES modules, compiling
// them and parsing every registry file came on top of it. dist/bundle/ holds:
// - tool.cjs, the entry: src/bin/code-cache.ts, which loads the files below with
//   V8's code cache (<file>.v8cache, written here by running the CLI).
// - front.cjs: src/bin/tool.ts, cli/main.ts and commander: all that `--help` and
//   `--version` run.
// - core.cjs: what the read-only commands (list, which, history, versions), the
//   error reporter, the home check and the self-update notice import, and all they import.
// - rest.cjs: every other module (installs, archives, GitHub, the aqua registry, …).
// - semver.cjs: semver, loaded when a version range is first used.
// Each module sits in one file and is evaluated when first imported: an import
// of a module in another file becomes require('./<file>.cjs').load('src/…'),
// so `tool list` loads front.cjs and core.cjs and never rest.cjs.
// Third-party packages that only installs use (tar, yaml, …) stay in
// node_modules and are required when first used; Node built-ins most commands
// never call are deferred too (src/bin/lazy-require.ts).
// dist/registry-index.json: name, repo and executables of each registry/ entry
// (src/registry/registry-index.ts), so a command parses one registry file, not all.
// CommonJS rather than ES modules: Node 20 caches no compiled ES module code, and
// its ES module loader costs a few ms more per start. scripts/bundle-split.mjs
// divides the modules; src/registry/package-files.ts finds package.json,
// registry/ and shims/ from either build.
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assertEachModuleOnce, LAZY_PACKAGES, lazyPackages, loaderEntry, split, staticClosure } from './bundle-split.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(root, 'dist/bundle');
const indexFile = join(root, 'dist/registry-index.json');

/** The front's modules: what they import dynamically lives in core.cjs or rest.cjs. */
const FRONT = new Set(['src/bin/tool.ts', 'src/cli/main.ts', ...readdirSync(join(root, 'src/cli/definitions')).map((name) => `src/cli/definitions/${name}`)]);
/** core.cjs: these and everything they import statically. */
const CORE = ['src/cli/commands/list.ts', 'src/cli/commands/which.ts', 'src/cli/commands/history.ts', 'src/cli/commands/versions.ts', 'src/cli/report-error.ts', 'src/cli/app-context.ts', 'src/app/home.ts', 'src/capture/notice.ts'];
/** Stateless modules the front may hold a copy of (any other module must live in one file only). */
const SHARED = new Set(['src/registry/package-files.ts']);
/** Used by installs only; required from node_modules when first used. */
const EXTERNAL = ['tar', 'yaml', 'yauzl', 'xz-decompress', 'unbzip2-stream', 'fzstd'];

const common = {
  absWorkingDir: root,
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20.18',
  // import() becomes require(): vm.Script code (code-cache.ts) has no ES module loader to call.
  supported: { 'dynamic-import': false },
  // package-files.ts uses __dirname in the bundle; import.meta.url, should any module
  // read it, is computed when read (pathToFileURL alone costs ~0.4 ms at start-up).
  define: { TOOL_BUNDLED: 'true', 'import.meta': '__toolImportMeta' },
  banner: { js: '"use strict";\nconst __toolImportMeta = { get url() { return require("node:url").pathToFileURL(__filename).href; } };' },
  external: [...EXTERNAL, './*.cjs'],
  logLevel: 'warning',
};

async function bundleInto(dir) {
  const core = await staticClosure(common, CORE);
  const rest = new Set();
  const elsewhere = (name) => {
    if (core.has(name)) return 'core.cjs';
    rest.add(name);
    return 'rest.cjs';
  };
  const front = await build({
    ...common,
    entryPoints: ['src/bin/tool.ts'],
    outfile: join(dir, 'front.cjs'),
    metafile: true,
    plugins: [split(root, (name, kind, importer) => (kind === 'dynamic-import' && FRONT.has(importer) && !FRONT.has(name) ? elsewhere(name) : undefined)), lazyPackages],
  });
  const coreFile = await build({
    ...common,
    stdin: { contents: loaderEntry(core), resolveDir: root, sourcefile: 'core-entry.js', loader: 'js' },
    outfile: join(dir, 'core.cjs'),
    metafile: true,
    plugins: [split(root, (name) => (core.has(name) ? undefined : elsewhere(name))), lazyPackages],
  });
  const restFile = await build({
    ...common,
    stdin: { contents: loaderEntry(rest), resolveDir: root, sourcefile: 'rest-entry.js', loader: 'js' },
    outfile: join(dir, 'rest.cjs'),
    metafile: true,
    plugins: [split(root, (name) => (core.has(name) ? 'core.cjs' : undefined)), lazyPackages],
  });
  assertEachModuleOnce(front, [coreFile, restFile], SHARED);
  for (const name of LAZY_PACKAGES) {
    await build({ ...common, stdin: { contents: `module.exports = require(${JSON.stringify(name)});`, resolveDir: root, loader: 'js' }, outfile: join(dir, `${name}.cjs`) });
  }
  await build({
    ...common,
    stdin: { contents: "import { requireWithCodeCache } from './src/bin/code-cache.ts';\nrequireWithCodeCache(require('node:path').join(__dirname, 'front.cjs'));\n", resolveDir: root, sourcefile: 'tool-entry.js', loader: 'ts' },
    outfile: join(dir, 'tool.cjs'),
    banner: { js: '#!/usr/bin/env node\n"use strict";' },
  });
  chmodSync(join(dir, 'tool.cjs'), 0o755);
  // code-cache.ts reads the files as latin1 (no UTF-8 decoding at start-up): esbuild
  // escapes non-ASCII text in code, so only comments may hold any.
  for (const file of readdirSync(dir)) {
    const path = join(dir, file);
    const text = readFileSync(path, 'utf8');
    const ascii = text.replace(/[^\x00-\x7f]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
    // The stamp code-cache.ts pairs a cache with its file by: a hash of the content, not
    // the mtime, which npm install sets to the time of the install.
    writeFileSync(path, `${ascii}//# toolBuild=${createHash('sha256').update(ascii).digest('hex').slice(0, 16)}\n`);
  }
}

/**
 * The code caches: what commands compile, written by the CLI itself
 * (src/bin/code-cache.ts). A run that starts from a cache writes it back with
 * what it compiled on top, so runs in a row add up.
 */
function writeCodeCaches(dir) {
  const home = mkdtempSync(join(tmpdir(), 'tool-bundle-'));
  const runs = [
    ['front.cjs', ['list']],
    ['front.cjs', ['--help']],
    ['core.cjs', ['list']],
    ['core.cjs', ['which', 'jq']],
    ['rest.cjs', ['search', 'json']],
  ];
  try {
    for (const [file, args] of runs) {
      const run = spawnSync(process.execPath, [join(dir, 'tool.cjs'), ...args], {
        env: { ...process.env, TOOL_HOME: home, TOOL_REGISTRIES: 'builtin', TOOL_WRITE_CODE_CACHE: join(dir, file) },
        encoding: 'utf8',
      });
      // `which jq` exits 3: nothing is added in the empty home.
      if (run.status !== 0 && !(args[0] === 'which' && run.status === 3)) throw new Error(`bundle: tool ${args.join(' ')} failed (${run.status}) while writing the code cache:\n${run.stderr}`);
    }
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
}

/** An optimisation: without the index (or when registry/ changed since) the CLI reads every registry file. */
async function writeIndex() {
  const { loadRegistry, REGISTRY_DIR } = await import('../dist/src/registry/load.js');
  const { writeRegistryIndex } = await import('../dist/src/registry/registry-index.js');
  const staged = `${indexFile}.${process.pid}`;
  try {
    writeRegistryIndex(REGISTRY_DIR, loadRegistry(REGISTRY_DIR).all(), staged);
    renameSync(staged, indexFile);
  } catch (error) {
    rmSync(staged, { force: true });
    rmSync(indexFile, { force: true });
    console.warn(`bundle: no registry index written (${error.message}); \`npm run check-registry\` shows what is wrong`);
  }
}

// Built and trained in a staging directory beside dist/bundle (same depth, so the
// package root is found the same way), then renamed in file by file: a CLI started
// meanwhile never reads a half-written file, and a cache is only ever used with
// the file it was made from (code-cache.ts checks its size and build stamp).
const stage = mkdtempSync(join(root, 'dist/.bundle-'));
try {
  await bundleInto(stage);
  writeCodeCaches(stage);
  mkdirSync(outdir, { recursive: true });
  const files = readdirSync(stage);
  for (const file of files) renameSync(join(stage, file), join(outdir, file));
  for (const file of readdirSync(outdir)) if (!files.includes(file)) rmSync(join(outdir, file), { recursive: true, force: true });
} finally {
  rmSync(stage, { recursive: true, force: true });
}
await writeIndex();
