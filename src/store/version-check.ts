/**
 * Does a published store version still hold what was published? The files on
 * disk are observed (lstat, readlink and, when deep, SHA-256) and compared with
 * the manifest by a pure judgement, so every rule is testable without a store.
 * Read-only permissions do not stop root: the comparison is what catches a
 * self-updater run as root rewriting a pinned version in place.
 */
import { lstat, readlink, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { hashFile, publishedMode, walk, type FileRecords } from './file-records.js';
import type { Manifest } from './manifest.js';

/** What one path under the version directory is now. */
export type Observed =
  | { type: 'file'; size: number; mode: string; writable: boolean; mtimeMs: number; sha256?: string }
  | { type: 'link'; target: string; resolves: boolean }
  | { type: 'dir'; writable: boolean };

export interface Finding {
  /** Relative to the version directory: "files/rg", "bin/rg", "." */
  path: string;
  problem: string;
  /** An executable (a manifest bin, or a file with an x bit) changed: what a user runs. */
  executable: boolean;
}

// Extraction and publishing finish before installedAt is taken; a little slack covers clock granularity.
const SLACK_MS = 2000;

function fileFindings(path: string, record: FileRecords[string] | undefined, now: Observed | undefined, installedMs: number): string[] {
  if (!now) return ['is missing'];
  if (record && 'link' in record) {
    if (now.type !== 'link') return [`was a symlink to ${record.link} and is now a ${now.type}`];
    return now.target === record.link ? [] : [`points to ${now.target}, not ${record.link} as installed`];
  }
  if (now.type !== 'file') return [`was a file and is now a ${now.type === 'link' ? `symlink to ${now.target}` : 'directory'}`];
  const problems: string[] = [];
  if (record && now.size !== record.size) problems.push(`is ${now.size} bytes, ${record.size} when installed`);
  if (record && now.mode !== record.mode) problems.push(`has mode ${now.mode}, ${record.mode} when installed`);
  if (now.writable) problems.push('is writable (published versions are read-only)');
  if (now.mtimeMs > installedMs + SLACK_MS) problems.push(`was modified at ${new Date(now.mtimeMs).toISOString()}, after its install at ${new Date(installedMs).toISOString()}`);
  if (record && now.sha256 !== undefined && now.sha256 !== record.sha256) problems.push(`has SHA-256 ${now.sha256}, ${record.sha256} when installed`);
  return problems;
}

/**
 * Pure: the differences between a manifest and what is observed. Without
 * per-file records (older installs) only the executables are judged, by
 * permissions and modification time.
 */
export function judgeVersion(manifest: Manifest, observed: ReadonlyMap<string, Observed>): Finding[] {
  const findings: Finding[] = [];
  const installedMs = Date.parse(manifest.installedAt);
  const binPaths = new Set(Object.values(manifest.bins));
  const isExecutable = (path: string) => {
    const record = manifest.files?.[path];
    return binPaths.has(path) || (record !== undefined && 'mode' in record && (Number.parseInt(record.mode, 8) & 0o111) !== 0);
  };
  const add = (path: string, problems: string[]) => {
    for (const problem of problems) findings.push({ path, problem, executable: isExecutable(path) });
  };
  for (const dir of ['.', 'files', 'bin']) {
    const now = observed.get(dir);
    if (now?.type === 'dir' && now.writable) add(dir, ['is a writable directory (published versions are read-only)']);
  }
  // bin/<exe> is what the index leads a shim to: a link led elsewhere changes what runs.
  for (const [exe, path] of Object.entries(manifest.bins)) {
    const link = observed.get(`bin/${exe}`);
    const problem = !link ? 'is missing' : link.type !== 'link' || link.target !== `../${path}` || !link.resolves ? `no longer leads to ${path}` : undefined;
    if (problem) findings.push({ path: `bin/${exe}`, problem, executable: true });
  }
  const records = manifest.files;
  if (!records) {
    for (const path of binPaths) add(path, fileFindings(path, undefined, observed.get(path), installedMs));
    return findings;
  }
  for (const [path, record] of Object.entries(records)) add(path, fileFindings(path, record, observed.get(path), installedMs));
  for (const [path, now] of observed) {
    if (path.startsWith('files/') && now.type !== 'dir' && !records[path]) add(path, ['was not there when it was installed']);
  }
  return findings;
}

async function observe(full: string, deep: boolean): Promise<Observed | undefined> {
  const info = await lstat(full).catch(() => undefined);
  if (!info) return undefined;
  const writable = (info.mode & 0o222) !== 0;
  if (info.isSymbolicLink()) {
    return { type: 'link', target: await readlink(full), resolves: await stat(full).then(() => true, () => false) };
  }
  if (info.isDirectory()) return { type: 'dir', writable };
  const file: Observed = { type: 'file', size: info.size, mode: publishedMode(info.mode), writable, mtimeMs: info.mtimeMs };
  return deep ? { ...file, sha256: await hashFile(full) } : file;
}

/** Every path of the version directory observed; `deep` hashes regular files under files/. */
export async function observeVersion(versionDir: string, deep: boolean): Promise<Map<string, Observed>> {
  const observed = new Map<string, Observed>();
  for (const path of ['.', ...(await walk(versionDir, 'files')), 'files', ...(await walk(versionDir, 'bin')), 'bin']) {
    const now = await observe(join(versionDir, path), deep && path.startsWith('files/'));
    if (now) observed.set(path, now);
  }
  return observed;
}
