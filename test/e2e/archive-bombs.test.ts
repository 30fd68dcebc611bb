/**
 * Decompression bombs through the real CLI and the release server: `tool add`
 * of a release whose only asset is a bomb (with an honest digest, so only the
 * limits can stop it) must fail with one line and exit code 5, leave nothing
 * in $TOOL_HOME/tmp, no store directory for the version, nothing changed
 * anywhere else under TOOL_HOME, and the earlier version's shim still working.
 * The quick cases run here; TOOL_BOMB_SCALE=full runs the real sizes against
 * the default limits (a million entries, 5 GiB of zeros), for `npm run faults`.
 */
import assert from 'node:assert/strict';
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { bombCases } from '../support/bomb-releases.js';
import { MiB } from '../support/bombs.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type RunResult, type Sandbox } from '../support/sandbox.js';

const PROGRESS = /^(\[tool\] )?installing \S+ \S+ \(.+\) for \S+$/;

/** A clean failure: no stack trace, one line on stderr besides progress; returns it. */
function errorLine(result: RunResult): string {
  assert.equal(result.signal, null);
  assert.doesNotMatch(result.stderr, /\n\s+at |internal error/, result.stderr);
  const lines = result.stderr.replace(/\n$/, '').split('\n').filter((line) => !PROGRESS.test(line));
  assert.equal(lines.length, 1, `exactly one error line on stderr, got:\n${result.stderr}`);
  return lines[0]!;
}

/** Every path under TOOL_HOME with its size (symlinks as links), except the HTTP cache the failed add may fill. */
function snapshot(home: string, dir = ''): string[] {
  return readdirSync(join(home, dir)).flatMap((name) => {
    const path = dir === '' ? name : `${dir}/${name}`;
    if (path === 'cache/http') return [];
    const info = lstatSync(join(home, path));
    return info.isDirectory() ? [`${path}/`, ...snapshot(home, path)] : [`${path} ${info.size}`];
  });
}

function widget(version: string, extraBytes = 0) {
  const extraFiles = extraBytes > 0 ? [{ path: 'data.bin', body: Buffer.alloc(extraBytes, 'x') }] : [];
  return fixtureRelease({ tag: `v${version}`, exeName: 'widget', version, assets: [{ name: `widget_${version}_linux_amd64.tar.gz`, format: 'tar.gz', extraFiles }] });
}

describe('decompression bombs through tool add', () => {
  let box: Sandbox;
  let before1: string[];

  before(async () => {
    box = await createSandbox();
    box.server.addRelease('acme/widget', widget('1.0.0'));
    const added = await box.tool(['add', 'acme/widget@1.0.0']);
    assert.equal(added.code, 0, added.stderr);
    before1 = snapshot(box.home);
  });
  after(() => box.close());

  const scale = process.env.TOOL_BOMB_SCALE === 'full' ? 'full' : 'quick';
  bombCases(scale).forEach((bomb, index) => {
    it(`${bomb.attack}: refused in one line, exit 5, nothing installed, 1.0.0 still runs`, { timeout: 600_000 }, async () => {
      const version = `2.0.${index}`;
      box.server.addRelease('acme/widget', { tag: `v${version}`, assets: [bomb.asset(version)] });
      const result = await box.tool(['add', `acme/widget@${version}`], { env: bomb.env });
      const line = errorLine(result);
      assert.equal(result.code, 5, line);
      assert.match(line, /^tool: The \S+ archive "widget_2\.0\.\d+_linux_amd64\.[a-z0-9.]+" /);
      for (const fragment of bomb.says) assert.ok(line.includes(fragment), `"${line}" should say ${fragment}`);
      if (bomb.code === 'TOOL_ARCHIVE_LIMIT') assert.ok(line.includes('Nothing was installed'), line);
      assert.deepEqual(readdirSync(join(box.home, 'tmp')), [], 'TOOL_HOME/tmp is empty');
      assert.ok(!existsSync(join(box.home, 'store', 'acme__widget', version)), 'no store directory for the bomb');
      assert.deepEqual(snapshot(box.home), before1, 'nothing under TOOL_HOME changed');
      assert.equal((await box.sh('widget --version')).stdout, 'widget 1.0.0\n');
    });
  });
});

describe('the limits are settings', () => {
  let box: Sandbox;

  before(async () => {
    box = await createSandbox();
    box.server.addRelease('acme/widget', widget('3.0.0', 12 * MiB));
  });
  after(() => box.close());

  it('a release larger than TOOL_MAX_UNPACKED_BYTES is refused, and installs once the setting is raised as the line says', async () => {
    const refused = await box.tool(['add', 'acme/widget@3.0.0'], { env: { TOOL_MAX_UNPACKED_BYTES: '8M' } });
    const line = errorLine(refused);
    assert.equal(refused.code, 5);
    assert.match(line, /declares more than 8 MiB of contents in its headers \(the TOOL_MAX_UNPACKED_BYTES limit\)\. Nothing was installed\. .*TOOL_MAX_UNPACKED_BYTES=16M/);
    const raised = await box.tool(['add', 'acme/widget@3.0.0'], { env: { TOOL_MAX_UNPACKED_BYTES: '16M' } });
    assert.equal(raised.code, 0, raised.stderr);
    assert.equal((await box.sh('widget --version')).stdout, 'widget 3.0.0\n');
  });

  it('a limit that is not a size is one line with exit code 6, before any download', async () => {
    box.server.clearRequests();
    const result = await box.tool(['add', 'acme/widget@3.0.0'], { env: { TOOL_MAX_UNPACKED_BYTES: 'lots' } });
    assert.equal(result.code, 6);
    assert.match(errorLine(result), /TOOL_MAX_UNPACKED_BYTES="lots" is not a size/);
    assert.deepEqual(box.server.requests, []);
  });
});
