/**
 * The attestation outcome a lock records for one platform's asset. Only the
 * asset's SHA-256 is needed to ask GitHub for its attestations, so one machine
 * checks every platform the lock lists, without downloading their assets.
 * A failure stops `tool lock` as it would stop the install (unless the policy
 * relaxes it), so a lock never vouches for what an install would refuse.
 */
import { attestationToken, type AttestationRecord } from '../core/attestation.js';
import type { GitHubClient } from '../github/types.js';
import type { Manifest } from '../store/manifest.js';
import type { AppContext } from '../app/context.js';
import type { ToolIdentity } from '../app/select/identify.js';
import { lookUpAttestation } from '../app/install/attest-asset.js';
import { attestationPolicy, judgeAttestation } from '../app/install/attestation-policy.js';

export interface AttestationSubject {
  tool: ToolIdentity;
  version: string;
  /** The lock's platform key: "linux-x64". */
  key: string;
  asset: string;
  sha256: string;
}

/** The token to write, after the policy accepted the outcome (it throws when it does not). */
export async function lockedAttestation(ctx: AppContext, github: GitHubClient, subject: AttestationSubject, installed: Manifest | undefined): Promise<string> {
  const { tool, version, key, asset, sha256 } = subject;
  const policy = attestationPolicy(ctx.settings, [tool.id, tool.repo]);
  const known = installed?.sha256 === sha256 ? installed.attestation : undefined;
  let record: AttestationRecord;
  if (policy.mode === 'off') record = { status: 'unchecked', detail: 'attestations = off' };
  else if (known && known.status !== 'unchecked') record = { ...known, from: undefined };
  else record = await lookUpAttestation(ctx, github, tool, sha256);
  const what = `${tool.id} ${version} (${asset}) for ${key}`;
  const { from: _from, ...kept } = judgeAttestation(record, policy, { what, tool: tool.id, settingsPath: ctx.settings.file.path, done: 'locked' }, ctx.log);
  return attestationToken(kept);
}
