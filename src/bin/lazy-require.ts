/**
 * The require() that bundle files get (see code-cache.ts): Node built-ins that
 * take milliseconds to load (crypto ~3 ms; child_process ~2.5 ms with the streams
 * and sockets it pulls in) and that most commands never call are loaded on first
 * use. Bundled code reads a named import at each use (`import_node_crypto.createHash`),
 * so a proxy that loads the module on its first property access defers it until
 * then. commander requires child_process only for executable subcommands, which
 * tool has none of.
 */
const LAZY = new Set(['child_process', 'crypto', 'dgram', 'http', 'https', 'net', 'os', 'tls', 'worker_threads', 'zlib']);

function deferred(load: () => object): object {
  const target = {};
  let loaded: object | undefined;
  // The target takes the module's own properties when loaded, which keeps the proxy's invariants (non-configurable ones).
  const module = (): object => {
    if (!loaded) {
      loaded = load();
      Object.defineProperties(target, Object.getOwnPropertyDescriptors(loaded));
    }
    return loaded;
  };
  return new Proxy(target, {
    get: (_, key) => Reflect.get(module(), key),
    set: (_, key, value) => Reflect.set(module(), key, value),
    has: (_, key) => Reflect.has(module(), key),
    ownKeys: () => (module(), Reflect.ownKeys(target)),
    getOwnPropertyDescriptor: (_, key) => (module(), Reflect.getOwnPropertyDescriptor(target, key)),
  });
}

/** `require`, with the built-ins above deferred. */
export function lazyBuiltinRequire(require: NodeJS.Require): NodeJS.Require {
  const modules = new Map<string, object>();
  const lazyRequire = (id: string): unknown => {
    const name = id.startsWith('node:') ? id.slice('node:'.length) : id;
    if (!LAZY.has(name)) return require(id);
    let module = modules.get(name);
    if (!module) modules.set(name, (module = deferred(() => require(`node:${name}`) as object)));
    return module;
  };
  return Object.assign(lazyRequire, { resolve: require.resolve, cache: require.cache, extensions: require.extensions, main: require.main }) as NodeJS.Require;
}
