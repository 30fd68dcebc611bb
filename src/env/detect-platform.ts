/**
 * The platform this process runs on, as a plain value that TOOL_OS, TOOL_ARCH
 * and TOOL_LIBC can override, so asset choice for any platform can be tested
 * (and previewed) on one machine.
 */
import { existsSync, readdirSync } from 'node:fs';
import { ToolError } from '../core/errors.js';
import type { Arch, Libc, Os, Platform } from '../core/platform.js';

type Env = Record<string, string | undefined>;

const osAliases: Record<string, Os> = { linux: 'linux', darwin: 'darwin', macos: 'darwin', windows: 'windows' };
const archAliases: Record<string, Arch> = { x64: 'x64', amd64: 'x64', x86_64: 'x64', arm64: 'arm64', aarch64: 'arm64' };
const libcAliases: Record<string, Libc> = { gnu: 'gnu', glibc: 'gnu', musl: 'musl' };

/** Node's names for the platforms we support. */
const nodeOs: Partial<Record<NodeJS.Platform, Os>> = { linux: 'linux', darwin: 'darwin', win32: 'windows' };
const nodeArch: Record<string, Arch> = { x64: 'x64', arm64: 'arm64' };

/**
 * Detects the running platform. Overrides: TOOL_OS (linux|darwin|windows,
 * also macos), TOOL_ARCH (x64|arm64, also amd64, x86_64, aarch64) and
 * TOOL_LIBC (gnu|glibc|musl; only meaningful when the OS is linux).
 */
export function detectPlatform(env: Env = process.env): Platform {
  const os = override(env, 'TOOL_OS', osAliases) ?? nodeOs[process.platform];
  const arch = override(env, 'TOOL_ARCH', archAliases) ?? nodeArch[process.arch];
  const libcOverride = override(env, 'TOOL_LIBC', libcAliases);
  if (os === undefined || arch === undefined) {
    throw new ToolError(
      'TOOL_UNSUPPORTED_PLATFORM',
      `this machine (${process.platform}-${process.arch}) is not a platform tool installs for`,
      { hint: 'Set TOOL_OS and TOOL_ARCH to choose assets for a supported platform' },
    );
  }
  if (os !== 'linux') return { os, arch };
  // Only probe the host's libc when the host itself is linux; a TOOL_OS=linux
  // preview from a Mac gets the common case, glibc.
  const libc = libcOverride ?? (process.platform === 'linux' ? detectLibc() : 'gnu');
  return { os, arch, libc };
}

function override<T>(env: Env, name: string, aliases: Record<string, T>): T | undefined {
  const raw = env[name]?.trim();
  if (!raw) return undefined;
  const value = aliases[raw.toLowerCase()];
  if (value === undefined) {
    throw new ToolError('TOOL_BAD_SETTING', `${name}=${raw} is not one of ${Object.keys(aliases).join(', ')}`, {
      hint: `Set ${name} to one of those values or unset it`,
    });
  }
  return value;
}

/**
 * glibc when Node's own report names a glibc runtime (Node linked against
 * glibc); otherwise musl when a musl loader is installed; glibc by default.
 */
export function detectLibc(): Libc {
  if (glibcRuntime()) return 'gnu';
  return hasMuslLoader() ? 'musl' : 'gnu';
}

function glibcRuntime(): string | undefined {
  try {
    const report = process.report?.getReport() as { header?: { glibcVersionRuntime?: string } } | undefined;
    return report?.header?.glibcVersionRuntime;
  } catch {
    // No report support (unusual builds): fall back to looking for the musl loader.
    return undefined;
  }
}

function hasMuslLoader(): boolean {
  for (const dir of ['/lib', '/usr/lib']) {
    if (!existsSync(dir)) continue;
    try {
      if (readdirSync(dir).some((entry) => entry.startsWith('ld-musl-'))) return true;
    } catch {
      // An unreadable directory says nothing about the libc; keep looking.
    }
  }
  return false;
}
