/**
 * The attestation step of an install. The request starts with the download
 * when the asset's SHA-256 is known beforehand (GitHub's digest, a checksum
 * file, a lock), so it adds no wait; otherwise it follows the download, keyed
 * by the hash the download produced. A lock's recorded outcome is judged as it
 * stands, with no request (`--locked` installs ask GitHub's API nothing).
 */
import type { AttestationRecord } from '../../core/attestation.js';
import type { GitHubClient } from '../../github/types.js';
import type { AppContext } from '../context.js';
import type { ToolIdentity } from '../select/identify.js';
import { attestationPolicy, judgeAttestation, verifiedLine } from './attestation-policy.js';
import type { InstallPlan } from './install.js';

/** The workflow the registry (or the aqua package) declares as the signer, if any. */
export function declaredSigner(tool: ToolIdentity): string | undefined {
  return tool.entry?.attestations?.signerWorkflow;
}

/** Ask and verify; the record says what was found (see attest/check-attestations.ts). */
export async function lookUpAttestation(ctx: AppContext, github: GitHubClient, tool: ToolIdentity, sha256: string): Promise<AttestationRecord> {
  const { checkAttestations } = await import('../../attest/check-attestations.js');
  const signerWorkflow = declaredSigner(tool);
  return checkAttestations(github, ctx.settings, { repo: tool.repo, sha256, ...(signerWorkflow ? { signerWorkflow } : {}) });
}

/**
 * Starts checking `plan`'s asset; the returned function, given the SHA-256 the
 * download hashed to, resolves to the record to keep once the policy accepts
 * it, or rejects with the line that says why nothing is installed.
 */
export function startAttestation(ctx: AppContext, github: GitHubClient, plan: InstallPlan): (sha256: string) => Promise<AttestationRecord> {
  const { tool, version, asset } = plan;
  const policy = attestationPolicy(ctx.settings, [tool.id, tool.repo]);
  const subject = { what: `${tool.id} ${version} (${asset.name})`, tool: tool.id, settingsPath: ctx.settings.file.path };
  const judge = (record: AttestationRecord) => {
    const kept = judgeAttestation(record, policy, subject, ctx.log);
    if (kept.status === 'verified') ctx.log(verifiedLine(kept));
    return kept;
  };
  if (plan.attestation) {
    const recorded = plan.attestation;
    return async () => judge(recorded);
  }
  if (policy.mode === 'off') return async () => judge({ status: 'unchecked', detail: 'attestations = off' });
  const known = plan.expected.hex !== undefined && !plan.expected.ofBinary ? plan.expected.hex : undefined;
  const early = known === undefined ? undefined : lookUpAttestation(ctx, github, tool, known);
  early?.catch(() => {}); // awaited below once the download is done; a failed download must not leave it unhandled
  return async (sha256) => judge(await (early ?? lookUpAttestation(ctx, github, tool, sha256)));
}
