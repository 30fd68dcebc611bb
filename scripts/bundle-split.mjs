// How scripts/bundle.mjs divides the modules between the bundle's files: each
// module is bundled into exactly one file, and an import that crosses files is
// sent to the file that holds the module (split); packages most commands never
// call get files of their own, loaded on first use (lazyPackages).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Packages that many commands never call, each bundled into a file of its own
 * (semver.cjs) that is loaded on first use: semver is a third of core.cjs and
 * builds its regular expressions when loaded (~1 ms), and only version ranges
 * use it. (Node built-ins are deferred at run time: src/bin/lazy-require.ts.)
 */
export const LAZY_PACKAGES = ['semver'];

/**
 * Sends an import to the bundle file that holds its module: `target(name, kind,
 * importer)`, with source paths relative to `root`, names that file ('core.cjs',
 * 'rest.cjs') or returns undefined to bundle the module here.
 */
export function split(root, target) {
  return {
    name: 'split',
    setup(b) {
      b.onResolve({ filter: /^\./ }, async (args) => {
        if (args.pluginData?.split || args.namespace !== 'file' || !args.importer.startsWith(join(root, 'src'))) return undefined;
        const resolved = await b.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { split: true } });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const name = relative(root, resolved.path);
        const file = target(name, args.kind, relative(root, args.importer));
        return file ? { path: `${file}:${name}`, namespace: 'other-bundle-file' } : undefined;
      });
      b.onLoad({ filter: /.*/, namespace: 'other-bundle-file' }, (args) => {
        const [file, name] = args.path.split(':');
        return { contents: `module.exports = require(${JSON.stringify(`./${file}`)}).load(${JSON.stringify(name)});`, loader: 'js' };
      });
    },
  };
}

/**
 * `semver` → an object whose getters require ./semver.cjs on first use. It stays
 * lazy because esbuild reads imports at each use (`import_semver.default.satisfies`)
 * and copies namespaces as getters.
 */
export const lazyPackages = {
  name: 'lazy-packages',
  setup(b) {
    b.onResolve({ filter: new RegExp(`^(${LAZY_PACKAGES.join('|')})$`) }, (args) => ({ path: args.path, namespace: 'lazy-package' }));
    b.onLoad({ filter: /.*/, namespace: 'lazy-package' }, (args) => {
      const getters = Object.keys(require(args.path)).map((key) => `  ${JSON.stringify(key)}: { get: () => load()[${JSON.stringify(key)}], enumerable: true },`);
      return { contents: `let loaded;\nconst load = () => (loaded ??= require(${JSON.stringify(`./${args.path}.cjs`)}));\nmodule.exports = Object.defineProperties({}, {\n${getters.join('\n')}\n});\n`, loader: 'js' };
    });
  },
};

/** A bundle file's entry: load(name) evaluates a module on first call (require() of an ES module in a bundle is lazy). */
export function loaderEntry(names) {
  const loaders = [...names].sort().map((name) => `  ${JSON.stringify(name)}: () => require(${JSON.stringify(`./${name}`)}),`);
  return `const modules = {\n${loaders.join('\n')}\n};\nexports.load = (name) => {\n  const load = modules[name];\n  if (!load) throw new Error(\`this bundle file has no module \${name}; rebuild with npm run build\`);\n  return load();\n};\n`;
}

/** The static import closure of `entries`: the modules core.cjs holds. */
export async function staticClosure(common, entries) {
  const result = await build({
    ...common,
    stdin: { contents: entries.map((entry) => `require(${JSON.stringify(`./${entry}`)});`).join('\n'), resolveDir: common.absWorkingDir, loader: 'js' },
    write: false,
    metafile: true,
    plugins: [{ name: 'static-only', setup: (b) => b.onResolve({ filter: /.*/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined)) }, lazyPackages],
  });
  return new Set(Object.keys(result.metafile.inputs).filter((name) => name.startsWith('src/')));
}

/** The source modules an esbuild result bundled. */
function modulesOf(result) {
  return Object.keys(result.metafile.inputs).filter((name) => name.startsWith('src/'));
}

/**
 * A module bundled into two files would exist twice at run time: two ToolError
 * classes (instanceof fails), two copies of any module state. The front is the
 * only file that can end up with such a copy, through a static import.
 */
export function assertEachModuleOnce(front, others, shared) {
  const twice = modulesOf(front).filter((name) => !shared.has(name) && others.some((result) => modulesOf(result).includes(name)));
  if (twice.length > 0) {
    throw new Error(`bundle: front.cjs and another bundle file both hold ${twice.join(', ')}; import them dynamically from src/bin/tool.ts and src/cli/main.ts (or list a stateless module in SHARED in scripts/bundle.mjs)`);
  }
}

