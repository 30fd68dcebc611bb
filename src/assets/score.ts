/**
 * How well one asset fits one platform. `fitAsset` either rejects the asset
 * (wrong OS or CPU, not a program) or returns a rank: a tuple compared left to
 * right, lower first, so each rule of preference is one visible position
 * instead of a weight hidden in a sum.
 */
import { archiveKindOf, stripArchiveSuffix, type ArchiveKind } from '../archive/kind.js';
import type { Platform } from '../core/platform.js';
import { nonBinaryKind } from './non-binary.js';
import { readTraits, type AssetTraits } from './tokens.js';

export type Fit =
  | { ok: true; rank: readonly number[]; reason: string; rosetta: boolean }
  | { ok: false; why: string };

/**
 * Archive kinds in the order a user wants them. A raw binary first: when a
 * project ships both (yq, yt-dlp, mise) the raw file is the one its README
 * tells you to download, and yt-dlp's zips are "unpackaged, no self-update"
 * builds. On Windows .zip is the native archive, so it comes before tarballs.
 */
const tarballs: readonly ArchiveKind[] = ['tar.gz', 'tar.xz', 'tar.zst', 'tar.bz2'];
const compressed: readonly ArchiveKind[] = ['tar', 'gz', 'xz', 'bz2', 'zst'];
const unixOrder: readonly ArchiveKind[] = ['raw', ...tarballs, 'zip', ...compressed];
const windowsOrder: readonly ArchiveKind[] = ['raw', 'zip', ...tarballs, ...compressed];

/** Judges one asset name for one platform; `toolWords` are words of the tool's own name. */
export function fitAsset(name: string, platform: Platform, toolWords: ReadonlySet<string>): Fit {
  const skipped = nonBinaryKind(name);
  if (skipped) return { ok: false, why: `a ${skipped} file` };
  const kind = archiveKindOf(name);
  const archiveStem = stripArchiveSuffix(name);
  const exe = kind === 'raw' && name.toLowerCase().endsWith('.exe');
  const traits = readTraits(exe ? archiveStem.slice(0, -4) : archiveStem, exe, toolWords);
  if (traits.otherOs) return { ok: false, why: `built for ${traits.otherOs}` };
  if (traits.os === undefined) return { ok: false, why: 'no OS in its name' };
  if (traits.os !== platform.os) return { ok: false, why: `built for ${traits.os}` };
  if (exe && platform.os !== 'windows') return { ok: false, why: 'a Windows .exe' };
  if (traits.otherArch) return { ok: false, why: `built for ${traits.otherArch}` };
  const arch = archFit(traits, platform);
  if (!arch) {
    return { ok: false, why: traits.arch ? `built for ${traits.arch}` : 'no arch in its name (x64 by convention)' };
  }
  const libc = libcFit(traits, platform);
  const order = platform.os === 'windows' ? windowsOrder : unixOrder;
  const rank = [
    arch.rosetta ? 1 : 0,
    -libc.score,
    -arch.score,
    traits.bad.length,
    traits.extras.length,
    order.indexOf(kind),
  ];
  const formatText = kind === 'raw' ? (exe ? '.exe' : 'raw binary') : name.slice(archiveStem.length).toLowerCase();
  const parts = [traits.os, arch.text, libc.text, formatText].filter((part) => part !== '');
  // The leading word is normally the program's name; it still counts in the rank
  // ("denort" loses to "deno" for tool deno) but saying so would only be noise.
  const extra = [...traits.bad, ...traits.extras.filter((word) => word !== traits.lead)];
  const tail = extra.length > 0 ? ` (also says: ${extra.join(', ')})` : '';
  return { ok: true, rank, reason: `matches ${parts.join(', ')}${tail}`, rosetta: arch.rosetta };
}

interface Part {
  score: number;
  text: string;
}

function archFit(traits: AssetTraits, platform: Platform): (Part & { rosetta: boolean }) | undefined {
  const { arch } = traits;
  if (arch === platform.arch) {
    return traits.archImplied
      ? { score: 2, text: `${arch} (implied by the name)`, rosetta: false }
      : { score: 3, text: arch, rosetta: false };
  }
  if (arch === 'universal') {
    return platform.os === 'darwin' ? { score: 2, text: 'universal', rosetta: false } : undefined;
  }
  if (arch === undefined) {
    // Unmarked names are x64 by convention (yt-dlp_linux next to yt-dlp_linux_aarch64);
    // on a Mac they are often universal, and Rosetta 2 covers the x64 case.
    if (platform.arch === 'x64' || platform.os === 'darwin') {
      return { score: 1, text: 'no arch in the name (assumed to fit)', rosetta: false };
    }
    return undefined;
  }
  if (platform.os === 'darwin' && platform.arch === 'arm64' && arch === 'x64') {
    return { score: 0, text: 'x64 under Rosetta 2 (no arm64 or universal build)', rosetta: true };
  }
  return undefined;
}

function libcFit(traits: AssetTraits, platform: Platform): Part {
  const { libc } = traits;
  if (platform.os === 'windows') {
    if (libc === 'gnu') return { score: 1, text: 'mingw' };
    return { score: 2, text: libc === 'msvc' ? 'msvc' : '' };
  }
  if (platform.os !== 'linux') return { score: 2, text: '' };
  const musl = libc === 'musl' || traits.static;
  const label = libc === 'musl' ? 'musl (static)' : 'static';
  if (platform.libc === 'musl') {
    if (musl) return { score: 3, text: label };
    if (libc === 'gnu') return { score: 0, text: 'gnu on a musl system (no musl build)' };
    return { score: 2, text: '' };
  }
  if (libc === 'gnu') return { score: 3, text: 'gnu' };
  if (musl) return { score: 1, text: label };
  return { score: 2, text: '' };
}

/** Orders two ranks; ties are broken by the caller (by name). */
export function compareRanks(a: readonly number[], b: readonly number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const diff = (a[i] ?? 0) - (b[i] ?? 0);
    if (diff !== 0) return diff;
  }
  return 0;
}
