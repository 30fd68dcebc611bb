/** Archive kinds by file name: the one place that maps extensions to formats. */

export type ArchiveKind =
  | 'tar'
  | 'tar.gz'
  | 'tar.xz'
  | 'tar.bz2'
  | 'tar.zst'
  | 'zip'
  | 'gz'
  | 'xz'
  | 'bz2'
  | 'zst'
  | 'raw';

const suffixes: readonly [string, ArchiveKind][] = [
  ['.tar.gz', 'tar.gz'],
  ['.tgz', 'tar.gz'],
  ['.tar.xz', 'tar.xz'],
  ['.txz', 'tar.xz'],
  ['.tar.bz2', 'tar.bz2'],
  ['.tbz', 'tar.bz2'],
  ['.tbz2', 'tar.bz2'],
  ['.tar.zst', 'tar.zst'],
  ['.tzst', 'tar.zst'],
  ['.tar', 'tar'],
  ['.zip', 'zip'],
  ['.gz', 'gz'],
  ['.xz', 'xz'],
  ['.bz2', 'bz2'],
  ['.zst', 'zst'],
];

export function archiveKindOf(assetName: string): ArchiveKind {
  const lower = assetName.toLowerCase();
  for (const [suffix, kind] of suffixes) if (lower.endsWith(suffix)) return kind;
  return 'raw';
}

/** The name a single-file asset has once decompressed: "tool.gz" → "tool". */
export function stripArchiveSuffix(assetName: string): string {
  const lower = assetName.toLowerCase();
  for (const [suffix] of suffixes) {
    if (lower.endsWith(suffix)) return assetName.slice(0, assetName.length - suffix.length);
  }
  return assetName;
}

export function isTarKind(kind: ArchiveKind): boolean {
  return kind === 'tar' || kind.startsWith('tar.');
}
