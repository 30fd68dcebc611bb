/**
 * Why an asset built for another Linux libc still fits this machine, said on
 * the install line: a user on glibc who sees "musl" in the chosen name should
 * not have to wonder whether it will run.
 */
import type { Platform } from '../core/platform.js';
import { readName } from './name-traits.js';
import { toolWordsOf } from './tokens.js';

/** "a static musl build, runs on this glibc system", or undefined when the name says nothing surprising. */
export function libcNote(assetName: string, platform: Platform, toolName?: string): string | undefined {
  if (platform.os !== 'linux' || platform.libc === 'musl') return undefined;
  const { traits } = readName(assetName, toolWordsOf(toolName));
  return traits.libc === 'musl' ? 'a static musl build, runs on this glibc system' : undefined;
}
