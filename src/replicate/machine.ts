/**
 * Where the declared tool set lives and what this machine is, for its
 * conditions and its lock entries. The declared files sit outside TOOL_HOME
 * (in the user's config directory, usually kept in dotfiles), so they are
 * named here rather than in the store layout.
 */
import { join } from 'node:path';
import type { Arch, Libc, Os, Platform } from '../core/platform.js';
import type { AppContext } from '../app/context.js';
import type { MachineFacts } from './conditions.js';

export interface DeclaredPaths {
  /** The set kept in dotfiles: ~/.config/tool/tools. */
  declared: string;
  /** Lines for this machine only, not meant for dotfiles: tools.local beside it. */
  local: string;
  /** The lock of the declared set: tools.lock beside it. */
  lock: string;
}

export function declaredPaths(ctx: AppContext): DeclaredPaths {
  const dir = ctx.settings.configDir;
  return { declared: join(dir, 'tools'), local: join(dir, 'tools.local'), lock: join(dir, 'tools.lock') };
}

/**
 * A lock entry's key: the tool id, plus the section condition for a line that
 * only some machines read ("ripgrep [host=laptop]"), so machines declaring one
 * tool differently each keep their own locked version instead of overwriting
 * each other's.
 */
export function lockKey(toolId: string, condition?: string): string {
  return condition ? `${toolId} [${condition}]` : toolId;
}

/** The lock file beside a project's `.tools`. */
export function projectLockPath(toolsFile: string): string {
  return `${toolsFile}.lock`;
}

export function machineFacts(ctx: AppContext): MachineFacts {
  const platform = ctx.platform();
  return { os: platform.os, arch: platform.arch, libc: platform.libc, host: ctx.settings.host };
}

/** "linux-x64", "linux-x64-musl", "darwin-arm64": a lock's key for a platform (glibc is the unmarked default). */
export function lockPlatformKey(platform: Platform): string {
  const base = `${platform.os}-${platform.arch}`;
  return platform.os === 'linux' && platform.libc === 'musl' ? `${base}-musl` : base;
}

export function platformOfKey(key: string): Platform {
  const [os, arch, libc] = key.split('-') as [Os, Arch, Libc | undefined];
  return os === 'linux' ? { os, arch, libc: libc ?? 'gnu' } : { os, arch };
}
