/**
 * unknown JSON → RegistryEntry, or an error naming the file and the field path.
 * Hand-written rather than a schema library: the schema is small and the
 * messages matter more than generality.
 */
import { ToolError } from '../core/errors.js';
import { isOwnerRepo } from '../core/tool-ref.js';
import type { ArchiveKind } from '../archive/kind.js';
import type { RegistryEntry } from './types.js';

const PLATFORM_KEY_RE = /^(linux|darwin|windows)-(x64|arm64)(-(gnu|musl))?$/;
const FORMATS: readonly ArchiveKind[] = ['tar', 'tar.gz', 'tar.xz', 'tar.bz2', 'tar.zst', 'zip', 'gz', 'xz', 'bz2', 'zst', 'raw'];
const KNOWN_FIELDS = new Set(['$schema', 'name', 'repo', 'description', 'homepage', 'bins', 'assets', 'format', 'versionOrder', 'tagPrefix', 'checksum', 'versionCommand', 'selfUpdate', 'attestations']);

type Json = Record<string, unknown>;

class FieldChecker {
  constructor(private readonly file: string) {}

  fail(field: string, problem: string): never {
    throw new ToolError('TOOL_BAD_REGISTRY', `${this.file}: field "${field}" ${problem}`, {
      hint: 'Fix the entry as documented in registry/README.md',
    });
  }

  /** An object whose keys must all be in `known` (when given): typos fail instead of vanishing. */
  object(value: unknown, field: string, known?: readonly string[]): Json {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(field, 'must be an object');
    for (const key of known ? Object.keys(value) : []) {
      if (!known!.includes(key)) this.fail(`${field}.${key}`, `is not a known field (expected ${known!.join(', ')})`);
    }
    return value as Json;
  }

  string(value: unknown, field: string, optional = false): string | undefined {
    if (value === undefined && optional) return undefined;
    if (typeof value !== 'string' || value.trim() === '') this.fail(field, 'must be a non-empty string');
    return value;
  }

  strings(value: unknown, field: string): string[] {
    if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) this.fail(field, 'must be an array of strings');
    return value as string[];
  }

  oneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
    if (typeof value !== 'string' || !allowed.includes(value as T)) this.fail(field, `must be one of ${allowed.join(', ')}`);
    return value as T;
  }
}

function checkBins(check: FieldChecker, value: unknown): RegistryEntry['bins'] {
  if (!Array.isArray(value) || value.length === 0) check.fail('bins', 'must be a non-empty array');
  return value.map((item, i) => {
    const bin = check.object(item, `bins[${i}]`, ['name', 'path']);
    const name = check.string(bin.name, `bins[${i}].name`)!;
    if (!/^[A-Za-z0-9][A-Za-z0-9._+-]*$/.test(name)) check.fail(`bins[${i}].name`, 'must be a plain file name');
    const path = check.string(bin.path, `bins[${i}].path`, true);
    return path ? { name, path } : { name };
  });
}

function checkAssets(check: FieldChecker, value: unknown): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const assets = check.object(value, 'assets');
  for (const [key, template] of Object.entries(assets)) {
    if (!PLATFORM_KEY_RE.test(key)) check.fail(`assets.${key}`, 'is not a platform key like linux-x64, linux-x64-musl, darwin-arm64');
    check.string(template, `assets.${key}`);
  }
  return assets as Record<string, string>;
}

function checkOptional(check: FieldChecker, json: Json): Partial<RegistryEntry> {
  const out: Partial<RegistryEntry> = {};
  if (json.format !== undefined) out.format = check.oneOf(json.format, 'format', FORMATS);
  if (json.tagPrefix !== undefined) out.tagPrefix = check.string(json.tagPrefix, 'tagPrefix')!;
  if (json.homepage !== undefined) out.homepage = check.string(json.homepage, 'homepage')!;
  if (json.checksum !== undefined) {
    const checksum = check.object(json.checksum, 'checksum', ['file', 'ofBinary']);
    const file = check.string(checksum.file, 'checksum.file', true);
    if (checksum.ofBinary !== undefined && typeof checksum.ofBinary !== 'boolean') check.fail('checksum.ofBinary', 'must be true or false');
    out.checksum = { ...(file ? { file } : {}), ...(checksum.ofBinary ? { ofBinary: true } : {}) };
  }
  if (json.versionCommand !== undefined) {
    const command = check.object(json.versionCommand, 'versionCommand', ['args', 'pattern']);
    const pattern = check.string(command.pattern, 'versionCommand.pattern', true);
    if (pattern) {
      try { new RegExp(pattern); } catch { check.fail('versionCommand.pattern', 'is not a valid regular expression'); }
    }
    out.versionCommand = { args: check.strings(command.args, 'versionCommand.args'), ...(pattern ? { pattern } : {}) };
  }
  if (json.selfUpdate !== undefined) {
    const self = check.object(json.selfUpdate, 'selfUpdate', ['args', 'method']);
    out.selfUpdate = {
      args: check.strings(self.args, 'selfUpdate.args'),
      method: check.oneOf(self.method, 'selfUpdate.method', ['in-place', 'rename-dance', 'rename-over'] as const),
    };
  }
  if (json.attestations !== undefined) {
    const attestations = check.object(json.attestations, 'attestations', ['signerWorkflow']);
    const signerWorkflow = check.string(attestations.signerWorkflow, 'attestations.signerWorkflow', true);
    if (signerWorkflow && !/^[^/]+\/[^/]+\/[^@]+$/.test(signerWorkflow)) check.fail('attestations.signerWorkflow', 'must look like owner/repo/.github/workflows/<file>');
    out.attestations = signerWorkflow ? { signerWorkflow } : {};
  }
  return out;
}

/** Validate one registry file's JSON; `name` is the file name without ".json". */
export function validateRegistryEntry(json: unknown, file: string, name: string): RegistryEntry {
  const check = new FieldChecker(file);
  const top = check.object(json, '(top level)');
  for (const key of Object.keys(top)) if (!KNOWN_FIELDS.has(key)) check.fail(key, 'is not a known field');
  if (top.name !== undefined && top.name !== name) check.fail('name', `must match the file name "${name}"`);
  const repo = check.string(top.repo, 'repo')!;
  if (!isOwnerRepo(repo)) check.fail('repo', 'must look like owner/repo');
  return {
    name,
    repo,
    description: check.string(top.description, 'description')!,
    bins: checkBins(check, top.bins),
    ...(top.assets !== undefined ? { assets: checkAssets(check, top.assets)! } : {}),
    versionOrder: check.oneOf(top.versionOrder, 'versionOrder', ['semver', 'calver', 'release-order'] as const),
    ...checkOptional(check, top),
  };
}
