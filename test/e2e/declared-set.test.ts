/**
 * The declared tool set as a file the user owns: edits keep CRLF and comments,
 * concurrent editors both keep their edit, tools.local overrides per machine,
 * an owner/repo line there approves its source (a project's .tools never
 * does), and malformed lines and conditions are one line with file and line.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('the declared tool set', () => {
  let box: Sandbox;
  let declared: string;
  const text = () => readFileSync(declared, 'utf8');

  before(async () => {
    box = await createSandbox();
    declared = join(box.root, 'user/.config/tool/tools');
    addRipgrep(box.server, '13.0.0', '14.1.1');
    addYtDlp(box.server, '2024.08.06');
    box.server.addRelease('acme/widget', fixtureRelease({ tag: 'v1.0.0', exeName: 'widget', version: '1.0.0', digests: true, assets: [{ name: 'widget_linux_amd64', format: 'raw' }] }));
  });
  after(() => box.close());

  it('a hand-written CRLF file keeps its line endings, comments and order through add and --reason', async () => {
    box.write('user/.config/tool/tools', '# mine\r\n\r\nyt-dlp latest\r\n');
    const add = await box.tool(['add', 'ripgrep@14', '--reason', 'json output']);
    assert.equal(add.code, 0, add.stderr);
    assert.equal(text(), '# mine\r\n\r\nyt-dlp latest\r\nripgrep 14  # json output\r\n');
  });

  it('two tool processes editing it at once both keep their edit', async () => {
    const [a, b] = await Promise.all([box.tool(['add', 'yt-dlp', '--reason', 'same-day fixes']), box.tool(['hold', 'ripgrep', '--reason', 'stay'])]);
    assert.equal(a.code, 0, a.stderr);
    assert.equal(b.code, 0, b.stderr);
    assert.match(text(), /^yt-dlp latest  # same-day fixes\r$/m);
    assert.match(text(), /^ripgrep 14\.1\.1  # held: stay\r$/m);
  });

  it('tool unhold puts the followed spec back', async () => {
    assert.equal((await box.tool(['unhold', 'ripgrep'])).code, 0);
    assert.match(text(), /^ripgrep 14\r$/m);
  });

  it('an owner/repo line in the declared set is approval: sync installs it without tool add', async () => {
    box.write('user/.config/tool/tools', `${text()}acme/widget 1.0.0\r\n`);
    const sync = await box.tool(['sync']);
    assert.equal(sync.code, 0, sync.stderr);
    assert.match(sync.stdout, /installed +acme\/widget 1\.0\.0/);
    assert.equal((await box.sh('widget --version')).stdout, 'widget 1.0.0\n');
  });

  it('a project .tools naming an unknown owner/repo is still refused', async () => {
    box.write('proj/.tools', 'other/thing 1.0.0\n');
    const install = await box.tool(['install'], { cwd: box.dir('proj') });
    assert.equal(install.code, 5);
    assert.match(install.stderr, /asks for other\/thing, which is not in the registry and was never added/);
  });

  it('tools.local overrides a line for this machine only', async () => {
    box.write('user/.config/tool/tools.local', 'rg 13.0.0  # this box only\n');
    const check = await box.tool(['sync', '--check', '--json']);
    assert.equal(check.code, 1);
    assert.deepEqual(JSON.parse(check.stdout).differences.map((d: { tool: string; difference: string; want: string }) => `${d.tool} ${d.difference} ${d.want}`), ['ripgrep other-version 13.0.0']);
    assert.equal((await box.tool(['sync'])).code, 0);
    assert.equal((await box.sh('rg --version')).stdout, 'ripgrep 13.0.0\n');
    box.write('user/.config/tool/tools.local', '');
  });

  it('a tool the set no longer names leaves the global selection on sync (its versions stay)', async () => {
    box.write('user/.config/tool/tools', text().replace('acme/widget 1.0.0\r\n', ''));
    const check = await box.tool(['sync', '--check']);
    assert.match(check.stdout, /extra +acme\/widget 1\.0\.0 is selected but not declared/);
    assert.equal((await box.tool(['sync'])).code, 0);
    assert.equal((await box.tool(['sync', '--check'])).code, 0);
    assert.match((await box.tool(['list'])).stdout, /acme\/widget +1\.0\.0/);
  });

  it('tool remove takes the tool out of the declared set and its lock', async () => {
    assert.equal((await box.tool(['remove', 'yt-dlp'])).code, 0);
    assert.doesNotMatch(text(), /yt-dlp/);
    assert.equal(JSON.parse(readFileSync(join(box.root, 'user/.config/tool/tools.lock'), 'utf8')).tools['yt-dlp'], undefined);
  });

  it('a condition that cannot parse is one line naming the file and line', async () => {
    const good = text();
    box.write('user/.config/tool/tools', `${good}[os=linux colour=red]\r\nripgrep 13\r\n`);
    try {
      const sync = await box.tool(['sync']);
      assert.equal(sync.code, 6);
      assert.match(sync.stderr, new RegExp(`^tool: .*\\.config/tool/tools line ${good.split('\n').length}: unknown condition key "colour"\\. Conditions look like .*\\n$`));
    } finally {
      box.write('user/.config/tool/tools', good);
    }
  });

  it('a line without a version is one line naming the file and line', async () => {
    const good = text();
    box.write('user/.config/tool/tools', `${good}ripgrep\r\n`);
    try {
      const check = await box.tool(['sync', '--check']);
      assert.equal(check.code, 6);
      assert.match(check.stderr, new RegExp(`^tool: .*\\.config/tool/tools line ${good.split('\n').length}: "ripgrep" has no version.*\\n$`));
    } finally {
      box.write('user/.config/tool/tools', good);
    }
  });

  it('unpin removes the line from the nearest .tools and keeps the rest', async () => {
    box.write('proj2/.tools', '# project\nripgrep 13.0.0  # CI\nyt-dlp 2024.08.06\n');
    const unpin = await box.tool(['unpin', 'rg'], { cwd: box.dir('proj2/sub') });
    assert.equal(unpin.code, 0, unpin.stderr);
    assert.equal(readFileSync(join(box.root, 'proj2/.tools'), 'utf8'), '# project\nyt-dlp 2024.08.06\n');
  });
});
