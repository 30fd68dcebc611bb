/**
 * The settings file's `attestations` key: what an attestation outcome means for
 * an install (app/install/attestation-policy.ts applies it). Parsed here, in
 * env/, so that a bad value anywhere in the file stops every command at
 * start-up, as a bad min-release-age does.
 */
import { settingError, type SettingEntry, type SettingsFile } from './settings-file.js';

export type AttestationMode = 'verify' | 'require' | 'warn' | 'off';
export const ATTESTATION_MODES: readonly AttestationMode[] = ['verify', 'require', 'warn', 'off'];

/** The mode a line sets; one line naming the file and line when it is none of them. */
export function attestationModeOf(entry: SettingEntry): AttestationMode {
  const mode = ATTESTATION_MODES.find((candidate) => candidate === entry.value);
  if (!mode) throw settingError(entry, `attestations = "${entry.value}" is not one of ${ATTESTATION_MODES.join(', ')}`, 'Write attestations = verify (the default), require, warn or off');
  return mode;
}

/** Checks every `attestations` line, at top level and in each tool's section. */
export function checkAttestationModes(file: SettingsFile): void {
  for (const entry of file.entries) if (entry.key === 'attestations') attestationModeOf(entry);
}
