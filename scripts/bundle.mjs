// `npm run build`, after `tsc -p .`: ships the CLI so Node loads little at start-up.
// - dist/bundle/: src/bin/tool.ts and everything it imports bundled by esbuild,
//   with each lazy `await import()` (one per command, the HTTP stack, the decoders)
//   split into its own chunk, so a command loads a few files instead of ~160 modules.
// - dist/registry-index.json: name, repo and executables of each registry/ entry
//   (src/registry/registry-index.ts), so read-only commands parse one registry file, not all.
// src/registry/package-files.ts finds package.json, registry/ and shims/ from either build.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = `${root}dist/bundle`;
const indexFile = `${root}dist/registry-index.json`;

rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  entryPoints: { tool: 'src/bin/tool.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20.18',
  // Chunks sit beside tool.js: package-files.ts resolves the package root from any of them.
  chunkNames: '[name]-[hash]',
  define: { TOOL_BUNDLED: 'true' },
  // CommonJS dependencies (commander, semver, yauzl, …) call require() for Node's
  // built-in modules; an ES module has no require of its own.
  banner: { js: "import { createRequire as __toolCreateRequire } from 'node:module';\nconst require = __toolCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});

// The index is an optimisation: without it (or when registry/ changed since) the CLI reads every file.
rmSync(indexFile, { force: true });
const { loadRegistry, REGISTRY_DIR } = await import('../dist/src/registry/load.js');
const { writeRegistryIndex } = await import('../dist/src/registry/registry-index.js');
try {
  writeRegistryIndex(REGISTRY_DIR, loadRegistry(REGISTRY_DIR, undefined).all(), indexFile);
} catch (error) {
  console.warn(`bundle: no registry index written (${error.message}); \`npm run check-registry\` shows what is wrong`);
}
