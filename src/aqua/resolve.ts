/**
 * resolveAquaAsset: what aqua would download and install for one package, tag
 * and platform — a pure function of its inputs, in aqua's order:
 *   1. version_constraint / version_overrides (with version_prefix) pick and
 *      merge the entry for the tag (select-version.ts);
 *   2. format_overrides, then the first matching `overrides` entry (merge.ts);
 *   3. supported_envs, widened by rosetta2 / windows_arm_emulation;
 *   4. vars (given, else defaults; a required one missing stops here);
 *   5. no_asset / error_message; then the package type;
 *   6. the asset template + format suffix + Windows ".exe", file paths, the
 *      checksum file and the signature kinds.
 * version_filter is not consulted: aqua applies it only when listing versions
 * (see tag-filter.ts).
 */
import { AquaEvalError, AquaUnsupportedError } from './errors.js';
import { applyPlatformOverride } from './merge.js';
import { aquaPackageName } from './package-name.js';
import { findFormatOverride, findOverride, isSupported, usesEmulation } from './platform-match.js';
import { effectiveFormat, renderAssetName, renderFiles } from './render-asset.js';
import { renderChecksum, signatureKinds, signerWorkflow } from './render-checksum.js';
import { ConstraintFailure, selectVersion } from './select-version.js';
import type { TemplateData } from './template.js';
import type { AquaInput, AquaPackage, AquaResult } from './types.js';

export { aquaPackageName } from './package-name.js';

type Vars = { ok: true; vars: TemplateData } | { ok: false; missing: string };

/** aqua's ApplyVars: given values win, then defaults; a required var without either is an error. */
function applyVars(pkg: AquaPackage, input: AquaInput): Vars {
  const vars: TemplateData = { ...input.vars };
  for (const v of pkg.vars ?? []) {
    if (Object.hasOwn(vars, v.name)) continue;
    if (v.default !== undefined && v.default !== null) vars[v.name] = v.default;
    else if (v.required) return { ok: false, missing: v.name };
  }
  return { ok: true, vars };
}

function unsupported(pkg: AquaPackage, field: string, reason: string): AquaResult {
  return { kind: 'unsupported', field, reason: `${aquaPackageName(pkg)}: ${reason}` };
}

/** Steps 1–3: the package as aqua sees it for this tag and platform, or why it has no asset. */
function overridden(base: AquaPackage, input: AquaInput): { pkg: AquaPackage; entry: string } | AquaResult {
  let selected;
  try {
    selected = selectVersion(base, input.tag);
  } catch (error) {
    if (error instanceof ConstraintFailure) return unsupported(base, error.field, (error.cause as Error).message);
    throw error;
  }
  const fo = findFormatOverride(selected.pkg.format_overrides, input);
  const pkg = applyPlatformOverride(selected.pkg, fo?.format, findOverride(selected.pkg.overrides, input));
  if (!isSupported(pkg, input)) {
    const envs = (pkg.supported_envs ?? []).join(', ') || 'none';
    return { kind: 'no-asset', reason: `${aquaPackageName(pkg)} ${input.tag} supports only ${envs} (${selected.entry}), not ${input.os}/${input.arch}` };
  }
  return { pkg, entry: selected.entry };
}

/** Step 5, for a github_release package that has an asset for this platform. */
function render(pkg: AquaPackage, input: AquaInput, vars: TemplateData, entry: string): AquaResult {
  let field = 'asset';
  try {
    const asset = renderAssetName(pkg, input, vars);
    if (asset === '') return { kind: 'no-asset', reason: `${aquaPackageName(pkg)} declares no asset for ${input.tag} (${entry})` };
    field = 'files';
    const files = renderFiles(pkg, input, vars, asset);
    field = 'checksum';
    const checksum = renderChecksum(pkg, input, vars, asset);
    return {
      kind: 'asset',
      asset,
      format: effectiveFormat(pkg, asset),
      files,
      ...(checksum ? { checksum } : {}),
      ...usesEmulation(pkg, input),
      ...(pkg.version_prefix ? { versionPrefix: pkg.version_prefix } : {}),
      signatures: signatureKinds(pkg),
      ...(signerWorkflow(pkg) ? { signerWorkflow: signerWorkflow(pkg)! } : {}),
    };
  } catch (error) {
    if (error instanceof AquaUnsupportedError) return unsupported(pkg, field, error.message);
    // aqua fails the same way for this tag (e.g. `semver` of a tag that is not a version).
    if (error instanceof AquaEvalError) return { kind: 'no-asset', reason: `${aquaPackageName(pkg)}: aqua cannot render ${field} for ${input.tag} (${entry}): ${error.message}` };
    throw error;
  }
}

/** What aqua would install for `pkg` at `input.tag` on `input.os`/`input.arch`. Never throws for registry data. */
export function resolveAquaAsset(base: AquaPackage, input: AquaInput): AquaResult {
  const result = overridden(base, input);
  if ('kind' in result) return result;
  const { pkg, entry } = result;
  const name = aquaPackageName(pkg);
  // aqua applies vars while listing packages, before it validates no_asset and the type.
  const vars = applyVars(pkg, input);
  if (!vars.ok) {
    return unsupported(pkg, 'vars', `needs the variable "${vars.missing}" (aqua.yaml \`vars\`); pass it as input.vars`);
  }
  if (pkg.no_asset) return { kind: 'no-asset', reason: `${name} publishes no asset for ${input.tag} (no_asset in ${entry})` };
  if (pkg.error_message) {
    return { kind: 'no-asset', reason: `${name} ${input.tag}: ${pkg.error_message.trim().replace(/\s+/g, ' ')} (error_message in ${entry})` };
  }
  if (pkg.type !== 'github_release') {
    return unsupported(pkg, 'type', `package type ${JSON.stringify(pkg.type)} (${entry}) is not evaluated; only github_release is`);
  }
  if (!pkg.repo_owner || !pkg.repo_name) return unsupported(pkg, 'repo_owner', 'a github_release package needs repo_owner and repo_name');
  return render(pkg, input, vars.vars, entry);
}
