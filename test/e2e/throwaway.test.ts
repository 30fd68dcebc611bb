/**
 * `tool x` and `tool shell`: tools at the versions asked for come first on PATH
 * for one command or one shell, ahead of any pin; nothing is selected, pinned,
 * locked or recorded; what they install is ephemeral, swept once its time is
 * up, unless kept, needed by a pin, or in use by a running shell.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { addWidgets } from '../support/widgets.js';
import { CLI, createSandbox, type Sandbox } from '../support/sandbox.js';

/** Every file `tool` may write for the user or the history: none may change through x or shell. */
function userFiles(box: Sandbox, project: string): Record<string, string | null> {
  const read = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8') : null);
  const history = join(box.home, 'state/history');
  return {
    tools: read(join(project, '.tools')),
    lock: read(join(project, '.tools.lock')),
    global: read(join(box.home, 'global.tools')),
    declared: read(join(box.env.HOME!, '.config/tool/tools')),
    declaredLock: read(join(box.env.HOME!, '.config/tool/tools.lock')),
    history: existsSync(history) ? readdirSync(history).map((name) => `${name}:${read(join(history, name))}`).join('\n') : null,
  };
}

function throwawayDirs(box: Sandbox): string[] {
  const tmp = join(box.home, 'tmp');
  return existsSync(tmp) ? readdirSync(tmp).filter((name) => name.startsWith('bin-')) : [];
}

async function listed(box: Sandbox, tool: string, env: Record<string, string> = {}) {
  const result = await box.tool(['list', '--json'], { env });
  assert.equal(result.code, 0, result.stderr);
  return { entry: (JSON.parse(result.stdout).tools as Array<{ tool: string; versions: string[]; ephemeral: Array<{ version: string; by: string; expiresAt: string }> }>).find((t) => t.tool === tool), stderr: result.stderr };
}

describe('tool x and tool shell', () => {
  let box: Sandbox;
  let project: string;
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1', '14.2.0');
    addWidgets(box.server, 3, '1.0.0', '2.0.0');
    assert.equal((await box.tool(['add', 'ripgrep@14.1.1'])).code, 0);
    assert.equal((await box.tool(['add', 'acme/widget1@2.0.0'])).code, 0);
    project = box.dir('user/project');
    assert.equal((await box.tool(['pin', 'ripgrep@14.1.1'], { cwd: project })).code, 0);
    assert.equal((await box.tool(['pin', 'acme/widget1@2.0.0'], { cwd: project })).code, 0);
    assert.equal((await box.tool(['lock'], { cwd: project })).code, 0);
  });
  after(() => box.close());

  it('x runs two tools at the versions asked for, ahead of the .tools pins, and writes nothing', async () => {
    const before = userFiles(box, project);
    const result = await box.tool(['x', 'ripgrep@13.0.0', 'acme/widget1@1.0.0', '--', 'sh', '-c', 'rg --version; widget1 --version; echo "$TOOL_SHELL"'], { cwd: project });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'ripgrep 13.0.0\nwidget1 1.0.0\nripgrep@13.0.0,acme/widget1@1.0.0\n');
    assert.match(result.stderr, /installed ripgrep 13\.0\.0 \(ephemeral, for tool x\)/);
    assert.deepEqual(userFiles(box, project), before);
    // The pins run as before, through the shims, in the project and outside it.
    assert.equal((await box.sh('rg --version; widget1 --version', { cwd: project })).stdout, 'ripgrep 14.1.1\nwidget1 2.0.0\n');
    assert.equal((await box.sh('widget1 --version')).stdout, 'widget1 2.0.0\n');
    assert.deepEqual(throwawayDirs(box), []);
    const { entry } = await listed(box, 'ripgrep');
    assert.deepEqual(entry?.ephemeral.map((e) => [e.version, e.by]), [['13.0.0', 'x']]);
  });

  it('x passes the exit code and a deadly signal of the command back', async () => {
    assert.equal((await box.tool(['x', 'ripgrep@13.0.0', '--', 'rg', '--exit', '7'])).code, 7);
    const killed = await box.tool(['x', 'ripgrep@13.0.0', '--', 'sh', '-c', 'kill -TERM $$']);
    assert.equal(killed.signal, 'SIGTERM');
    assert.deepEqual(throwawayDirs(box), []);
  });

  it('x without a tool, a command or the -- between them, or with a command that does not exist, says so in one line', async () => {
    const noDashes = await box.tool(['x', 'ripgrep@13.0.0', 'rg']);
    assert.equal(noDashes.code, 2);
    assert.equal(noDashes.stderr, "tool: `tool x` needs the command after --. For example: tool x fd@9 rg@13 -- sh -c 'fd . | rg foo'\n");
    assert.equal((await box.tool(['x', '--', 'rg'])).code, 2);
    const missing = await box.tool(['x', 'ripgrep@13.0.0', '--', 'no-such-command', 'arg']);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /^tool: cannot run the command "no-such-command": not found on PATH or at that path\. Check its name/);
    assert.equal(missing.stderr.split('\n').length, 2);
  });

  it('a range pin keeps running the version it ran: a newer version tried with x is chosen last', async () => {
    const ranged = box.dir('user/ranged');
    box.write('user/ranged/.tools', 'ripgrep ^14\n');
    assert.equal((await box.sh('rg --version', { cwd: ranged })).stdout, 'ripgrep 14.1.1\n');
    const tried = await box.tool(['x', 'ripgrep@14.2.0', '--', 'rg', '--version']);
    assert.equal(tried.stdout, 'ripgrep 14.2.0\n', tried.stderr);
    assert.equal((await box.sh('rg --version', { cwd: ranged })).stdout, 'ripgrep 14.1.1\n');
    assert.match((await box.tool(['which', 'rg'], { cwd: ranged })).stdout, /store\/ripgrep\/14\.1\.1\/bin\/rg/);
    assert.equal((await box.tool(['install'], { cwd: ranged })).code, 0);
    assert.equal((await box.sh('rg --version', { cwd: ranged })).stdout, 'ripgrep 14.1.1\n');
  });

  it('shell starts $SHELL with the tools first on PATH and TOOL_SHELL set; its exit status is returned and nothing stays', async () => {
    const shell = box.write('user/fake-shell', '#!/bin/sh\ncommand -v rg\ncommand -v widget1\nrg --version\necho "TOOL_SHELL=$TOOL_SHELL"\nexit 3\n');
    await box.sh(`chmod +x ${shell}`);
    const before = userFiles(box, project);
    const result = await box.tool(['shell', 'ripgrep@13.0.0', 'acme/widget1@1.0.0'], { cwd: project, env: { SHELL: shell } });
    assert.equal(result.code, 3, result.stderr);
    const [rg, widget, version, label] = result.stdout.trim().split('\n');
    assert.match(rg!, new RegExp(`^${join(box.home, 'tmp')}/bin-\\d+-[0-9a-f]+/rg$`));
    assert.match(widget!, /\/tmp\/bin-\d+-[0-9a-f]+\/widget1$/);
    assert.equal(version, 'ripgrep 13.0.0');
    assert.equal(label, 'TOOL_SHELL=ripgrep@13.0.0,acme/widget1@1.0.0');
    assert.match(result.stderr, /^tool shell: ripgrep 13\.0\.0, acme\/widget1 1\.0\.0 first on PATH \(ephemeral\); exit to return$/m);
    assert.deepEqual(userFiles(box, project), before);
    assert.deepEqual(throwawayDirs(box), []);
    assert.equal((await box.sh('rg --version', { cwd: project })).stdout, 'ripgrep 14.1.1\n');
  });

  it('an unused ephemeral version is removed by the next command once its time is up', async () => {
    const tried = await box.tool(['x', 'acme/widget2', '--', 'widget2', '--version']);
    assert.equal(tried.stdout, 'widget2 2.0.0\n', tried.stderr);
    const { entry } = await listed(box, 'acme/widget2');
    assert.deepEqual(entry?.ephemeral.map((e) => [e.version, e.by]), [['2.0.0', 'x']]);
    assert.ok(Date.parse(entry!.ephemeral[0]!.expiresAt) - Date.now() > 6 * 86400_000);
    const human = await box.tool(['list']);
    assert.match(human.stdout, /^acme\/widget2\s+2\.0\.0\s+ephemeral \(tool x\), expires \d{4}-\d\d-\d\d \d\d:\d\d UTC$/m);
    // Last used eight days ago: past the default seven.
    const eightDaysAgo = new Date(Date.now() - 8 * 86400_000);
    utimesSync(join(box.home, 'state/ephemeral/acme__widget2@2.0.0'), eightDaysAgo, eightDaysAgo);
    const next = await box.tool(['which', 'rg']);
    assert.equal(next.code, 0, next.stderr);
    assert.match(next.stderr, /^removed acme\/widget2 2\.0\.0: installed for tool x, unused for 1w$/m);
    assert.ok(!existsSync(join(box.home, 'store/acme__widget2')));
    assert.equal((await listed(box, 'acme/widget2')).entry, undefined);
  });

  it('TOOL_EPHEMERAL_TTL=0 removes ephemeral versions at the next command; --keep and a pin keep theirs', async () => {
    assert.equal((await box.tool(['x', '--keep', 'acme/widget3@1.0.0', '--', 'widget3'])).code, 0);
    assert.equal((await box.tool(['x', 'acme/widget3@2.0.0', '--', 'widget3'])).code, 0);
    assert.equal((await box.tool(['x', 'ripgrep@13.0.0', '--', 'rg'])).code, 0);
    // A pin asks for the ephemeral 13.0.0: pinning makes it an ordinary version at once.
    const pinned = box.dir('user/old-rg');
    assert.equal((await box.tool(['pin', 'ripgrep@13.0.0'], { cwd: pinned })).code, 0);
    const { entry, stderr } = await listed(box, 'ripgrep', { TOOL_EPHEMERAL_TTL: '0' });
    assert.deepEqual(entry?.ephemeral, []);
    assert.deepEqual(entry?.versions.sort(), ['13.0.0', '14.1.1']);
    assert.match(stderr, /^removed ripgrep 14\.2\.0: installed for tool x; TOOL_EPHEMERAL_TTL is 0$/m);
    assert.match(stderr, /^removed acme\/widget3 2\.0\.0: installed for tool x; TOOL_EPHEMERAL_TTL is 0$/m);
    assert.deepEqual(readdirSync(join(box.home, 'store/acme__widget3')), ['1.0.0']);
    assert.equal((await box.sh('rg --version', { cwd: pinned })).stdout, 'ripgrep 13.0.0\n');
  });

  it('the sweep leaves what a running shell uses, and removes it after the shell exits', async () => {
    // The shell runs `tool list` inside itself with TOOL_EPHEMERAL_TTL=0: widget2 is in use right then.
    const shell = box.write('user/sweeping-shell', `#!/bin/sh\nTOOL_EPHEMERAL_TTL=0 "${process.execPath}" "${CLI}" list >/dev/null\nwidget2 --version\n`);
    await box.sh(`chmod +x ${shell}`);
    const result = await box.tool(['shell', 'acme/widget2@1.0.0'], { env: { SHELL: shell } });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, 'widget2 1.0.0\n');
    assert.match(result.stderr, /^kept acme\/widget2 1\.0\.0: in use by a running tool x or tool shell$/m);
    const next = await box.tool(['list'], { env: { TOOL_EPHEMERAL_TTL: '0' } });
    assert.match(next.stderr, /^removed acme\/widget2 1\.0\.0: installed for tool shell; TOOL_EPHEMERAL_TTL is 0$/m);
  });

  it('prune shows ephemeral versions with their expiry, and sweeps expired ones (only saying so under --dry-run)', async () => {
    assert.equal((await box.tool(['x', 'acme/widget2@2.0.0', '--', 'widget2'])).code, 0);
    const kept = await box.tool(['prune', '--dry-run']);
    assert.match(kept.stdout, /^kept acme\/widget2 2\.0\.0: ephemeral \(tool x\), expires .* UTC unless used again$/m);
    const dry = await box.tool(['prune', '--dry-run'], { env: { TOOL_EPHEMERAL_TTL: '0' } });
    assert.match(dry.stdout, /^would remove acme\/widget2 2\.0\.0: installed for tool x; TOOL_EPHEMERAL_TTL is 0$/m);
    assert.ok(existsSync(join(box.home, 'store/acme__widget2/2.0.0')));
    const real = await box.tool(['prune'], { env: { TOOL_EPHEMERAL_TTL: '0' } });
    assert.match(real.stdout, /^removed acme\/widget2 2\.0\.0: installed for tool x; TOOL_EPHEMERAL_TTL is 0$/m);
    assert.ok(!existsSync(join(box.home, 'store/acme__widget2')));
  });

  it('a TOOL_EPHEMERAL_TTL that is not a duration is one line naming it', async () => {
    const result = await box.tool(['list'], { env: { TOOL_EPHEMERAL_TTL: 'soon' } });
    assert.equal(result.code, 6);
    assert.equal(result.stderr, 'tool: TOOL_EPHEMERAL_TTL="soon" is not a duration. Unset it (7 days) or give 0, 30m, 12h, 7d or 2w\n');
  });
});
