/** Which package of which aqua-format registry a tool comes from, as identities and tool states carry it. */
import type { AquaPackage } from '../aqua/types.js';
import type { AquaFound } from './lookup.js';

export interface AquaRef {
  /** The registry, as TOOL_REGISTRIES names it: "aqua", "aqua@v4.300.0", "file:/…", a URL. */
  source: string;
  /** The package's name in that registry. */
  name: string;
  /** The definition, once loaded (identify loads it; a state-only identity loads it before an install). */
  pkg?: AquaPackage;
  /** How the typed name matched, for `tool info`. */
  by?: string;
  /** The registry's ref (aqua's standard registry: a release tag of aquaproj/aqua-registry). */
  ref?: string;
}

export function aquaRefOf(found: AquaFound): AquaRef {
  return { source: found.source, name: found.entry.name, pkg: found.pkg, by: found.by, ref: found.ref };
}

const SIGNATURES = ['github_artifact_attestations', 'cosign', 'slsa_provenance', 'minisign'] as const;

/** Signature kinds the package declares for any of its versions (verifying them is not done yet). */
export function declaredSignatures(pkg: AquaPackage): string[] {
  const layers = [pkg, ...(pkg.version_overrides ?? [])] as unknown as Record<string, unknown>[];
  return SIGNATURES.filter((kind) => layers.some((layer) => layer[kind] !== undefined && layer[kind] !== null));
}


