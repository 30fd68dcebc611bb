/**
 * Every path under TOOL_HOME, and nothing else joins them. Shims, the index the
 * shims read, the store, staging and state all live here, so the layout can be
 * versioned (LAYOUT_VERSION) and moved as one.
 *
 *   TOOL_HOME/
 *     layout-version            "1"
 *     global.tools              the global selection (.tools format)
 *     shims/<exe>               POSIX sh shims, the one directory on PATH
 *     store/<tool>/<version>/   read-only once published: bin/<exe>, files/, manifest.json
 *     live/<tool>/bin/<exe>     writable copy a self-updating tool runs from
 *     index/<tool>/<spec>       symlink → store version (or live copy): what the shim execs
 *     index/<tool>/.stamp       touched when that index is rebuilt; global.tools newer = hand edit
 *     state/tools/<tool>.json   approval, executables and options of an added tool
 *     state/specs/<tool>        specs seen in .tools files (one per line), kept in the index
 *     state/history/<tool>.jsonl
 *     state/auto/<tool>         mtime: when the next background update check is due
 *     state/seen-files          .tools files seen (prune keeps their pins)
 *     state/ephemeral/<tool>@<version>  marker of a version installed only for `tool x`, `shell` or `bisect`;
 *                               its mtime is the last use, the sweep removes the version TOOL_EPHEMERAL_TTL later
 *     locked/<project dir>/.tools/<tool>  symlink → the store version the project's .tools.lock selects;
 *                               .stamp older than .tools or .tools.lock = stale, the shim asks the CLI
 *     locks/<tool>.lock         lock directories, each with its owner (store/lock.ts)
 *     tmp/                      staging, same filesystem as store/ so rename publishes
 *     tmp/bin-<pid>-<random>/   per-executable symlinks a throwaway environment puts first on PATH, while <pid> runs
 */
import { join } from 'node:path';

export const LAYOUT_VERSION = '1';

/** "BurntSushi/ripgrep" → "BurntSushi__ripgrep": GitHub owners never contain "_". */
export function toolDirName(toolId: string): string {
  return toolId.replace('/', '__');
}

export function toolIdFromDirName(dirName: string): string {
  return dirName.replace('__', '/');
}

export function createLayout(home: string) {
  const store = join(home, 'store');
  const index = join(home, 'index');
  const state = join(home, 'state');
  return {
    home,
    layoutVersionFile: join(home, 'layout-version'),
    globalTools: join(home, 'global.tools'),
    shims: join(home, 'shims'),
    shim: (exe: string) => join(home, 'shims', exe),
    store,
    toolStore: (toolId: string) => join(store, toolDirName(toolId)),
    versionDir: (toolId: string, version: string) => join(store, toolDirName(toolId), version),
    versionBin: (toolId: string, version: string, exe: string) =>
      join(store, toolDirName(toolId), version, 'bin', exe),
    manifest: (toolId: string, version: string) => join(store, toolDirName(toolId), version, 'manifest.json'),
    live: (toolId: string) => join(home, 'live', toolDirName(toolId)),
    liveBin: (toolId: string, exe: string) => join(home, 'live', toolDirName(toolId), 'bin', exe),
    liveRoot: join(home, 'live'),
    index,
    toolIndex: (toolId: string) => join(index, toolDirName(toolId)),
    toolIndexStamp: (toolId: string) => join(index, toolDirName(toolId), '.stamp'),
    toolState: (toolId: string) => join(state, 'tools', `${toolDirName(toolId)}.json`),
    toolStates: join(state, 'tools'),
    seenSpecs: (toolId: string) => join(state, 'specs', toolDirName(toolId)),
    history: (toolId: string) => join(state, 'history', `${toolDirName(toolId)}.jsonl`),
    /** mtime = when the next background update check is due (the shim compares it with /proc/$$). */
    autoDue: (toolId: string) => join(state, 'auto', toolDirName(toolId)),
    autoLog: join(home, 'log', 'auto-update.log'),
    /** .tools files the CLI has seen; prune keeps what they pin. */
    seenFiles: join(state, 'seen-files'),
    /** Markers of ephemeral versions (`tool x`, `shell`, `bisect`): "<tool dir>@<version>", mtime = last use. */
    ephemeralMarkers: join(state, 'ephemeral'),
    ephemeralMarker: (toolId: string, version: string) => join(state, 'ephemeral', `${toolDirName(toolId)}@${version}`),
    /** The PATH directory of a throwaway environment; the pid lets a sweep tell a live one from a leftover. */
    throwawayBin: (pid: number, nonce: string) => join(home, 'tmp', `bin-${pid}-${nonce}`),
    cache: join(home, 'cache'),
    /** ETag-revalidated GitHub API answers, keyed by URL. */
    httpCache: join(home, 'cache', 'http'),
    /** A registry in aqua's format, indexed: <source dir>/catalog.json and packages/<n>.json; current.json says which copy is in use. */
    registryCache: (sourceDir: string) => join(home, 'cache', 'registries', sourceDir),
    registriesCache: join(home, 'cache', 'registries'),
    /**
     * Per locked project directory: what its .tools.lock selects, for the shim. Below
     * locked/<absolute dir>/.tools/, a path no project directory can have (.tools is a file there).
     */
    lockedRoot: join(home, 'locked'),
    lockedIndex: (projectDir: string) => join(home, 'locked', projectDir, '.tools'),
    lockedIndexEntry: (projectDir: string, toolId: string) => join(home, 'locked', projectDir, '.tools', toolDirName(toolId)),
    lockedIndexStamp: (projectDir: string) => join(home, 'locked', projectDir, '.tools', '.stamp'),
    lock: (toolId: string) => join(home, 'locks', toolDirName(toolId)),
    locks: join(home, 'locks'),
    homeLock: join(home, 'locks', '@home'),
    tmp: join(home, 'tmp'),
    log: join(home, 'log'),
  };
}

export type Layout = ReturnType<typeof createLayout>;
