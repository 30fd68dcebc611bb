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
