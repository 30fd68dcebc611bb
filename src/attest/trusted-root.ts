/**
 * The Sigstore trusted root attestations are checked against: the public-good
 * instance's trusted_root.json shipped in registry/trust/ (copied from the
 * TUF seed @sigstore/tuf embeds; test/unit/attest/trusted-root.test.ts keeps
 * them equal), so no TUF service is asked at install time. TOOL_SIGSTORE_TRUSTED_ROOT
 * names another file: for tests, and for air-gapped machines that mirror a newer root.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ToolError } from '../core/errors.js';
import type { Settings } from '../env/settings.js';
import { REGISTRY_DIR } from '../registry/package-files.js';
import { readTrust, type Trust } from './sigstore.js';

export const SHIPPED_TRUSTED_ROOT = join(REGISTRY_DIR, 'trust', 'sigstore-public-good.json');

let loaded: Promise<Trust> | undefined;

export function trustedRootPath(settings: Settings): string {
  return settings.env.TOOL_SIGSTORE_TRUSTED_ROOT || SHIPPED_TRUSTED_ROOT;
}

async function load(path: string): Promise<Trust> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ToolError('TOOL_BAD_SETTING', `cannot read the Sigstore trusted root ${path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`, {
      hint: path === SHIPPED_TRUSTED_ROOT ? 'Reinstall tool: the file ships with it' : 'Fix TOOL_SIGSTORE_TRUSTED_ROOT, or unset it to use the one shipped with tool',
    });
  }
  return readTrust(text, path);
}

/** Read once per process: every install in a batch shares it. */
export function trustedRoot(settings: Settings): Promise<Trust> {
  return (loaded ??= load(trustedRootPath(settings)));
}
