/**
 * Fixture releases of registry tools with asset names exactly as upstream
 * publishes them, so the real registry entries are exercised. The binaries
 * inside are fake tools that print "<name> <version>".
 */
import { createHash } from 'node:crypto';
import { fixtureRelease } from './fixture-tools.js';
import type { FakeRelease, ReleaseServer } from './release-server.js';

const RIPGREP_TRIPLES = [
  'x86_64-unknown-linux-musl',
  'aarch64-unknown-linux-gnu',
  'armv7-unknown-linux-gnueabihf',
  'x86_64-apple-darwin',
  'aarch64-apple-darwin',
  'i686-unknown-linux-gnu',
];

function sha256(body: Buffer): string {
  return createHash('sha256').update(body).digest('hex');
}

/** ripgrep: tar.gz per Rust triple with a top-level directory, plus "<asset>.sha256" files and a .deb. */
export function ripgrepRelease(version: string, options: { digests?: boolean } = {}): FakeRelease {
  const release = fixtureRelease({
    tag: version,
    exeName: 'rg',
    toolName: 'ripgrep',
    version,
    digests: options.digests ?? false,
    assets: [
      ...RIPGREP_TRIPLES.map((triple) => ({
        name: `ripgrep-${version}-${triple}.tar.gz`,
        format: 'tar.gz' as const,
        exePath: `ripgrep-${version}-${triple}/rg`,
        extraFiles: [{ path: `ripgrep-${version}-${triple}/README.md`, body: 'ripgrep\n' }],
      })),
      { name: `ripgrep-${version}-x86_64-pc-windows-msvc.zip`, format: 'zip', exePath: 'rg.exe' },
      { name: `ripgrep_${version}-1_amd64.deb`, format: 'raw' },
    ],
  });
  const sums = release.assets
    .filter((asset) => asset.name.endsWith('.tar.gz') || asset.name.endsWith('.zip'))
    .map((asset) => ({ name: `${asset.name}.sha256`, body: Buffer.from(`${sha256(asset.body)}  ${asset.name}\n`), digest: false }));
  return { ...release, assets: [...release.assets, ...sums] };
}

/** yt-dlp: raw single-file executables per platform and a SHA2-256SUMS file; tags are calendar versions. */
export function ytDlpRelease(version: string, options: { digests?: boolean } = {}): FakeRelease {
  const raw = (name: string) => ({ name, format: 'raw' as const });
  return fixtureRelease({
    tag: version,
    exeName: 'yt-dlp',
    version,
    digests: options.digests ?? true,
    checksumFile: 'SHA2-256SUMS',
    assets: [
      raw('yt-dlp'),
      raw('yt-dlp.exe'),
      raw('yt-dlp_linux'),
      raw('yt-dlp_linux_aarch64'),
      raw('yt-dlp_linux_armv7l'),
      raw('yt-dlp_musllinux'),
      raw('yt-dlp_musllinux_aarch64'),
      raw('yt-dlp_macos'),
      raw('yt-dlp_x86.exe'),
      { name: 'yt-dlp_linux.zip', format: 'zip', exePath: 'yt-dlp_linux' },
    ],
  });
}

export function addRipgrep(server: ReleaseServer, ...versions: string[]): void {
  for (const version of versions) server.addRelease('BurntSushi/ripgrep', ripgrepRelease(version));
}

export function addYtDlp(server: ReleaseServer, ...versions: string[]): void {
  for (const version of versions) server.addRelease('yt-dlp/yt-dlp', ytDlpRelease(version));
}
