/**
 * TOOL_MAX_UNPACKED_BYTES ("8G", "500M"), TOOL_MAX_ENTRIES and
 * TOOL_MAX_COMPRESSION_RATIO → ArchiveLimits; unset or empty keeps the default.
 */
import { defaultArchiveLimits, limitSettings, type ArchiveLimits } from '../core/archive-limits.js';
import { byteSizeSetting, parseByteSize } from '../core/byte-size.js';
import { ToolError } from '../core/errors.js';

export function readArchiveLimits(env: NodeJS.ProcessEnv): ArchiveLimits {
  return {
    ...defaultArchiveLimits,
    maxUnpackedBytes: size(env, limitSettings.maxUnpackedBytes, defaultArchiveLimits.maxUnpackedBytes),
    maxEntries: count(env, limitSettings.maxEntries, defaultArchiveLimits.maxEntries),
    maxRatio: count(env, limitSettings.maxRatio, defaultArchiveLimits.maxRatio),
  };
}

function count(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const value = Number(text.replace(/_/g, ''));
  return Number.isSafeInteger(value) && value > 0 ? value : badSetting(name, text, 'a positive whole number', `such as ${fallback * 2}`);
}

function size(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (!text) return fallback;
  const examples = `such as ${byteSizeSetting(fallback * 2)} or 500M (K, M, G and T are powers of 1024)`;
  return parseByteSize(text) ?? badSetting(name, text, 'a size', examples);
}

function badSetting(name: string, text: string, what: string, examples: string): never {
  throw new ToolError('TOOL_BAD_SETTING', `${name}="${text}" is not ${what}`, {
    hint: `Unset ${name} or give ${what} ${examples}`,
  });
}
