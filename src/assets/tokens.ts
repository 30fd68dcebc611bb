/**
 * The vocabulary of release asset names: which words name which OS, CPU and
 * libc. A name is cut into lower-case words; spellings that span a separator
 * ("x86_64", "32-bit", "mac-os") are joined back first, so every table entry
 * here is a single word. Version numbers become the word "#ver" so that they
 * never look like extra, unexplained words.
 */
import type { Arch, Os } from '../core/platform.js';

export type AssetLibc = 'gnu' | 'musl' | 'msvc';

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

interface Meaning {
  os?: Os | 'other';
  arch?: Arch | 'universal' | 'other';
  /** Arch given by a compound word; an explicit arch word overrides it. */
  implied?: boolean;
  libc?: AssetLibc;
  static?: boolean;
}

const meanings = new Map<string, Meaning>();
function define(words: string, meaning: Meaning): void {
  for (const word of words.split(' ')) meanings.set(word, meaning);
}

define('linux', { os: 'linux' });
define('musllinux alpine', { os: 'linux', libc: 'musl', static: true });
define('linux64', { os: 'linux', arch: 'x64', implied: true });
define('linux32', { os: 'linux', arch: 'other', implied: true });
define('darwin macos macosx mac osx apple', { os: 'darwin' });
define('windows win', { os: 'windows' });
define('win64', { os: 'windows', arch: 'x64', implied: true });
// "win32" usually means 32-bit Windows, but Node-style names say "win32-x64".
define('win32', { os: 'windows', arch: 'other', implied: true });
define('mingw mingw32 mingw64', { os: 'windows', libc: 'gnu' });
define(
  'freebsd netbsd openbsd dragonfly dragonflybsd illumos solaris sunos sun aix android ' +
    'androideabi ios plan9 wasi haiku freebsd32 freebsd64 netbsd32 netbsd64 openbsd32 openbsd64',
  { os: 'other' },
);
define('x86_64 amd64 x64 intel', { arch: 'x64' });
// "64bit" alone is x64 by convention (gophish-linux-64bit), never arm64.
define('64bit', { arch: 'x64', implied: true });
define('aarch64 arm64 armv8 arm64e', { arch: 'arm64' });
define('universal universal2', { arch: 'universal' });
define(
  '386 i386 i486 i586 i686 x86 32bit x32 ia32 arm arm32 armv5 armv5te armv6 armv6l armv6hf ' +
    'armv7 armv7l armv7a armv7hl armhf armel gnueabi gnueabihf musleabi musleabihf ppc ppc64 ' +
    'ppc64le ppc64el powerpc powerpc64 powerpc64le s390 s390x riscv riscv64 riscv64gc mips ' +
    'mipsel mipsle mips64 mips64el mips64le mips64r6 mips64r6el mipsr6 mipsr6el gnuabi64 ' +
    'loong64 loongarch64 sparc sparc64 sparcv9 wasm wasm32',
  { arch: 'other' },
);
define('gnu glibc', { libc: 'gnu' });
define('musl', { libc: 'musl', static: true });
define('static', { static: true });
define('msvc', { libc: 'msvc', os: 'windows' });

/** Words that carry no information about fitness. */
const neutral = new Set([
  '#ver', 'unknown', 'pc', 'none', 'bin', 'binary', 'exe', 'cli', 'release', 'portable', 'standalone',
]);
/** Words of builds a careful human skips unless nothing else fits. */
const badWords = new Set([
  'debug', 'dbg', 'profile', 'symbols', 'pdb', 'update', 'updater', 'installer', 'setup',
  'completion', 'completions', 'manpage', 'manpages', 'docs',
]);

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
  const flat = stem.toLowerCase().replace(/v?\d+(?:\.\d+)+/g, ' #ver ');
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

/** Reads the platform words of an asset stem; `toolWords` are treated as neutral. */
export function readTraits(stem: string, exe: boolean, toolWords: ReadonlySet<string>): AssetTraits {
  const traits: AssetTraits = { archImplied: false, static: false, exe, extras: [], bad: [] };
  let explicitArch: Arch | 'universal' | undefined;
  let impliedArch: Arch | 'universal' | 'other' | undefined;
  for (const [index, word] of splitWords(stem).entries()) {
    const meaning = meanings.get(word);
    if (meaning === undefined) {
      if (badWords.has(word)) traits.bad.push(word);
      else if (!neutral.has(word) && !toolWords.has(word)) {
        traits.extras.push(word);
        if (index === 0) traits.lead = word;
      }
      continue;
    }
    if (meaning.os === 'other') traits.otherOs ??= word;
    else if (meaning.os !== undefined) traits.os ??= meaning.os;
    if (meaning.arch === 'other' && !meaning.implied) traits.otherArch ??= word;
    else if (meaning.arch !== undefined && meaning.implied) impliedArch ??= meaning.arch;
    else if (meaning.arch !== undefined && meaning.arch !== 'other') explicitArch ??= meaning.arch;
    if (meaning.libc !== undefined && traits.libc !== 'musl') traits.libc = meaning.libc;
    if (meaning.static) traits.static = true;
  }
  if (explicitArch !== undefined) traits.arch = explicitArch;
  else if (impliedArch === 'other') traits.otherArch ??= 'a 32-bit name';
  else if (impliedArch !== undefined) {
    traits.arch = impliedArch;
    traits.archImplied = true;
  }
  if (traits.os === undefined && exe) traits.os = 'windows';
  return traits;
}

/** Words of a tool or repo name ("ast-grep" → ast, grep) used to neutralize them in asset names. */
export function toolWordsOf(toolName: string | undefined): Set<string> {
  if (!toolName) return new Set();
  const base = toolName.includes('/') ? toolName.slice(toolName.lastIndexOf('/') + 1) : toolName;
  return new Set(splitWords(base).filter((word) => !meanings.has(word)));
}
