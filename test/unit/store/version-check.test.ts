import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Manifest } from '../../../src/store/manifest.js';
import { judgeVersion, type Observed } from '../../../src/store/version-check.js';

const INSTALLED = '2024-06-01T12:00:00.000Z';
const installedMs = Date.parse(INSTALLED);
const HASH = 'a'.repeat(64);

function manifest(files: Manifest['files']): Manifest {
  return {
    schema: 1, tool: 'ripgrep', repo: 'BurntSushi/ripgrep', version: '14.1.1', tag: '14.1.1',
    asset: { name: 'rg.tar.gz', url: 'https://example.invalid/rg.tar.gz', size: 1 }, sha256: HASH,
    verification: { method: 'none' }, bins: { rg: 'files/rg' }, platform: 'linux-x64', installedAt: INSTALLED, cause: 'added',
    ...(files ? { files } : {}),
  };
}

/** A store version exactly as published: read-only directories, rg executable, README data. */
function published(overrides: Record<string, Observed | undefined> = {}): Map<string, Observed> {
  const base: Record<string, Observed | undefined> = {
    '.': { type: 'dir', writable: false },
    files: { type: 'dir', writable: false },
    bin: { type: 'dir', writable: false },
    'bin/rg': { type: 'link', target: '../files/rg', resolves: true },
    'files/rg': { type: 'file', size: 10, mode: '555', writable: false, mtimeMs: installedMs - 1000 },
    'files/README': { type: 'file', size: 5, mode: '444', writable: false, mtimeMs: 0 },
    ...overrides,
  };
  return new Map(Object.entries(base).filter((entry): entry is [string, Observed] => entry[1] !== undefined));
}

const records: Manifest['files'] = { 'files/rg': { size: 10, mode: '555', sha256: HASH }, 'files/README': { size: 5, mode: '444', sha256: HASH } };
const problems = (m: Manifest, observed: Map<string, Observed>) => judgeVersion(m, observed).map((f) => `${f.executable ? 'exe ' : ''}${f.path}: ${f.problem}`);

describe('judgeVersion', () => {
  it('finds nothing in a version as it was published', () => {
    assert.deepEqual(problems(manifest(records), published()), []);
  });

  it('names each way an executable changed: size, mode, write bit, time, hash', () => {
    const changed = published({ 'files/rg': { type: 'file', size: 11, mode: '755', writable: true, mtimeMs: installedMs + 60_000, sha256: 'b'.repeat(64) } });
    assert.deepEqual(problems(manifest(records), changed), [
      'exe files/rg: is 11 bytes, 10 when installed',
      'exe files/rg: has mode 755, 555 when installed',
      'exe files/rg: is writable (published versions are read-only)',
      'exe files/rg: was modified at 2024-06-01T12:01:00.000Z, after its install at 2024-06-01T12:00:00.000Z',
      `exe files/rg: has SHA-256 ${'b'.repeat(64)}, ${HASH} when installed`,
    ]);
  });

  it('tolerates a modification time within the slack of the install clock', () => {
    assert.deepEqual(problems(manifest(records), published({ 'files/rg': { type: 'file', size: 10, mode: '555', writable: false, mtimeMs: installedMs + 1500 } })), []);
  });

  it('reports missing and added files, a writable directory and a bin link led elsewhere', () => {
    const observed = published({
      'files/README': undefined,
      'files/extra': { type: 'file', size: 1, mode: '444', writable: false, mtimeMs: 0 },
      files: { type: 'dir', writable: true },
      'bin/rg': { type: 'link', target: '../files/extra', resolves: true },
    });
    assert.deepEqual(problems(manifest(records), observed), [
      'files: is a writable directory (published versions are read-only)',
      'exe bin/rg: no longer leads to files/rg',
      'files/README: is missing',
      'files/extra: was not there when it was installed',
    ]);
  });

  it('judges only the executables of a version installed before per-file records, by permissions and time', () => {
    assert.deepEqual(problems(manifest(undefined), published({ 'files/README': { type: 'file', size: 99, mode: '755', writable: true, mtimeMs: installedMs + 60_000 } })), []);
    assert.deepEqual(problems(manifest(undefined), published({ 'files/rg': { type: 'file', size: 99, mode: '555', writable: true, mtimeMs: 0 } })), ['exe files/rg: is writable (published versions are read-only)']);
  });
});
