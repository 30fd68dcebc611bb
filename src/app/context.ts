/**
 * Everything a use case needs, built once by the CLI and faked by tests.
 * Expensive parts (the GitHub client and its HTTP stack) are created on
 * first use, so commands that never touch the network never pay for them.
 */
import type { Platform } from '../core/platform.js';
import type { ReleaseAgePolicy } from '../core/release-age.js';
import type { Settings } from '../env/settings.js';
import type { GitHubClient } from '../github/types.js';
import type { Registry } from '../registry/load.js';
import { createLayout, type Layout } from '../store/layout.js';

export interface AppContext {
  settings: Settings;
  layout: Layout;
  registry: Registry;
  platform(): Platform;
  github(): Promise<GitHubClient>;
  /** Progress lines for the user (stderr in the CLI). */
  log(line: string): void;
  /** Download progress; the CLI draws it only on a terminal. */
  progress(event: ProgressEvent): void;
  now(): Date;
  cwd: string;
  /** Absolute paths baked into shims so they can hand over to this CLI. */
  cli: { node: string; script: string };
  /**
   * --locked: registries are read from the cache only, never fetched, so a
   * locked install or sync makes no request beyond the lock's downloads.
   */
  cachedRegistriesOnly?: boolean;
  /** `--min-age` for this run: the release cooldown for every tool, over the settings (env/min-release-age.ts). */
  minReleaseAge?: ReleaseAgePolicy;
}

export interface ProgressEvent {
  label: string;
  received: number;
  total: number | undefined;
  done: boolean;
}

export interface ContextOptions {
  settings: Settings;
  registry: Registry;
  platform: () => Platform;
  log: (line: string) => void;
  progress?: (event: ProgressEvent) => void;
  cwd: string;
  cli: { node: string; script: string };
  github?: () => Promise<GitHubClient>;
}

export function createContext(options: ContextOptions): AppContext {
  const layout = createLayout(options.settings.home);
  let platform: Platform | undefined;
  let github: Promise<GitHubClient> | undefined;
  const defaultGithub = async () => {
    const [{ createGitHubClient }, { createFileEtagCache }] = await Promise.all([
      import('../github/client.js'),
      import('../github/etag-cache.js'),
    ]);
    return createGitHubClient(options.settings, createFileEtagCache(layout.httpCache), { note: options.log });
  };
  return {
    settings: options.settings,
    layout,
    registry: options.registry,
    platform: () => (platform ??= options.platform()),
    github: () => (github ??= (options.github ?? defaultGithub)()),
    log: options.log,
    progress: options.progress ?? (() => {}),
    now: () => new Date(),
    cwd: options.cwd,
    cli: options.cli,
  };
}
