/**
 * The shape of one registry/<name>.json file once validated. Registry data says
 * what the heuristics cannot know for certain: which asset fits which platform,
 * where the executable sits inside it, how versions order, where checksums live.
 */
import type { ArchiveKind } from '../archive/kind.js';

/** "linux-x64", "linux-x64-musl", "linux-arm64", "darwin-x64", "darwin-arm64", "windows-x64". */
export type PlatformKey = string;

export interface BinSpec {
  /** The executable name users type, and the shim's name. */
  name: string;
  /**
   * Where the executable sits inside the archive, relative to its root, with
   * `{version}`/`{tag}` placeholders and `*` globs ("ripgrep-*-x86_64-*\/rg").
   * Absent: found by name, else the only executable.
   */
  path?: string;
}

export type VersionOrder = 'semver' | 'calver' | 'release-order';

export interface SelfUpdateSpec {
  /** Arguments that make the tool replace itself ("-U" for yt-dlp). */
  args: string[];
  /** How it replaces itself; documents why it needs a writable live copy. */
  method: 'in-place' | 'rename-dance' | 'rename-over';
}

export interface VersionCommand {
  args: string[];
  /** Regex whose first group is the version in the command's output; default: first dotted number. */
  pattern?: string;
}

export interface ChecksumSpec {
  /** Checksum file name template in the release, e.g. "SHA2-256SUMS", "{repo}_{version}_checksums.txt". */
  file?: string;
  /** When true the checksum covers the executable inside the archive, not the archive. */
  ofBinary?: boolean;
}

export interface RegistryEntry {
  name: string;
  repo: string;
  description: string;
  homepage?: string;
  bins: BinSpec[];
  /**
   * Asset name template per platform key, most specific key wins
   * ("linux-x64-musl" before "linux-x64"). `{version}`, `{tag}` placeholders and
   * `*` globs are allowed. A platform without a rule falls back to the heuristic.
   */
  assets?: Record<PlatformKey, string>;
  /** Force an archive kind when the asset name does not say it. */
  format?: ArchiveKind;
  versionOrder: VersionOrder;
  /** Text before the version in tags ("jq-", "cli/v"); "v" is always accepted. */
  tagPrefix?: string;
  checksum?: ChecksumSpec;
  versionCommand?: VersionCommand;
  selfUpdate?: SelfUpdateSpec;
  attestations?: AttestationSpec;
}

export interface AttestationSpec {
  /**
   * The workflow that must have signed the release's GitHub artifact attestations,
   * aqua's form: "owner/repo/.github/workflows/release.yml". Absent: any workflow of the tool's repository.
   */
  signerWorkflow?: string;
}
