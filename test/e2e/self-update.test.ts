/**
 * Tools that update themselves, through the real shims: the three ways real
 * tools replace their own files. After each self-update the new version runs,
 * the old store bytes are untouched, pins still get the old bytes, history
 * records the change, rollback brings the old version back and holds it, and
 * `tool update` leaves the held tool alone until it is named.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { selfUpdatingRelease, type UpdateMethod } from '../support/self-updater.js';

interface Case {
  method: UpdateMethod;
  repo: string;
  id: string;
  exe: string;
  asset: string;
  versions: [string, string, string];
  tag: (version: string) => string;
  addArgs: string[];
}

const cases: Case[] = [
  // yt-dlp's PyInstaller build, through its real registry entry (marked self-updating there).
  { method: 'rename-dance', repo: 'yt-dlp/yt-dlp', id: 'yt-dlp', exe: 'yt-dlp', asset: 'yt-dlp_linux', versions: ['2024.07.01', '2024.08.06', '2024.09.27'], tag: (v) => v, addArgs: ['yt-dlp'] },
  // yt-dlp's zipapp style: rewrite the same file in place.
  { method: 'in-place', repo: 'fixtures/zipapp', id: 'fixtures/zipapp', exe: 'zipapp', asset: 'zipapp_linux', versions: ['1.0.0', '1.1.0', '1.2.0'], tag: (v) => `v${v}`, addArgs: ['fixtures/zipapp', '--self-update'] },
  // deno/bun style: write a temp file beside it and rename over.
  { method: 'rename-over', repo: 'fixtures/denoish', id: 'fixtures/denoish', exe: 'denoish', asset: 'denoish-x86_64-unknown-linux-gnu', versions: ['2.0.0', '2.1.0', '2.2.0'], tag: (v) => `v${v}`, addArgs: ['fixtures/denoish', '--self-update'] },
];

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

for (const c of cases) {
  describe(`a tool that updates itself by ${c.method} (${c.id})`, () => {
    let box: Sandbox;
    let project: string;
    let oldStoreBin: string;
    let oldStoreHash: string;
    const [v1, v2, v3] = c.versions;
    const release = (version: string) =>
      selfUpdatingRelease({ name: c.exe, version, method: c.method, apiUrl: box.server.apiUrl, repo: c.repo, asset: c.asset, tag: c.tag(version), ...(c.id === 'yt-dlp' ? { checksumFile: 'SHA2-256SUMS' } : {}) });

    before(async () => {
      box = await createSandbox();
      box.server.addRelease(c.repo, release(v1));
      const added = await box.tool(['add', ...c.addArgs]);
      assert.equal(added.code, 0, added.stderr);
      oldStoreBin = join(box.home, 'store', c.id.replace('/', '__'), v1, 'bin', c.exe);
      oldStoreHash = sha256(oldStoreBin);
      project = box.dir('user/project');
      box.write('user/project/.tools', `${c.id} ${v1}\n`);
      box.server.addRelease(c.repo, release(v2));
    });
    after(() => box.close());

    it('its own updater succeeds through the shim', async () => {
      const update = await box.sh(`${c.exe} -U`);
      assert.equal(update.code, 0, update.stderr);
      assert.match(update.stdout, new RegExp(`Updated to ${c.tag(v2)}`));
    });

    it('the next run is the new version, captured with a verified checksum', async () => {
      const result = await box.sh(`${c.exe} --version`);
      assert.equal(result.stdout, `${c.exe} ${v2}\n`);
      assert.match(result.stderr, new RegExp(`${c.id} updated itself: ${v1} → ${v2} \\(verified`));
      const fast = await box.sh(`${c.exe} --version`, { env: { NODE_OPTIONS: '--require=/nonexistent/poison.js' } });
      assert.equal(fast.stdout, `${c.exe} ${v2}\n`, `after capture the shim stays in sh: ${fast.stderr}`);
    });

    it('the previous store version is byte-identical and read-only', () => {
      assert.equal(sha256(oldStoreBin), oldStoreHash);
      assert.equal(statSync(join(box.home, 'store', c.id.replace('/', '__'), v2, 'manifest.json')).mode & 0o222, 0);
    });

    it('a project pinned to the old version still runs it', async () => {
      assert.equal((await box.sh(`${c.exe} --version`, { cwd: project })).stdout, `${c.exe} ${v1}\n`);
    });

    it('tool history shows the change and its cause', async () => {
      const history = await box.tool(['history', c.id]);
      assert.equal(history.code, 0, history.stderr);
      assert.match(history.stdout, new RegExp(`-\\s+${v1}\\s+added\\s+[0-9a-f]{16}`));
      assert.match(history.stdout, new RegExp(`${v1}\\s+${v2}\\s+self-update\\s+[0-9a-f]{16}\\s+verified`));
    });

    it('tool rollback brings the old version back and holds it', async () => {
      const rollback = await box.tool(['rollback', c.id]);
      assert.equal(rollback.code, 0, rollback.stderr);
      assert.match(rollback.stdout, new RegExp(`rolled back ${c.id}: ${v2} → ${v1}`));
      assert.equal((await box.sh(`${c.exe} --version`)).stdout, `${c.exe} ${v1}\n`);
      assert.equal(sha256(oldStoreBin), oldStoreHash);
    });

    it('tool update leaves the held tool alone until it is named', async () => {
      box.server.addRelease(c.repo, release(v3));
      const all = await box.tool(['update']);
      assert.equal(all.code, 0, all.stderr);
      assert.match(all.stdout, new RegExp(`${c.id}: ${v1} held`));
      assert.equal((await box.sh(`${c.exe} --version`)).stdout, `${c.exe} ${v1}\n`);
      const named = await box.tool(['update', c.id]);
      assert.equal(named.code, 0, named.stderr);
      assert.match(named.stdout, new RegExp(`${c.id}: ${v1} → ${v3}`));
      assert.equal((await box.sh(`${c.exe} --version`)).stdout, `${c.exe} ${v3}\n`);
      assert.match((await box.tool(['history', c.id])).stdout, new RegExp(`${v1}\\s+${v3}\\s+updated`));
    });
  });
}
