/**
 * The vocabulary of release asset names: which words name which OS, CPU and
 * libc, which say nothing, and which mark a build nobody wants by default.
 * Every entry is one lower-case word as tokens.ts cuts names.
 */
import type { Arch, Os } from '../core/platform.js';

export type AssetLibc = 'gnu' | 'musl' | 'msvc';

export interface Meaning {
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
// Distributions stand for Linux in CI-runner names (kubescape-ubuntu-latest,
// wabt-1.0.36-ubuntu-20.04); they are glibc systems.
define('ubuntu debian centos fedora rhel manylinux', { os: 'linux', libc: 'gnu' });
define('linuxstatic', { os: 'linux', static: true });
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
    'androideabi ios plan9 wasi haiku dos freebsd32 freebsd64 netbsd32 netbsd64 openbsd32 openbsd64',
  { os: 'other' },
);
define('x86_64 amd64 x64 intel', { arch: 'x64' });
// "64bit" alone is x64 by convention (gophish-linux-64bit), never arm64; a bare
// "32"/"64" is a bitness too, not part of a date or build number.
define('64bit 64', { arch: 'x64', implied: true });
define('32', { arch: 'other', implied: true });
define('aarch64 arm64 armv8 arm64e', { arch: 'arm64' });
define('universal universal2', { arch: 'universal' });
define(
  '386 i386 i486 i586 i686 x86 32bit x32 ia32 arm arm32 armv5 armv5te armv6 armv6l armv6hf ' +
    'armv7 armv7l armv7a armv7hl armhf armel gnueabi gnueabihf musleabi musleabihf ppc ppc64 ' +
    'ppc64le ppc64el ppcle powerpc powerpc64 powerpc64le s390 s390x riscv riscv64 riscv64gc mips ' +
    'mipsel mipsle mips64 mips64el mips64le mips64r6 mips64r6el mipsr6 mipsr6el gnuabi64 ' +
    'loong64 loongarch64 sparc sparc64 sparcv9 wasm wasm32',
  { arch: 'other' },
);
define('gnu glibc', { libc: 'gnu' });
define('musl', { libc: 'musl', static: true });
define('static', { static: true });
define('msvc', { libc: 'msvc', os: 'windows' });

/** Words that carry no information about fitness; release channels stand where a version would. */
const neutral = new Set([
  '#ver', 'unknown', 'pc', 'none', 'bin', 'binary', 'exe', 'cli', 'release', 'portable', 'standalone',
  'nightly', 'latest', 'stable',
]);
/**
 * Tags that are not versions put other things where the version goes: dates
 * (folded like versions by splitWords), long build numbers ("20241209") and
 * commit hashes. They say nothing about the platform, so they are not
 * unexplained words. Short numbers are: "gnu-2-17" is a glibc 2.17 variant.
 */
const tagLike = /^(\d{6,}|(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{7,40})$/;
/** Words of builds a careful human skips unless nothing else fits. */
const badWords = new Set([
  'debug', 'dbg', 'profile', 'symbols', 'pdb', 'update', 'updater', 'installer', 'setup',
  'completion', 'completions', 'manpage', 'manpages', 'docs', 'images',
]);

/**
 * The meaning of a word, also for an OS word with a release number glued on
 * ("macos11", "ubuntu2204", "win10"); compound words like "win64" or "linux32"
 * have their own entries and win.
 */
export function meaningOf(word: string): Meaning | undefined {
  const exact = meanings.get(word);
  if (exact !== undefined) return exact;
  const base = /^([a-z]+)\d+$/.exec(word)?.[1];
  const meaning = base === undefined ? undefined : meanings.get(base);
  return meaning?.os !== undefined && meaning.arch === undefined ? meaning : undefined;
}

/** Neutral words, release channels, dates, build numbers and hashes. */
export function saysNothing(word: string): boolean {
  return neutral.has(word) || tagLike.test(word);
}

export function isBadWord(word: string): boolean {
  return badWords.has(word);
}
