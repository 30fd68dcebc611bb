/**
 * Pins that a reason given with `tool rollback --reason` is kept and shown
 * wherever the user looks at the tool: history (text and --json), list and
 * outdated, where a held tool reads "held: <reason>".
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('tool rollback --reason', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    for (const version of ['13.0.0', '14.1.1']) assert.equal((await box.tool(['add', `ripgrep@${version}`])).code, 0);
    const rollback = await box.tool(['rollback', 'ripgrep', '--reason', 'broke downloads']);
    assert.equal(rollback.code, 0, rollback.stderr);
    assert.match(rollback.stdout, /rolled back ripgrep: 14\.1\.1 → 13\.0\.0 .*— "broke downloads"/);
  });
  after(() => box.close());

  it('history shows the reason on the rollback entry, and only there', async () => {
    const text = await box.tool(['history', 'ripgrep']);
    assert.equal(text.code, 0, text.stderr);
    assert.match(text.stdout, /14\.1\.1\s+13\.0\.0\s+rollback\s+.*"broke downloads"$/m);
    assert.equal(text.stdout.match(/broke downloads/g)?.length, 1);
    const entries = JSON.parse((await box.tool(['history', 'ripgrep', '--json'])).stdout).entries;
    assert.deepEqual(entries.map((entry: { cause: string; reason: string | null }) => [entry.cause, entry.reason]), [
      ['added', null],
      ['added', null],
      ['rollback', 'broke downloads'],
    ]);
  });

  it('list shows the held tool with its reason, and --json carries it', async () => {
    const list = await box.tool(['list']);
    assert.equal(list.code, 0, list.stderr);
    assert.match(list.stdout, /^ripgrep\s+13\.0\.0\s+\*\s+.*\(held: broke downloads\)$/m);
    assert.equal(JSON.parse((await box.tool(['list', '--json'])).stdout).tools[0].reason, 'broke downloads');
  });

  it('outdated shows "held: <reason>" instead of "outdated", and --json carries it', async () => {
    const outdated = await box.tool(['outdated']);
    assert.equal(outdated.code, 0, outdated.stderr);
    assert.match(outdated.stdout, /^ripgrep\s+13\.0\.0\s+\S+\s+\S+\s+14\.1\.1\s+held: broke downloads$/m);
    const row = JSON.parse((await box.tool(['outdated', '--json'])).stdout).tools[0];
    assert.deepEqual([row.held, row.reason], [true, 'broke downloads']);
  });
});
