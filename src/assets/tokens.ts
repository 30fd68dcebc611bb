/**
 * Asset names read as words: a name is cut into lower-case words; spellings
 * that span a separator ("x86_64", "32-bit", "mac-os") are joined back first,
 * so every word of vocabulary.ts is a single word. Version numbers and dates
 * become the word "#ver" so that they never look like extra, unexplained words.
 */
import type { Arch, Os } from '../core/platform.js';
import { isBadWord, meaningOf, saysNothing, type AssetLibc, type Meaning } from './vocabulary.js';

export type { AssetLibc } from './vocabulary.js';

/** What the words of one asset name say about the platform it was built for. */
export interface AssetTraits {
  os?: Os;
  /** A platform we never run on (freebsd, android, ...): the asset is never ours. */
  otherOs?: string;
  /** `universal` is a fat macOS binary that runs natively on both arches. */
  arch?: Arch | 'universal';
  /** The arch came from a compound word ("linux64", "win64"), not an arch word. */
  archImplied: boolean;
  /** A CPU we never run on (armv7, i686, s390x, ...). */
  otherArch?: string;
  libc?: AssetLibc;
  /** Says "static" (or is a musl/alpine build): runs on any Linux libc. */
  static: boolean;
  /** Ends in .exe: a Windows program even when no word says so. */
  exe: boolean;
  /** Words that are neither platform, version nor tool name ("baseline", "no-web"). */
  extras: string[];
  /** The first word when it is an extra: usually the program's own name ("gh", "app"). */
  lead?: string;
  /** Words that mark a build nobody wants by default ("debug", "profile", "update"). */
  bad: string[];
}

/** Pairs of words that are one token split by a separator. */
const joins: readonly [string, string, string][] = [
  ['x86', '64', 'x86_64'],
  ['32', 'bit', '32bit'],
  ['64', 'bit', '64bit'],
  ['mac', 'os', 'macos'],
  ['aarch', '64', 'aarch64'],
  ['arm', '64', 'arm64'],
  ['arm', 'v7', 'armv7'],
  ['arm', 'v6', 'armv6'],
];

/** Lower-case words of a name stem (extension already removed). */
export function splitWords(stem: string): string[] {
  const flat = stem
    .toLowerCase()
    .replace(/(?<!\d)\d{4}[-_]\d{2}[-_]\d{2}(?!\d)/g, ' #ver ')
    .replace(/v?\d+(?:\.\d+)+/g, ' #ver ');
  const raw = flat.split(/[^a-z0-9#]+/).filter((word) => word.length > 0);
  const words: string[] = [];
  for (const word of raw) {
    const previous = words[words.length - 1];
    const join = joins.find(([first, second]) => first === previous && second === word);
    if (join) words[words.length - 1] = join[2];
    else words.push(word);
  }
  return words;
}

/**
 * Reads the platform words of an asset stem. `toolWords` are neutral; where
 * they lead the name they are the program's name even when they look like a
 * platform word ("wasm-tools-1.0-x86_64-linux", "ios-deploy-...").
 */
export function readTraits(stem: string, exe: boolean, toolWords: ReadonlySet<string>): AssetTraits {
  const traits: AssetTraits = { archImplied: false, static: false, exe, extras: [], bad: [] };
  const arch: ArchWords = {};
  let previous: Meaning | undefined;
  let leading = true;
  for (const [index, word] of splitWords(stem).entries()) {
    if (leading && toolWords.has(word)) continue;
    leading = false;
    const meaning = meaningOf(word);
    const osRelease = previous?.os !== undefined && /^\d+$/.test(word); // "macos-14", "ubuntu-22"
    previous = meaning;
    if (meaning === undefined) {
      if (isBadWord(word)) traits.bad.push(word);
      else if (!osRelease && !saysNothing(word) && !toolWords.has(word)) {
        traits.extras.push(word);
        if (index === 0) traits.lead = word;
      }
      continue;
    }
    if (meaning.os === 'other') traits.otherOs ??= word;
    else if (meaning.os !== undefined) traits.os ??= meaning.os;
    if (meaning.arch === 'other' && !meaning.implied) traits.otherArch ??= word;
    else if (meaning.arch !== undefined && meaning.implied) arch.implied ??= meaning.arch;
    else if (meaning.arch !== undefined && meaning.arch !== 'other') arch.explicit ??= meaning.arch;
    if (meaning.libc !== undefined && traits.libc !== 'musl') traits.libc = meaning.libc;
    if (meaning.static) traits.static = true;
  }
  return settle(traits, arch);
}

interface ArchWords {
  explicit?: Arch | 'universal';
  implied?: Arch | 'universal' | 'other';
}

/** Resolves the arch words against each other and fills what the words imply but do not say. */
function settle(traits: AssetTraits, arch: ArchWords): AssetTraits {
  if (arch.explicit !== undefined) traits.arch = arch.explicit;
  else if (arch.implied === 'other') traits.otherArch ??= 'a 32-bit name';
  else if (arch.implied !== undefined) {
    traits.arch = arch.implied;
    traits.archImplied = true;
  }
  if (traits.os === undefined && traits.exe) traits.os = 'windows';
  // Fat binaries are a Mach-O format: "universal" alone means macOS.
  if (traits.os === undefined && traits.arch === 'universal') traits.os = 'darwin';
  // There never were 32-bit ARM Macs: "macos-arm" is Apple Silicon.
  if (traits.os === 'darwin' && traits.otherArch === 'arm' && traits.arch === undefined) {
    traits.otherArch = undefined;
    traits.arch = 'arm64';
  }
  return traits;
}

/** Words of a tool or repo name ("ast-grep" → ast, grep) used to neutralize them in asset names. */
export function toolWordsOf(toolName: string | undefined): Set<string> {
  if (!toolName) return new Set();
  const base = toolName.includes('/') ? toolName.slice(toolName.lastIndexOf('/') + 1) : toolName;
  return new Set(splitWords(base));
}
