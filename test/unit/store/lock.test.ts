import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { withFileLock } from '../../../src/store/lock.js';
import { currentOwner, ownerRuns } from '../../../src/store/lock-owner.js';

const root = mkdtempSync(join(tmpdir(), 'tool-lock-'));
after(() => rmSync(root, { recursive: true, force: true }));
let files = 0;
const freshFile = () => join(root, `file-${files++}`);

/** A pid that certainly ran and has exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function plantLock(file: string, owner: object): string {
  const dir = `${file}.tool-editing`;
  mkdirSync(dir);
  writeFileSync(join(dir, 'owner'), JSON.stringify(owner));
  return dir;
}

describe('locks', () => {
  it('takes over at once a lock whose owner was killed', async () => {
    const file = freshFile();
    plantLock(file, { pid: deadPid(), host: hostname() });
    const started = Date.now();
    const ran = await withFileLock(file, 'the test file', async () => 'ran');
    assert.equal(ran, 'ran');
    assert.ok(Date.now() - started < 1000, 'no wait for a timeout');
    assert.deepEqual(readdirSync(root).filter((name) => name.startsWith(file.split('/').pop()!)), [], 'no lock, marker or moved-aside directory is left');
  });

  it('takes over a lock whose pid now belongs to another process (pid reuse)', async () => {
    const file = freshFile();
    plantLock(file, { ...currentOwner(), started: '1' });
    assert.equal(await withFileLock(file, 'the test file', async () => 'ran'), 'ran');
  });

  it('waits for a lock whose owner runs, and proceeds when it is released', async () => {
    const file = freshFile();
    const dir = plantLock(file, currentOwner());
    let ran = false;
    const waiting = withFileLock(file, 'the test file', async () => (ran = true));
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.equal(ran, false, 'it waited while the owner held the lock');
    rmSync(dir, { recursive: true });
    await waiting;
    assert.equal(ran, true);
  });

  it('lets one holder in at a time among many contenders, and removes the lock after', async () => {
    const file = freshFile();
    let inside = 0;
    let most = 0;
    await Promise.all(Array.from({ length: 12 }, () => withFileLock(file, 'the test file', async () => {
      most = Math.max(most, ++inside);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inside--;
    })));
    assert.equal(most, 1);
    assert.equal(existsSync(`${file}.tool-editing`), false);
  });

  it('releases the lock when the work fails', async () => {
    const file = freshFile();
    await assert.rejects(withFileLock(file, 'the test file', async () => { throw new Error('boom'); }), /boom/);
    assert.equal(existsSync(`${file}.tool-editing`), false);
  });

  it('counts an owner on another host as running (a shared home cannot check it)', () => {
    assert.equal(ownerRuns({ pid: deadPid(), host: `not-${hostname()}` }), true);
    assert.equal(ownerRuns({ pid: deadPid(), host: hostname() }), false);
    assert.equal(ownerRuns(currentOwner()), true);
  });
});
