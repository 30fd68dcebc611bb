/**
 * The subset of aqua's registry package format (aquaproj/aqua-registry) that
 * `tool` reads, with aqua's own snake_case field names so that messages can
 * name the field a registry author wrote. Field meanings follow aqua's Go types
 * in pkg/config/registry; "absent" and "empty" differ wherever aqua's merge
 * rules tell nil from empty (files, replacements, overrides, supported_envs,
 * version_prefix), so optional fields stay undefined when the YAML left them out.
 */

/** A JSON value kept as written (signature settings are shown, never evaluated). */
export type Opaque = null | boolean | number | string | Opaque[] | { [key: string]: Opaque };

/** goos/goarch value → the word the asset name uses ("amd64" → "x86_64"). */
export type Replacements = Record<string, string>;

export interface AquaFile {
  /** The command name that gets installed. */
  name: string;
  /** Path inside the archive (a template); defaults to `name`. */
  src?: string;
  dir?: string;
  link?: string;
  hard?: boolean;
}

export interface AquaChecksumPattern {
  checksum: string;
  file?: string;
}

export interface AquaChecksum {
  /** "github_release" (a release asset) or "http" (a URL). */
  type?: string;
  asset?: string;
  url?: string;
  algorithm?: string;
  /** "" (aqua's default "hash  name" lines), "raw" or "regexp". */
  file_format?: string;
  pattern?: AquaChecksumPattern;
  /** Absent means enabled. */
  enabled?: boolean;
  replacements?: Replacements;
  cosign?: Opaque;
  minisign?: Opaque;
  github_artifact_attestations?: Opaque;
}

export interface AquaVar {
  name: string;
  required?: boolean;
  default?: Opaque;
}

export interface AquaVariant {
  key: string;
  value: string;
}

export interface AquaFormatOverride {
  goos: string;
  format: string;
}

/** Fields that a package, a version override and a platform override can all set. */
export interface AquaAssetFields {
  type?: string;
  asset?: string;
  url?: string;
  path?: string;
  crate?: string;
  format?: string;
  files?: AquaFile[];
  replacements?: Replacements;
  checksum?: AquaChecksum;
  complete_windows_ext?: boolean;
  windows_ext?: string;
  append_ext?: boolean;
  vars?: AquaVar[];
  cosign?: Opaque;
  slsa_provenance?: Opaque;
  minisign?: Opaque;
  github_artifact_attestations?: Opaque;
}

/** One entry of `overrides`: applies when goos, goarch, envs and variants all match. */
export interface AquaOverride extends AquaAssetFields {
  goos?: string;
  goarch?: string;
  envs?: string[];
  variants?: AquaVariant[];
}

/** Fields a version override shares with the package it overrides. */
export interface AquaVersionedFields extends AquaAssetFields {
  repo_owner?: string;
  repo_name?: string;
  overrides?: AquaOverride[];
  format_overrides?: AquaFormatOverride[];
  supported_envs?: string[];
  rosetta2?: boolean;
  windows_arm_emulation?: boolean;
  no_asset?: boolean;
  error_message?: string;
  version_filter?: string;
  /** In a version override, "" is an explicit reset of the package's prefix. */
  version_prefix?: string;
  version_source?: string;
}

export interface AquaVersionOverride extends AquaVersionedFields {
  version_constraint: string;
}

export interface AquaPackage extends AquaVersionedFields {
  type: string;
  name?: string;
  aliases?: { name: string }[];
  description?: string;
  link?: string;
  search_words?: string[];
  version_constraint?: string;
  version_overrides?: AquaVersionOverride[];
}

export type AquaOs = 'linux' | 'darwin' | 'windows';
export type AquaArch = 'amd64' | 'arm64';

export interface AquaInput {
  /** The release tag exactly as GitHub names it ("v1.2.3", "cli/v2.0.0"). */
  tag: string;
  os: AquaOs;
  arch: AquaArch;
  /** aqua's libc names; only overrides with `variants` read it. Unknown matches no variant. */
  libc?: 'glibc' | 'musl';
  /** Values for the package's `vars` (aqua.yaml supplies them in aqua). */
  vars?: Record<string, string>;
}

export interface AquaResolvedChecksum {
  type: 'github_release' | 'http';
  /** The concrete checksum asset name (for "http": the last path part of the URL). */
  asset: string;
  /** Only for type "http": where the checksum file is served. */
  url?: string;
  algorithm: string;
  /** "default" stands for aqua's "" ("<hash>  <file>" lines or a single hash). */
  fileFormat: string;
  pattern?: { checksum: string; file?: string };
}

export interface AquaAssetResult {
  kind: 'asset';
  asset: string;
  /**
   * As aqua reads it: the declared format, else what the asset name says ("raw"
   * for no extension, .exe or .jar; "auto" when aqua would sniff the content).
   */
  format: string;
  /**
   * Where each command sits in the download (the download itself for raw
   * assets). On Windows `src` carries the ".exe" aqua completes; aqua also
   * accepts the same path without it and renames that file.
   */
  files: { name: string; src: string }[];
  checksum?: AquaResolvedChecksum;
  /** True when aqua picks the darwin/amd64 build to run under Rosetta 2 on darwin/arm64. */
  rosetta2: boolean;
  windowsArmEmulation: boolean;
  versionPrefix?: string;
  /** Declared and enabled verification kinds: "cosign", "slsa_provenance", "checksum.cosign", … */
  signatures: string[];
  /** github_artifact_attestations.signer_workflow: "owner/repo/.github/workflows/release.yml". */
  signerWorkflow?: string;
}

export type AquaResult =
  | AquaAssetResult
  | { kind: 'no-asset'; reason: string }
  | { kind: 'unsupported'; field: string; reason: string };
