/**
 * Assets whose names say no OS, judged from their siblings. A name alone can
 * say "linux" or "darwin"; only the whole release can say that ttyd.x86_64 is
 * the Linux build (its one sibling is ttyd.win32.exe), that fnm-arm64.zip is
 * Linux arm64 (fnm-linux.zip is x64, fnm-macos.zip universal), or that
 * portable_swiftlint.zip is the macOS build beside swiftlint_linux.zip.
 * Platform-independent bundles are recognized here too: by format (
 * .pyz), or as the one bare launcher of a release in which no asset names an
 * OS or a CPU (pinterest/ktlint ships a self-executing jar named "ktlint").
 * A release whose assets name CPUs but no OS at all is taken for Linux.
 *
 * select.ts computes the claims once per release and score.ts consults them
 * only for assets that name no OS; an asset that names one never gets a claim.
 */
import type { Arch, Os } from '../core/platform.js';
import { readName, type NameTraits } from './name-traits.js';
import { nonBinaryKind } from './non-binary.js';
import { splitWords, type AssetTraits } from './tokens.js';

export type OsClaim =
  | { kind: 'deduced'; os: Os; why: string }
  | { kind: 'portable'; oses: readonly Os[]; why: string };

type Read = NameTraits & { name: string };

/** Formats that run wherever their runtime does, with the OSes that can exec them. */
// No .jar: a shim execs the file, and a jar runs only as `java -jar`; picking one would install
// something that fails with "exec format error". Such a release ends in "no matching asset".
const portableFormats: readonly [string, readonly Os[], string][] = [
  ['.pyz', ['linux', 'darwin'], 'platform-independent Python zipapp; needs python3'],
];
const unixes: readonly Os[] = ['linux', 'darwin'];

/** Claims for the assets of one release that name no OS, keyed by asset name. */
export function claimUnnamed(names: readonly string[], toolWords: ReadonlySet<string>): Map<string, OsClaim> {
  const read: Read[] = names
    .filter((name) => nonBinaryKind(name, toolWords) === undefined)
    .map((name) => ({ name, ...readName(name, toolWords) }));
  const named = read.filter(({ traits }) => traits.os !== undefined || traits.otherOs !== undefined);
  const nothingNamed = named.length === 0 && !read.some(({ traits }) => traits.arch || traits.otherArch);
  const claims = new Map<string, OsClaim>();
  for (const asset of read) {
    const { traits } = asset;
    if (traits.os !== undefined || traits.otherOs !== undefined || traits.otherArch !== undefined) continue;
    const claim = formatClaim(asset.name) ?? (nothingNamed ? launcherClaim(asset) : deducedClaim(asset, named));
    if (claim) claims.set(asset.name, claim);
  }
  return claims;
}

function formatClaim(name: string): OsClaim | undefined {
  const lower = name.toLowerCase();
  const format = portableFormats.find(([suffix]) => lower.endsWith(suffix));
  return format && { kind: 'portable', oses: format[1], why: format[2] };
}

/** A release of one bare raw file and nothing platform-specific: a script or self-executing jar. */
function launcherClaim(asset: Read): OsClaim | undefined {
  if (asset.kind !== 'raw' || !bareName(asset)) return undefined;
  return { kind: 'portable', oses: unixes, why: 'platform-independent launcher; no asset of the release names an OS or CPU' };
}

/**
 * The Unix OS that no sibling covers for this asset's CPU. Only assets that name
 * a CPU or are the bare tool name qualify: a source tarball or a README names
 * neither. When Linux and macOS are both open, Linux: macOS builds say so,
 * while Linux-only tools often name just the CPU (k3s-arm64, runc.amd64).
 */
function deducedClaim(asset: Read, named: readonly Read[]): OsClaim | undefined {
  if (asset.traits.arch === undefined && !bareName(asset)) return undefined;
  const arch: Arch = asset.traits.arch === 'arm64' ? 'arm64' : 'x64';
  const open = unixes.filter((os) => !named.some(({ traits }) => covers(traits, os, arch)));
  const os = open.includes('linux') ? 'linux' : open[0];
  if (os === undefined) return undefined;
  return { kind: 'deduced', os, why: `no other asset is a ${os} ${arch} build` };
}

/** Whether a sibling that names `os` runs on `arch`; unmarked names are x64, or universal on macOS. */
function covers(traits: AssetTraits, os: Os, arch: Arch): boolean {
  if (traits.os !== os || traits.otherArch !== undefined) return false;
  if (traits.arch === undefined || traits.arch === 'universal') return os === 'darwin' || arch === 'x64';
  return traits.arch === arch;
}

/** Only the tool's name (and neutral words) with no version: "swiftformat.zip", "portable_swiftlint.zip". */
function bareName(asset: Read): boolean {
  const versionless = splitWords(asset.stem).every((word) => word !== '#ver' && !/^\d+$/.test(word));
  return asset.traits.extras.length === 0 && asset.traits.bad.length === 0 && versionless;
}
