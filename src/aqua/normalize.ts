/**
 * Plain YAML values → typed AquaPackage, field by field as aqua's Go structs
 * decode them (pkg/config/registry). Unknown keys are ignored like go-yaml
 * ignores them; a known key with the wrong shape is a TOOL_BAD_REGISTRY error.
 * A top-level `error_message` is ignored on purpose: aqua's PackageInfo tags
 * it `yaml:"-"`, so only a version override can set it.
 */
import type {
  AquaAssetFields, AquaChecksum, AquaFile, AquaFormatOverride, AquaOverride, AquaPackage, AquaVar,
  AquaVersionedFields, AquaVersionOverride,
} from './types.js';
import {
  child, compact, fail, readBool, readList, readMap, readOpaque, readString, readStringList, readStringMap,
  type Plain, type PlainMap, type Where,
} from './normalize-read.js';

function mapOf(value: Plain, where: Where): PlainMap {
  return readMap(value, where) ?? fail(where, 'a mapping', value);
}

function file(value: Plain, where: Where): AquaFile {
  const map = mapOf(value, where);
  return compact({
    name: readString(map, 'name', where) ?? '',
    src: readString(map, 'src', where),
    dir: readString(map, 'dir', where),
    link: readString(map, 'link', where),
    hard: readBool(map, 'hard', where),
  });
}

function checksum(value: Plain | undefined, where: Where): AquaChecksum | undefined {
  const map = readMap(value, where);
  if (!map) return undefined;
  const pattern = readMap(map['pattern'], child(where, 'pattern'));
  const patternWhere = child(where, 'pattern');
  return compact({
    type: readString(map, 'type', where),
    asset: readString(map, 'asset', where),
    url: readString(map, 'url', where),
    algorithm: readString(map, 'algorithm', where),
    file_format: readString(map, 'file_format', where),
    pattern: pattern && compact({ checksum: readString(pattern, 'checksum', patternWhere) ?? '', file: readString(pattern, 'file', patternWhere) }),
    enabled: readBool(map, 'enabled', where),
    replacements: readStringMap(map, 'replacements', where),
    cosign: readOpaque(map, 'cosign'),
    minisign: readOpaque(map, 'minisign'),
    github_artifact_attestations: readOpaque(map, 'github_artifact_attestations'),
  });
}

function variable(value: Plain, where: Where): AquaVar {
  const map = mapOf(value, where);
  return compact({ name: readString(map, 'name', where) ?? '', required: readBool(map, 'required', where), default: readOpaque(map, 'default') });
}

function assetFields(map: PlainMap, where: Where): AquaAssetFields {
  return {
    type: readString(map, 'type', where),
    asset: readString(map, 'asset', where),
    url: readString(map, 'url', where),
    path: readString(map, 'path', where),
    crate: readString(map, 'crate', where),
    format: readString(map, 'format', where),
    files: readList(map, 'files', where, file),
    replacements: readStringMap(map, 'replacements', where),
    checksum: checksum(map['checksum'], child(where, 'checksum')),
    complete_windows_ext: readBool(map, 'complete_windows_ext', where),
    windows_ext: readString(map, 'windows_ext', where),
    append_ext: readBool(map, 'append_ext', where),
    vars: readList(map, 'vars', where, variable),
    cosign: readOpaque(map, 'cosign'),
    slsa_provenance: readOpaque(map, 'slsa_provenance'),
    minisign: readOpaque(map, 'minisign'),
    github_artifact_attestations: readOpaque(map, 'github_artifact_attestations'),
  };
}

function override(value: Plain, where: Where): AquaOverride {
  const map = mapOf(value, where);
  return compact({
    ...assetFields(map, where),
    goos: readString(map, 'goos', where),
    goarch: readString(map, 'goarch', where),
    envs: readStringList(map, 'envs', where),
    variants: readList(map, 'variants', where, (entry, at) => {
      const variant = mapOf(entry, at);
      return { key: readString(variant, 'key', at) ?? '', value: readString(variant, 'value', at) ?? '' };
    }),
  });
}

function formatOverride(value: Plain, where: Where): AquaFormatOverride {
  const map = mapOf(value, where);
  return { goos: readString(map, 'goos', where) ?? '', format: readString(map, 'format', where) ?? '' };
}

function versionedFields(map: PlainMap, where: Where): AquaVersionedFields {
  return {
    ...assetFields(map, where),
    repo_owner: readString(map, 'repo_owner', where),
    repo_name: readString(map, 'repo_name', where),
    overrides: readList(map, 'overrides', where, override),
    format_overrides: readList(map, 'format_overrides', where, formatOverride),
    supported_envs: readStringList(map, 'supported_envs', where),
    rosetta2: readBool(map, 'rosetta2', where),
    windows_arm_emulation: readBool(map, 'windows_arm_emulation', where),
    no_asset: readBool(map, 'no_asset', where),
    version_filter: readString(map, 'version_filter', where),
    version_prefix: readString(map, 'version_prefix', where),
    version_source: readString(map, 'version_source', where),
  };
}

function versionOverride(value: Plain, where: Where): AquaVersionOverride {
  const map = mapOf(value, where);
  return compact({
    ...versionedFields(map, where),
    version_constraint: readString(map, 'version_constraint', where) ?? '',
    error_message: readString(map, 'error_message', where),
  });
}

/** One registry entry; `at` says where it starts ("registry.yaml line 120"). */
export function normalizePackage(value: Plain, at: string): AquaPackage {
  const where: Where = { at, path: '' };
  const map = mapOf(value, { at, path: 'package' });
  return compact({
    ...versionedFields(map, where),
    type: readString(map, 'type', where) ?? '',
    name: readString(map, 'name', where),
    aliases: readList(map, 'aliases', where, (entry, entryAt) => ({ name: readString(mapOf(entry, entryAt), 'name', entryAt) ?? '' })),
    description: readString(map, 'description', where),
    link: readString(map, 'link', where),
    search_words: readStringList(map, 'search_words', where),
    version_constraint: readString(map, 'version_constraint', where),
    version_overrides: readList(map, 'version_overrides', where, versionOverride),
  });
}
