/**
 * How well one asset fits one platform. `fitAsset` either rejects the asset
 * (wrong OS or CPU, not a program) or returns a rank: a tuple compared left to
 * right, lower first, so each rule of preference is one visible position
 * instead of a weight hidden in a sum.
 */
import type { ArchiveKind } from '../archive/kind.js';
import type { Os, Platform } from '../core/platform.js';
import { readName } from './name-traits.js';
import { nonBinaryKind } from './non-binary.js';
import type { AssetTraits } from './tokens.js';
import type { OsClaim } from './unnamed-os.js';

export type Fit =
  | { ok: true; rank: readonly number[]; reason: string; rosetta: boolean }
  | { ok: false; why: string };

/** What the rest of the release says about names: the tool's words and claims for OS-less assets. */
export interface FitContext {
  toolWords: ReadonlySet<string>;
  /** From claimUnnamed: which OS an asset that names none is for. */
  claims: ReadonlyMap<string, OsClaim>;
}

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

/** Judges one asset name for one platform. */
export function fitAsset(name: string, platform: Platform, context: FitContext): Fit {
  const skipped = nonBinaryKind(name, context.toolWords);
  if (skipped) return { ok: false, why: `a ${skipped} file` };
  const { kind, stem, exe, traits } = readName(name, context.toolWords);
  if (traits.otherOs) return { ok: false, why: `built for ${traits.otherOs}` };
  const os = osFit(traits.os, context.claims.get(name), platform.os);
  if (!os.ok) return os;
  if (exe && platform.os !== 'windows') return { ok: false, why: 'a Windows .exe' };
  if (traits.otherArch) return { ok: false, why: `built for ${traits.otherArch}` };
  const arch = os.portable ? { score: 0, text: '', rosetta: false } : archFit(traits, platform);
  if (!arch) {
    return { ok: false, why: traits.arch ? `built for ${traits.arch}` : 'no arch in its name (x64 by convention)' };
  }
  const libc = libcFit(traits, platform);
  const order = platform.os === 'windows' ? windowsOrder : unixOrder;
  const rank = [
    // A platform-independent bundle needs a runtime: any native build, even under Rosetta, comes first.
    os.portable ? 1 : 0,
    arch.rosetta ? 1 : 0,
    -libc.score,
    // A debug build or a bundle of container images loses even to a build whose CPU is only
    // assumed: k3s (x64 by convention) beats k3s-airgap-images-amd64.tar.gz.
    traits.bad.length,
    -arch.score,
    traits.extras.length,
    order.indexOf(kind),
  ];
  const formatText = os.portable ? '' : kind === 'raw' ? (exe ? '.exe' : 'raw binary') : name.slice(stem.length).toLowerCase();
  const parts = [os.text, arch.text, libc.text, formatText].filter((part) => part !== '');
  // The leading word is normally the program's name; it still counts in the rank
  // ("denort" loses to "deno" for tool deno) but saying so would only be noise.
  const extra = [...traits.bad, ...traits.extras.filter((word) => word !== traits.lead)];
  const tail = extra.length > 0 ? ` (also says: ${extra.join(', ')})` : '';
  return { ok: true, rank, reason: `matches ${parts.join(', ')}${tail}`, rosetta: arch.rosetta };
}

type OsFit = { ok: true; text: string; portable: boolean } | { ok: false; why: string };

/** The OS the name states, else the one its siblings leave for it, else any OS for a portable bundle. */
function osFit(named: Os | undefined, claim: OsClaim | undefined, os: Os): OsFit {
  if (named !== undefined) return named === os ? { ok: true, text: os, portable: false } : { ok: false, why: `built for ${named}` };
  if (claim === undefined) return { ok: false, why: 'no OS in its name' };
  if (claim.kind === 'portable') {
    return claim.oses.includes(os) ? { ok: true, text: `any OS: ${claim.why}`, portable: true } : { ok: false, why: `a ${claim.why}` };
  }
  if (claim.os !== os) return { ok: false, why: `no OS in its name (taken for ${claim.os}: ${claim.why})` };
  return { ok: true, text: `${os} (not named, but ${claim.why})`, portable: false };
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
