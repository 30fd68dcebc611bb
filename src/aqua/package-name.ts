/**
 * How aqua names a package and its default command (pkg/config/registry
 * package_info.go: GetName, defaultCmdName, GetFiles).
 */
import { goBase } from './asset-ext.js';
import type { AquaFile, AquaPackage } from './types.js';

/** "cli/cli", or the `name` field when the package has one. */
export function aquaPackageName(pkg: AquaPackage): string {
  return pkg.name || (pkg.repo_owner && pkg.repo_name ? `${pkg.repo_owner}/${pkg.repo_name}` : '(unnamed package)');
}

/** The command a package installs when it lists no files: last part of `name`, else repo_name. */
export function defaultCommandName(pkg: AquaPackage): string {
  if (pkg.repo_owner && pkg.repo_name) return pkg.name ? pkg.name.slice(pkg.name.lastIndexOf('/') + 1) : pkg.repo_name;
  return goBase(pkg.name ?? '');
}

/** aqua's GetFiles: the declared files, or one file named after the package. */
export function packageFiles(pkg: AquaPackage): AquaFile[] {
  if (pkg.files && pkg.files.length > 0) return pkg.files;
  return [{ name: defaultCommandName(pkg) }];
}

/**
 * Every executable a package installs in some version or on some platform.
 * Unlike aqua's MaybeHasCommand, which adds the default command name whenever
 * any list is empty, this follows inheritance: an entry without `files` uses
 * the files of what it overrides, so mvdan/sh installs "shfmt" and never "sh".
 */
export function executableNames(pkg: AquaPackage): string[] {
  const names = new Set<string>();
  const add = (files: AquaFile[] | undefined, owner: AquaPackage) => {
    for (const file of files && files.length > 0 ? files : packageFiles({ ...owner, files: [] })) names.add(file.name);
  };
  const entries = [pkg, ...(pkg.version_overrides ?? []).map((vo) => ({ ...pkg, ...vo, files: vo.files ?? pkg.files }))];
  for (const entry of entries) {
    add(entry.files, entry);
    for (const ov of entry.overrides ?? []) add(ov.files ?? entry.files, entry);
  }
  names.delete('');
  return [...names];
}
