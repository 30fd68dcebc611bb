/**
 * The environment, read once into a plain value. Nothing else reads process.env
 * for configuration, so tests pass a Settings object instead of mutating globals.
 */
import { homedir, hostname } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';
import { parseDuration } from '../core/duration.js';
import type { ArchiveLimits } from '../core/archive-limits.js';
import { ToolError } from '../core/errors.js';
import { readArchiveLimits } from './archive-limit-settings.js';
import { parseRegistrySources, type RegistrySource } from '../registries/sources.js';
import { readSettingsFile, type SettingsFile } from './settings-file.js';
import { checkMinReleaseAges } from './min-release-age.js';
import { checkAttestationModes } from './attestation-mode.js';
import { readRewriteRules } from './url-rewrite.js';
import { assertSafeUrl } from './safe-url.js';

export { assertSafeUrl, isLoopbackHost, isSafeUrl } from './safe-url.js';

export interface Settings {
  home: string;
  apiUrl: URL;
  token: string | undefined;
  /** Attempts for a request that fails with 5xx or a network error. */
  retries: number;
  /** First backoff delay; doubles each retry. */
  retryDelayMs: number;
  /** How long a connection may stay silent (connecting, awaiting headers, between body bytes): TOOL_HTTP_TIMEOUT seconds. */
  httpTimeoutMs: number;
  /** Where the declared tool set lives: $TOOL_CONFIG_DIR, else $XDG_CONFIG_HOME/tool, else ~/.config/tool. */
  configDir: string;
  /** This machine's name for [host=…] conditions: $TOOL_HOST overrides the system's. */
  host: string;
  /** Registries consulted in order (TOOL_REGISTRIES); see registries/sources.ts. */
  registries: RegistrySource[];
  /** How long a version installed only for `tool x`/`shell`/`bisect` stays after its last use (TOOL_EPHEMERAL_TTL, default 7 days). */
  ephemeralTtlSeconds: number;
  /** How far one archive may expand (TOOL_MAX_UNPACKED_BYTES, TOOL_MAX_ENTRIES, TOOL_MAX_COMPRESSION_RATIO). */
  archiveLimits: ArchiveLimits;
  /** `$TOOL_CONFIG_DIR/settings`, parsed (see settings-file.ts); no file: no entries. */
  file: SettingsFile;
  env: NodeJS.ProcessEnv;
}

const DEFAULT_API = 'https://api.github.com';

function parseApiUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ToolError('TOOL_BAD_SETTING', `TOOL_GITHUB_API_URL "${text}" is not a URL`, {
      hint: `Set it to ${DEFAULT_API} or https://HOST/api/v3 for GitHub Enterprise`,
    });
  }
  assertSafeUrl(url, 'TOOL_GITHUB_API_URL');
  return url;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) {
    throw new ToolError('TOOL_BAD_SETTING', `${name}="${text}" is not a whole number`, {
      hint: `Unset ${name} or give a number such as ${fallback}`,
    });
  }
  return value;
}

/** Seconds, fractions allowed (a test may want 0.2 s), returned as milliseconds. */
function positiveSeconds(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback * 1000;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0) {
    throw new ToolError('TOOL_BAD_SETTING', `${name}="${text}" is not a number of seconds above 0`, {
      hint: `Unset ${name} or give seconds such as ${fallback}`,
    });
  }
  return Math.ceil(value * 1000);
}

/**
 * A directory a variable names must be absolute: shims bake TOOL_HOME in, and a
 * relative one would mean another place in every directory a command runs in.
 */
function absoluteDir(env: NodeJS.ProcessEnv, name: 'TOOL_HOME' | 'TOOL_CONFIG_DIR'): string {
  const value = env[name]!;
  if (!isAbsolute(value)) {
    throw new ToolError('TOOL_BAD_SETTING', `${name}="${value}" is a relative path; it would name another directory wherever tool runs`, {
      hint: `Set ${name} to an absolute path, such as "$PWD/${value}", or unset it`,
    });
  }
  return resolve(value);
}

/** "0" (remove at the next command) or a duration: 30m, 12h, 7d, 2w. */
function ttlSeconds(env: NodeJS.ProcessEnv): number {
  const text = env.TOOL_EPHEMERAL_TTL?.trim();
  if (text === undefined || text === '') return 7 * 86400;
  if (/^0+[smhdw]?$/i.test(text)) return 0;
  try {
    return parseDuration(text);
  } catch {
    throw new ToolError('TOOL_BAD_SETTING', `TOOL_EPHEMERAL_TTL="${text}" is not a duration`, {
      hint: 'Unset it (7 days) or give 0, 30m, 12h, 7d or 2w',
    });
  }
}

export function defaultHome(env: NodeJS.ProcessEnv): string {
  if (env.TOOL_HOME) return absoluteDir(env, 'TOOL_HOME');
  const data = env.XDG_DATA_HOME ? resolve(env.XDG_DATA_HOME) : join(env.HOME || homedir(), '.local', 'share');
  return join(data, 'tool');
}

export function defaultConfigDir(env: NodeJS.ProcessEnv): string {
  if (env.TOOL_CONFIG_DIR) return absoluteDir(env, 'TOOL_CONFIG_DIR');
  const config = env.XDG_CONFIG_HOME ? resolve(env.XDG_CONFIG_HOME) : join(env.HOME || homedir(), '.config');
  return join(config, 'tool');
}

export function readSettings(env: NodeJS.ProcessEnv = process.env): Settings {
  const configDir = defaultConfigDir(env);
  const file = readSettingsFile(configDir);
  // A bad value stops every command at once, as an unknown key does, not only the next
  // install of the one tool whose section holds it (and not after its download).
  checkMinReleaseAges({ file, env });
  checkAttestationModes(file);
  readRewriteRules(file);
  return {
    home: defaultHome(env),
    apiUrl: parseApiUrl(env.TOOL_GITHUB_API_URL || DEFAULT_API),
    token: env.GITHUB_TOKEN || env.GH_TOKEN || undefined,
    retries: positiveInt(env, 'TOOL_HTTP_RETRIES', 3),
    retryDelayMs: positiveInt(env, 'TOOL_HTTP_RETRY_DELAY_MS', 500),
    httpTimeoutMs: positiveSeconds(env, 'TOOL_HTTP_TIMEOUT', 30),
    configDir,
    host: env.TOOL_HOST || hostname().split('.')[0]!,
    registries: parseRegistrySources(env.TOOL_REGISTRIES),
    ephemeralTtlSeconds: ttlSeconds(env),
    archiveLimits: readArchiveLimits(env),
    file,
    env,
  };
}
