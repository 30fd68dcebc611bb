/**
 * How aqua layers a version override and then a platform override over a
 * package (pkg/config/registry: overrideVersion, OverrideByRuntime,
 * resetByPkgType). The rules differ field by field and are easy to get wrong:
 * - strings (asset, format, url, repo_*) replace only when non-empty;
 * - lists and maps (files, replacements, overrides, supported_envs) replace
 *   when present, even when empty — except that a platform override's
 *   replacements are merged key by key into the package's;
 * - version_prefix / version_filter / booleans replace when present.
 * Changing `type` first clears the fields the new type cannot use.
 */
import type { AquaOverride, AquaPackage, AquaVersionOverride } from './types.js';

type Mutable = AquaPackage;

const CLEARED_BY_TYPE: Record<string, (keyof AquaPackage)[]> = {
  github_release: ['url', 'path', 'crate'],
  github_content: ['url', 'asset', 'crate'],
  github_archive: ['url', 'path', 'asset', 'crate', 'format'],
  http: ['path', 'asset'],
  go_install: ['url', 'asset', 'crate', 'windows_ext', 'complete_windows_ext', 'cosign', 'slsa_provenance', 'minisign', 'github_artifact_attestations', 'format', 'rosetta2', 'windows_arm_emulation', 'append_ext'],
  go_build: ['url', 'asset', 'crate', 'windows_ext', 'complete_windows_ext', 'cosign', 'slsa_provenance', 'minisign', 'github_artifact_attestations', 'format', 'rosetta2', 'windows_arm_emulation', 'append_ext'],
  cargo: ['url', 'asset', 'path', 'windows_ext', 'complete_windows_ext', 'cosign', 'slsa_provenance', 'minisign', 'github_artifact_attestations', 'format', 'rosetta2', 'windows_arm_emulation', 'append_ext'],
};

function setType(pkg: Mutable, type: string | undefined): void {
  if (!type) return;
  for (const field of CLEARED_BY_TYPE[type] ?? []) delete pkg[field];
  pkg.type = type;
}

/** Copies `keys` from `from` when the value is a non-empty string. */
function copyNonEmpty<K extends keyof AquaPackage>(pkg: Mutable, from: Partial<Pick<AquaPackage, K>>, keys: K[]): void {
  for (const key of keys) if (from[key]) pkg[key] = from[key]!;
}

/** Copies `keys` from `from` when present at all (Go: a non-nil pointer, slice or map). */
function copyPresent<K extends keyof AquaPackage>(pkg: Mutable, from: Partial<Pick<AquaPackage, K>>, keys: K[]): void {
  for (const key of keys) if (from[key] !== undefined) pkg[key] = from[key]!;
}

/** aqua's overrideVersion: the package as the matching version override reshapes it. */
export function applyVersionOverride(base: AquaPackage, vo: AquaVersionOverride): AquaPackage {
  const pkg: Mutable = { ...base };
  setType(pkg, vo.type);
  copyNonEmpty(pkg, vo, ['repo_owner', 'repo_name', 'asset', 'crate', 'path', 'format', 'url', 'version_source', 'windows_ext']);
  copyPresent(pkg, vo, [
    'files', 'replacements', 'overrides', 'format_overrides', 'supported_envs', 'version_filter', 'version_prefix',
    'rosetta2', 'windows_arm_emulation', 'complete_windows_ext', 'checksum', 'cosign', 'slsa_provenance', 'minisign',
    'github_artifact_attestations', 'error_message', 'no_asset', 'append_ext', 'vars',
  ]);
  return pkg;
}

/** aqua's OverrideByRuntime, after the caller picked the format override and the platform override. */
export function applyPlatformOverride(base: AquaPackage, format: string | undefined, ov: AquaOverride | undefined): AquaPackage {
  const pkg: Mutable = { ...base };
  if (format !== undefined) pkg.format = format;
  if (!ov) return pkg;
  setType(pkg, ov.type);
  copyNonEmpty(pkg, ov, ['asset', 'crate', 'url', 'path', 'format', 'windows_ext']);
  copyPresent(pkg, ov, [
    'files', 'complete_windows_ext', 'checksum', 'cosign', 'slsa_provenance', 'minisign', 'github_artifact_attestations',
    'append_ext', 'vars',
  ]);
  // Replacements merge here (and only here): the override's keys win.
  if (pkg.replacements === undefined) {
    if (ov.replacements !== undefined) pkg.replacements = ov.replacements;
  } else {
    pkg.replacements = { ...pkg.replacements, ...ov.replacements };
  }
  return pkg;
}
