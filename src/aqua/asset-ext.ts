/**
 * aqua's file-name rules for assets: which suffix names a format
 * (pkg/asset.RemoveExtFromAsset), when a declared format is appended to a
 * rendered asset name (pkg/config appendExt), when a download is used as is
 * (pkg/unarchive.IsUnarchived), and the version-blind extension test behind
 * Windows ".exe" completion (pkg/osfile.Ext).
 */

// Order matters: "tar.gz" must be tried before "gz".
const FORMAT_SUFFIXES = [
  'tar.br', 'tar.bz2', 'tar.gz', 'tar.lz4', 'tar.sz', 'tar.xz', 'tbr', 'tbz', 'tbz2', 'tgz', 'tlz4', 'tsz', 'txz',
  'tar.zst', 'zip', 'gz', 'bz2', 'lz4', 'sz', 'xz', 'zst', 'dmg', 'pkg', 'rar', 'tar',
];

/** "rg-1.0-x86_64.tar.gz" → ["rg-1.0-x86_64", "tar.gz"]; no known suffix → [name, "raw"]. */
export function removeExtFromAsset(asset: string): [string, string] {
  for (const format of FORMAT_SUFFIXES) {
    if (asset.endsWith(`.${format}`)) return [asset.slice(0, -format.length - 1), format];
  }
  return [asset, 'raw'];
}

/** Go's filepath.Ext: the suffix from the last "." of the last path element, or "". */
export function goExt(path: string): string {
  for (let i = path.length - 1; i >= 0 && path[i] !== '/'; i--) {
    if (path[i] === '.') return path.slice(i);
  }
  return '';
}

/** Go's filepath.Base for slash paths ("" → "."). */
export function goBase(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (trimmed === '') return path === '' ? '.' : '/';
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

/**
 * aqua appends ".<format>" only when the rendered name has no known archive
 * suffix, the format is neither "raw" nor empty, and the name does not already
 * end with it: asset "tool-{{.OS}}" + format "tar.gz" downloads "tool-linux.tar.gz".
 */
export function appendExt(asset: string, format: string): string {
  if (removeExtFromAsset(asset)[1] !== 'raw') return asset;
  if (format === 'raw' || format === '') return asset;
  if (asset.endsWith(`.${format}`)) return asset;
  return `${asset}.${format}`;
}

/** True when aqua installs the download itself instead of extracting it. */
export function isUnarchived(format: string, asset: string): boolean {
  if (format === 'raw') return true;
  if (format !== '') return false;
  const ext = goExt(asset);
  return ext === '' || ext === '.exe' || ext === '.jar';
}

/**
 * The extension of `name` once the version's digits are removed, so that
 * "tool-1.2.3" counts as having no extension (osfile.Ext).
 */
export function extIgnoringVersion(name: string, tag: string): string {
  const version = tag.replace(/^v/, '');
  return goExt(version === '' ? name : name.split(version).join(''));
}
