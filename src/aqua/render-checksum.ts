/**
 * The checksum file and the signature kinds of a fully overridden package
 * (pkg/config/checksum.go, pkg/config/registry/{checksum,cosign,minisign,
 * slsa_provenance,github_cli}.go). The checksum templates see the package
 * replacements merged with `checksum.replacements` — unless the latter is an
 * explicit empty map, which switches replacements off — and `.Asset`.
 */
import { AquaUnsupportedError } from './errors.js';
import { goBase } from './asset-ext.js';
import { baseData } from './render-asset.js';
import { renderTemplate, type TemplateData } from './template.js';
import type { AquaChecksum, AquaInput, AquaPackage, AquaResolvedChecksum, Opaque } from './types.js';

function checksumReplacements(pkg: AquaPackage, checksum: AquaChecksum): Record<string, string> | undefined {
  const own = checksum.replacements;
  if (own === undefined) return pkg.replacements;
  if (Object.keys(own).length === 0) return own;
  return { ...pkg.replacements, ...own };
}

/** The checksum file aqua downloads for `asset`, or undefined when none is declared or it is disabled. */
export function renderChecksum(pkg: AquaPackage, input: AquaInput, vars: TemplateData, asset: string): AquaResolvedChecksum | undefined {
  const checksum = pkg.checksum;
  if (!checksum || checksum.enabled === false) return undefined;
  const data = baseData(pkg, input, vars, checksumReplacements(pkg, checksum));
  const common = {
    algorithm: checksum.algorithm ?? '',
    fileFormat: checksum.file_format || 'default',
    ...(checksum.pattern ? { pattern: { ...checksum.pattern } } : {}),
  };
  if (checksum.type === 'github_release') {
    return { type: 'github_release', asset: renderTemplate(checksum.asset ?? '', { ...data, Asset: asset }), ...common };
  }
  if (checksum.type === 'http') {
    const url = renderTemplate(checksum.url ?? '', data);
    return { type: 'http', asset: goBase(url.replace(/[?#].*$/, '')), url, ...common };
  }
  throw new AquaUnsupportedError(`checksum.type ${JSON.stringify(checksum.type ?? '')} (aqua knows github_release and http)`);
}

function field(value: Opaque | undefined, key: string): Opaque | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

/** Each kind's GetEnabled: an explicit `enabled` wins, otherwise a per-kind default. */
function enabled(kind: string, value: Opaque | undefined): boolean {
  if (value === undefined || value === null) return false;
  const explicit = field(value, 'enabled');
  if (typeof explicit === 'boolean') return explicit;
  if (kind === 'cosign') return ['opts', 'signature', 'certificate', 'key', 'bundle'].some((k) => field(value, k) != null);
  if (kind === 'slsa_provenance') return Boolean(field(value, 'type'));
  return true;
}

/** Names of the declared and enabled verification kinds, package-level first. */
export function signatureKinds(pkg: AquaPackage): string[] {
  const kinds: string[] = [];
  const pkgKinds = ['cosign', 'slsa_provenance', 'minisign', 'github_artifact_attestations'] as const;
  for (const kind of pkgKinds) if (enabled(kind, pkg[kind])) kinds.push(kind);
  const checksum = pkg.checksum;
  if (checksum && checksum.enabled !== false) {
    const checksumKinds = ['cosign', 'minisign', 'github_artifact_attestations'] as const;
    for (const kind of checksumKinds) if (enabled(kind, checksum[kind])) kinds.push(`checksum.${kind}`);
  }
  return kinds;
}

/** github_artifact_attestations.signer_workflow, when the package declares and enables it. */
export function signerWorkflow(pkg: AquaPackage): string | undefined {
  const value = pkg.github_artifact_attestations;
  const workflow = field(value, 'signer_workflow');
  return enabled('github_artifact_attestations', value) && typeof workflow === 'string' && workflow !== '' ? workflow : undefined;
}
