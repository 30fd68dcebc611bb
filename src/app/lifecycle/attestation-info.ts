/**
 * The attestation part of `tool info`: what is declared (the policy in force,
 * the signer workflow the registry or aqua package names) and what was found,
 * per platform: for each installed version (its manifest) and for each entry
 * of the nearest project lock and the declared set's lock.
 */
import type { AttestationRecord } from '../../core/attestation.js';
import { parseAttestationToken } from '../../core/attestation.js';
import { signerWorkflow } from '../../aqua/render-checksum.js';
import { nearestToolsFile } from '../../pins/resolve.js';
import { readManifest } from '../../store/read.js';
import { isLockedAsset } from '../../replicate/lock-file.js';
import { readLock } from '../../replicate/lock-io.js';
import { declaredPaths, projectLockPath } from '../../replicate/machine.js';
import type { AppContext } from '../context.js';
import type { ToolIdentity } from '../select/identify.js';
import { attestationPolicy } from '../install/attestation-policy.js';

export interface AttestationInfo {
  /** verify | require | warn | off, and the settings line that chose it (null: the default). */
  policy: { mode: string; setBy: string | null };
  /** The workflow that must sign ("owner/repo/.github/workflows/release.yml"); null: any workflow of the repository. */
  signerWorkflow: string | null;
  installed: Array<{ version: string; platform: string; asset: string; attestation: AttestationRecord | null }>;
  locked: Array<{ lock: string; key: string; version: string; platform: string; attestation: AttestationRecord | null }>;
}

async function installedRecords(ctx: AppContext, tool: ToolIdentity, versions: readonly string[]): Promise<AttestationInfo['installed']> {
  const rows: AttestationInfo['installed'] = [];
  for (const version of versions) {
    const manifest = await readManifest(ctx.layout, tool.id, version);
    if (manifest) rows.push({ version, platform: manifest.platform, asset: manifest.asset.name, attestation: manifest.attestation ?? null });
  }
  return rows;
}

/** The lock files that may hold this tool: the nearest project's and the declared set's. */
async function lockPaths(ctx: AppContext): Promise<string[]> {
  const project = await nearestToolsFile({ env: ctx.settings.env, cwd: ctx.cwd, globalFile: ctx.layout.globalTools });
  return [...(project ? [projectLockPath(project.path)] : []), declaredPaths(ctx).lock];
}

async function lockedRecords(ctx: AppContext, tool: ToolIdentity): Promise<AttestationInfo['locked']> {
  const rows: AttestationInfo['locked'] = [];
  for (const path of await lockPaths(ctx)) {
    const lock = await readLock(path).catch(() => undefined); // a damaged lock is `tool lock`'s to report, not info's
    for (const [key, entry] of Object.entries(lock?.tools ?? {})) {
      if (entry.repo.toLowerCase() !== tool.repo.toLowerCase()) continue;
      for (const [platform, asset] of Object.entries(entry.assets)) {
        if (!isLockedAsset(asset)) continue;
        const attestation = asset.attestation === undefined ? null : (parseAttestationToken(asset.attestation) ?? null);
        rows.push({ lock: path, key, version: entry.version, platform, attestation });
      }
    }
  }
  return rows;
}

export async function attestationInfo(ctx: AppContext, tool: ToolIdentity, installed: readonly string[]): Promise<AttestationInfo> {
  const policy = attestationPolicy(ctx.settings, [tool.id, tool.repo]);
  const declared = tool.entry?.attestations?.signerWorkflow ?? (tool.aqua?.pkg ? signerWorkflow(tool.aqua.pkg) : undefined);
  return {
    policy: { mode: policy.mode, setBy: policy.entry ? `${policy.entry.path} line ${policy.entry.line}` : null },
    signerWorkflow: declared ?? null,
    installed: await installedRecords(ctx, tool, installed),
    locked: await lockedRecords(ctx, tool),
  };
}
