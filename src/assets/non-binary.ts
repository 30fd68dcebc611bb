/**
 * Release assets that are never the program itself: checksums, signatures and
 * attestations, OS packages, source archives, metadata and scripts. Selection
 * skips them before any scoring, and a pick that lands on one of them is a bug
 * (the real-assets table treats it as a hard failure, not a miss).
 *
 * Packages (.deb, .rpm, .msi, .pkg, .dmg, .AppImage, ...) are skipped on
 * purpose: installing them needs root or a package manager, and every tool we
 * know ships a plain archive or binary next to them. AppImage is a runnable
 * linux x64 file, but it needs FUSE and bundles a desktop runtime; the
 * archive beside it is what a CLI user wants.
 */

export type NonBinaryKind = 'checksum' | 'signature' | 'package' | 'source' | 'metadata';

const suffixKinds: readonly [NonBinaryKind, readonly string[]][] = [
  [
    'checksum',
    [
      '.sha256', '.sha256sum', '.sha512', '.sha512sum', '.sha1', '.sha1sum', '.md5', '.md5sum', '.sha', '.b3',
      '.sum', '.sums',
    ],
  ],
  [
    'signature',
    [
      '.sig', '.asc', '.minisig', '.pem', '.crt', '.cert', '.sigstore', '.sigstore.json', '.bundle', '.intoto.jsonl',
      '.sbom', '.sbom.json', '.spdx', '.spdx.json', '.cdx.json', '.proof', '.pub', '.att', '.provenance', '.zsync',
    ],
  ],
  [
    'package',
    [
      '.deb', '.rpm', '.apk', '.msi', '.pkg', '.dmg', '.snap', '.flatpak', '.appimage', '.nupkg', '.whl', '.msix',
      '.appx', '.ipk', '.vsix', '.7z', '.pkg.tar.zst', '.pkg.tar.xz', '.pkg.tar.gz',
    ],
  ],
  [
    'metadata',
    [
      '.json', '.jsonl', '.txt', '.md', '.yaml', '.yml', '.toml', '.xml', '.html', '.pdf', '.rb', '.desktop', '.ts',
      '.js', '.py', '.sh', '.ps1', '.bat', '.cmd', '.fish', '.zsh', '.bash', '.png', '.svg', '.ico', '.plist',
      '.bsdiff', '.patch', '.diff', '.lock',
    ],
  ],
];

/** SHA256SUMS, SHA2-256SUMS, SHASUMS256.txt, B3SUMS, MD5SUMS, sha256sum.txt. */
const checksumList = /^(sha[0-9-]*|md5|b3|blake[0-9]*)?sums?[0-9]*(\.txt)?$/;
/** "Source code (zip)", source.tar.gz, deno_src.tar.gz, helix-24.07-source.tar.xz. */
const sourceWord = /(^|[^a-z])(source|src|sources|vendor)([^a-z]|$)/;

/** A checksum named by a last word instead of an extension (kubescape-ubuntu-latest-sha256). */
const checksumWord = /[-_](sha256|sha512|sha1|md5)$/;

/**
 * Why an asset is not a program, or undefined when it may be one.
 * `toolWords` (words of the project's name) are not read as a kind where they
 * lead the name: microsoft/sbom-tool's programs start "sbom-tool-", a
 * checksums-tool's start "checksums-tool_", and sourcegraph/src-cli ships "src_linux_amd64".
 */
export function nonBinaryKind(name: string, toolWords: ReadonlySet<string> = new Set()): NonBinaryKind | undefined {
  const lower = name.toLowerCase();
  const own = withoutLeadingToolWords(lower, toolWords);
  if (own.includes('checksum') || checksumList.test(lower) || checksumWord.test(lower)) return 'checksum';
  for (const [kind, suffixes] of suffixKinds) {
    if (suffixes.some((suffix) => lower.endsWith(suffix))) return kind;
  }
  // A man page ("tool.1"), but not a version ("tool-v1.1").
  if (/[a-z]\.[1-9]$/.test(lower)) return 'metadata';
  if (sourceWord.test(own)) return 'source';
  return undefined;
}

/** The name from its first word that is not a tool word ("sbom-tool-linux-x64" → "-linux-x64"). */
function withoutLeadingToolWords(lower: string, toolWords: ReadonlySet<string>): string {
  let rest = lower;
  for (;;) {
    const word = /^[^a-z0-9]*([a-z0-9]+)/.exec(rest);
    if (!word?.[1] || !toolWords.has(word[1])) return rest;
    rest = rest.slice(word[0].length);
  }
}
