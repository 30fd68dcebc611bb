/**
 * Values several --json documents share, in the contract's shapes (README:
 * JSON output): where a version comes from, how bytes were checked, an error.
 * Runs when a command prints; the contract itself (contract.ts) does not.
 */
import type { ToolError } from '../../core/errors.js';
import type { PinSource } from '../../pins/resolve.js';
import type { DeclaredAt } from '../../replicate/sync-diff.js';
import type { Verification } from '../../store/manifest.js';

export interface SourceJson {
  kind: 'env' | 'project' | 'global' | 'declared';
  file: string | null;
  line: number | null;
  variable: string | null;
}

export function sourceJson(source: PinSource): SourceJson {
  if (source.kind === 'env') return { kind: 'env', file: null, line: null, variable: source.variable };
  return { kind: source.kind === 'file' ? 'project' : 'global', file: source.path, line: source.line, variable: null };
}

export function declaredSourceJson(at: DeclaredAt): SourceJson {
  return { kind: at.global ? 'global' : 'declared', file: at.file, line: at.line ?? null, variable: null };
}

export function verificationJson(verification: Verification): { method: Verification['method']; against: string | null } {
  return { method: verification.method, against: verification.source ?? null };
}

export function errorJson(error: ToolError): { code: string; message: string; hint: string | null; exit: number } {
  return { code: error.code, message: error.message, hint: error.hint ?? null, exit: error.exitCode };
}
