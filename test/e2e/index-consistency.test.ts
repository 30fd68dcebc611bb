/**
 * The precomputed index must never leave a shim without an answer: not while it
 * is being rewritten, and not after a hand edit of global.tools followed by
 * another tool's command (each tool's index carries its own stamp).
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { createSandbox, run, type Sandbox } from '../support/sandbox.js';

describe('index consistency', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    addYtDlp(box.server, '2024.08.06');
    for (const args of [['add', 'ripgrep@13.0.0'], ['add', 'ripgrep@14.1.1'], ['add', 'yt-dlp']]) assert.equal((await box.tool(args)).code, 0);
  });
  after(() => box.close());

  it('a hand edit of global.tools holds after another tool\'s command rebuilt its own index', async () => {
    box.write('tool-home/global.tools', 'ripgrep 13.0.0\nyt-dlp 2024.08.06\n');
    assert.equal((await box.tool(['run', 'yt-dlp', '--', '--version'])).code, 0);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 13.0.0\n');
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 13.0.0\n');
    assert.equal(JSON.parse((await box.tool(['which', 'rg', '--json'])).stdout).version, '13.0.0');
  });

  it('shims keep answering while the global version is switched back and forth', async () => {
    let switching = true;
    const switcher = (async () => {
      for (let i = 0; i < 8; i++) await box.tool(['add', `ripgrep@${i % 2 ? '13.0.0' : '14.1.1'}`]);
      switching = false;
    })();
    const failures: string[] = [];
    let calls = 0;
    while (switching) {
      const result = await run(join(box.shims, 'rg'), ['--version'], box.env, { cwd: box.root });
      calls++;
      if (result.code !== 0 || !/^ripgrep (13\.0\.0|14\.1\.1)\n$/.test(result.stdout)) failures.push(`${result.code} ${result.stdout}${result.stderr}`);
    }
    await switcher;
    assert.ok(calls > 20, `only ${calls} calls overlapped the switches`);
    assert.deepEqual(failures, []);
  });
});
