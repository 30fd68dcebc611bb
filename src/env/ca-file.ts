/**
 * A private certificate authority for every https request: the settings file's
 * `ca-file = /path/ca.pem`, or TOOL_CA_FILE, which wins. Its certificates are
 * added to Node's own roots, not put in their place, so public hosts keep
 * working. Node drops NODE_EXTRA_CA_CERTS as soon as a request names its own
 * roots, so that file's certificates are added here too.
 */
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, resolve } from 'node:path';
import { rootCertificates } from 'node:tls';
import { ToolError } from '../core/errors.js';
import { settingFor, type SettingsFile } from './settings-file.js';

export interface CaFile {
  path: string;
  /** "TOOL_CA_FILE" or "<settings path> line N", for messages and doctor. */
  source: string;
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

function expandHome(path: string, env: NodeJS.ProcessEnv): string {
  return path.startsWith('~/') ? `${env.HOME || homedir()}${path.slice(1)}` : path;
}

/** Where the extra CA comes from, if anywhere; a relative setting is relative to the settings file. */
export function locateCaFile(env: NodeJS.ProcessEnv, file: SettingsFile): CaFile | undefined {
  if (env.TOOL_CA_FILE) return { path: resolve(expandHome(env.TOOL_CA_FILE, env)), source: 'TOOL_CA_FILE' };
  const entry = settingFor(file, 'ca-file');
  if (!entry || entry.value === '') return undefined;
  return { path: resolve(dirname(entry.path), expandHome(entry.value, env)), source: `${entry.path} line ${entry.line}` };
}

function badCaFile(ca: CaFile, why: string): ToolError {
  return new ToolError('TOOL_BAD_SETTING', `the CA file ${ca.path} (from ${ca.source}) ${why}`, {
    hint: 'Point it at a PEM file of certificates ("-----BEGIN CERTIFICATE-----"), or remove the setting',
  });
}

/** The file's certificates as PEM strings, each checked to parse; one line naming the file otherwise. */
export function readCaCertificates(ca: CaFile): string[] {
  let text: string;
  try {
    text = readFileSync(ca.path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw badCaFile(ca, code === 'ENOENT' ? 'does not exist' : `cannot be read (${code ?? String(error)})`);
  }
  const blocks = text.match(PEM_BLOCK) ?? [];
  if (blocks.length === 0) throw badCaFile(ca, 'holds no PEM certificate');
  blocks.forEach((block, index) => {
    try {
      new X509Certificate(block);
    } catch {
      throw badCaFile(ca, `has a certificate that does not parse (number ${index + 1})`);
    }
  });
  return blocks;
}

/** NODE_EXTRA_CA_CERTS as Node reads it at start-up; Node already warned if it could not. */
function extraCertificates(env: NodeJS.ProcessEnv): string[] {
  if (!env.NODE_EXTRA_CA_CERTS) return [];
  try {
    return readFileSync(env.NODE_EXTRA_CA_CERTS, 'utf8').match(PEM_BLOCK) ?? [];
  } catch {
    return [];
  }
}

/** Every root an https request trusts with a CA file set; undefined without one (Node's defaults). */
export function trustedRoots(env: NodeJS.ProcessEnv, file: SettingsFile): string[] | undefined {
  const ca = locateCaFile(env, file);
  if (!ca) return undefined;
  return [...rootCertificates, ...extraCertificates(env), ...readCaCertificates(ca)];
}
