/**
 * What an attestation outcome means for an install, from the settings file's
 * `attestations` key (top level or a tool's section):
 *   verify  (default) check where the release has attestations; a failure installs nothing
 *   require as verify, and a release without attestations installs nothing either
 *   warn    check, but a failure only warns (each time it matters) and installs
 *   off     do not check (a warning says so each time)
 * An endpoint that does not answer warns under verify and warn (the release may
 * have none; failing every install while GitHub's API is down would teach users
 * to turn checking off), and fails under require.
 */
import { signerText, type AttestationRecord } from '../../core/attestation.js';
import { ToolError } from '../../core/errors.js';
import { attestationModeOf, type AttestationMode } from '../../env/attestation-mode.js';
import { settingFor, type SettingEntry } from '../../env/settings-file.js';
import type { Settings } from '../../env/settings.js';

export interface AttestationPolicy {
  mode: AttestationMode;
  /** The settings line that chose the mode; undefined for the default. */
  entry: SettingEntry | undefined;
}

/** The policy for a tool known by these names (its id and owner/repo). */
export function attestationPolicy(settings: Settings, names: readonly string[]): AttestationPolicy {
  const entry = settingFor(settings.file, 'attestations', names);
  if (!entry) return { mode: 'verify', entry: undefined };
  return { mode: attestationModeOf(entry), entry };
}

function where(policy: AttestationPolicy): string {
  return policy.entry ? `attestations = ${policy.mode} in ${policy.entry.path} line ${policy.entry.line}` : 'attestations = verify (the default)';
}

export interface Attested {
  what: string;
  tool: string;
  settingsPath: string;
  /** What happens to it: "installed" (default) or "locked". */
  done?: string;
}

/**
 * The record to keep, after logging the warnings the policy asks for; throws
 * (nothing is installed) when it does not accept the record. A verified record
 * is returned without a word: the caller says so in its own terms. `what` names the artifact:
 * "ripgrep 14.1.1 (ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz)".
 */
export function judgeAttestation(record: AttestationRecord, policy: AttestationPolicy, subject: Attested, log: (line: string) => void): AttestationRecord {
  const fromLock = record.from ? ` (recorded in ${record.from})` : '';
  const done = subject.done ?? 'installed';
  if (record.status === 'verified') return record;
  if (policy.mode === 'off') {
    log(`warning: attestations of ${subject.what} not checked: ${where(policy)}`);
    return record;
  }
  if (record.status === 'absent') {
    if (policy.mode !== 'require') return record;
    throw new ToolError('TOOL_ATTESTATION_MISSING', `${subject.what} has no GitHub artifact attestation${fromLock}, and ${where(policy)} requires one`, {
      hint: `Nothing was ${done}. To accept it anyway, set \`attestations = verify\` under [${subject.tool}] in ${subject.settingsPath}`,
    });
  }
  if (record.status === 'unchecked' && record.from) {
    // A lock written before attestations were recorded: nothing to judge, unless one is required.
    if (policy.mode !== 'require') return record;
    throw new ToolError('TOOL_ATTESTATION_MISSING', `${record.from} records no verified attestation for ${subject.what} (${record.detail ?? 'no outcome recorded'}), and ${where(policy)} requires one`, {
      hint: 'Nothing was installed. Run `tool lock` to re-lock (it checks every platform\'s attestation), and commit the lock',
    });
  }
  const detail = record.detail ?? 'no detail';
  if (policy.mode === 'warn' || (record.status === 'unchecked' && policy.mode === 'verify')) {
    log(`warning: attestation of ${subject.what} ${record.status === 'failed' ? 'failed' : 'not checked'}${fromLock}: ${detail}; ${done} anyway (${where(policy)})`);
    return record;
  }
  if (record.status === 'unchecked') {
    throw new ToolError('TOOL_NETWORK', `the attestation of ${subject.what} could not be checked: ${detail}`, {
      hint: `Nothing was ${done}; ${where(policy)} needs a verified attestation. Try again when GitHub's API answers`,
    });
  }
  throw new ToolError('TOOL_ATTESTATION_FAILED', `attestation of ${subject.what} failed${fromLock}: ${detail}`, {
    hint: `Nothing was ${done}. If you trust this release anyway, set \`attestations = warn\` under [${subject.tool}] in ${subject.settingsPath}`,
  });
}

/** The line an install prints for a verified asset. */
export function verifiedLine(record: AttestationRecord): string {
  return `attestation verified${record.from ? ` (recorded in ${record.from})` : ''}: built by ${signerText(record)}`;
}
