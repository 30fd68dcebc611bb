/**
 * `tool setup` end to end: each shell's startup file in a temporary HOME,
 * written once and in the shell's own syntax, and a real shell started
 * afterwards finding a shimmed tool through it. zsh and fish run when this
 * machine has them (Debian: apt-get install zsh fish); otherwise their checks
 * are skipped, saying so.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox, run, type Sandbox } from '../support/sandbox.js';

const BEGIN = '# >>> tool setup: shims on PATH >>>';
const END = '# <<< tool setup <<<';
/** PATH without the shims, as in a shell before setup. */
const BARE_PATH = '/usr/local/bin:/usr/bin:/bin';

function installed(shell: string): string | false {
  const found = spawnSync('sh', ['-c', `command -v ${shell}`], { encoding: 'utf8' }).stdout.trim();
  return found || false;
}
const ZSH = installed('zsh');
const FISH = installed('fish');

describe('tool setup', () => {
  let box: Sandbox;
  let posixBlock: string;
  /** A fresh HOME per test, so each starts without startup files. */
  const user = (name: string) => box.dir(`users/${name}`);
  const setup = (home: string, args: string[], env: Record<string, string> = {}) => box.tool(['setup', ...args], { env: { HOME: home, SHELL: '/bin/bash', ...env } });
  /** A shell started afterwards, with only its startup file to find the shims by. */
  const shell = (file: string, args: string[], home: string, env: Record<string, string> = {}) =>
    run(file, args, { ...box.env, PATH: BARE_PATH, HOME: home, ...env }, { cwd: home });

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '14.1.1');
    assert.equal((await box.tool(['add', 'ripgrep'])).code, 0);
    posixBlock = [BEGIN, 'case ":$PATH:" in', `  *":${box.shims}:"*) ;;`, `  *) export PATH="${box.shims}:$PATH" ;;`, 'esac', END].join('\n');
  });
  after(() => box.close());

  it('bash: adds the block to ~/.bashrc once, says where and what, and bash and sh find the tool through it', async () => {
    const home = user('bash');
    const first = await setup(home, []);
    assert.equal(first.code, 0, first.stderr);
    assert.equal(first.stdout, [
      `${home}/.bashrc: added at line 1:`,
      ...posixBlock.split('\n').map((line) => `  ${line}`),
      `Open a new shell, or run \`. ${home}/.bashrc\` in this one, to use the shims.`,
      '',
    ].join('\n'));
    assert.equal(readFileSync(join(home, '.bashrc'), 'utf8'), `${posixBlock}\n`);

    const again = await setup(home, []);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, `${home}/.bashrc: nothing changed; line 1 already puts ${box.shims} on PATH\n`);
    assert.equal(readFileSync(join(home, '.bashrc'), 'utf8'), `${posixBlock}\n`);

    const bash = await shell('bash', ['-c', 'source ~/.bashrc; source ~/.bashrc; command -v rg; rg --version; echo "$PATH"'], home);
    assert.equal(bash.code, 0, bash.stderr);
    const [where, version, path] = bash.stdout.split('\n');
    assert.equal(where, join(box.shims, 'rg'));
    assert.equal(version, 'ripgrep 14.1.1');
    assert.equal(path, `${box.shims}:${BARE_PATH}`, 'read twice, the shims are on PATH once');
    const sh = await shell('sh', ['-c', '. ~/.bashrc; command -v rg'], home);
    assert.equal(sh.stdout, `${join(box.shims, 'rg')}\n`, 'the lines are POSIX sh too');
  });

  it('--print shows the lines and the file, and changes nothing', async () => {
    const home = user('print');
    const zdotdir = join(home, 'zdot');
    const result = await setup(home, ['--print', '--shell', 'zsh'], { ZDOTDIR: zdotdir, TOOL_HOME: join(home, '.local/share/tool') });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, [
      `# tool setup would add these lines to ${zdotdir}/.zshrc:`,
      BEGIN,
      'case ":$PATH:" in',
      '  *":$HOME/.local/share/tool/shims:"*) ;;',
      '  *) export PATH="$HOME/.local/share/tool/shims:$PATH" ;;',
      'esac',
      END,
      '',
    ].join('\n'), 'a TOOL_HOME under HOME is spelled with $HOME, so the dotfile fits another user name');
    assert.ok(!existsSync(zdotdir), 'no startup file was written');
    assert.ok(!existsSync(join(home, '.local')), 'not even TOOL_HOME was created');
  });

  it('writes a symlinked ~/.bashrc through to its target, keeping the link and the lines there', async () => {
    const home = user('linked');
    const target = box.write('dotfiles/bashrc', 'alias ll="ls -l"\n');
    symlinkSync('../../dotfiles/bashrc', join(home, '.bashrc'));
    const result = await setup(home, []);
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, new RegExp(`^${home}/\\.bashrc: added at line 3:\n`));
    assert.ok(lstatSync(join(home, '.bashrc')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readFileSync(target, 'utf8'), `alias ll="ls -l"\n\n${posixBlock}\n`);
    assert.ok(!existsSync(`${target}.tool-editing`), 'no lock is left beside it');
  });

  it('leaves a startup file alone that already puts the shims on PATH by hand', async () => {
    const home = user('by-hand');
    const text = `# mine\nexport PATH="${box.shims}:$PATH"\n`;
    writeFileSync(join(home, '.bashrc'), text);
    const result = await setup(home, []);
    assert.equal(result.stdout, `${home}/.bashrc: nothing changed; line 2 already puts ${box.shims} on PATH\n`);
    assert.equal(readFileSync(join(home, '.bashrc'), 'utf8'), text);
  });

  it('replaces its block in place when TOOL_HOME moved', async () => {
    const home = user('moved');
    writeFileSync(join(home, '.bashrc'), 'a=1\n');
    assert.equal((await setup(home, [], { TOOL_HOME: join(box.root, 'old-home') })).code, 0);
    writeFileSync(join(home, '.bashrc'), `${readFileSync(join(home, '.bashrc'), 'utf8')}b=2\n`);
    const result = await setup(home, []);
    assert.match(result.stdout, new RegExp(`^${home}/\\.bashrc: replaced tool's block at line 3 with:\n`));
    assert.equal(readFileSync(join(home, '.bashrc'), 'utf8'), `a=1\n\n${posixBlock}\nb=2\n`);
  });

  it('bash login shells: a ~/.bash_profile that never reads ~/.bashrc gets the block too; one that does is left alone', async () => {
    const loginOnly = user('login-only');
    writeFileSync(join(loginOnly, '.bash_profile'), 'export EDITOR=vi\n');
    const result = await setup(loginOnly, []);
    assert.match(result.stdout, new RegExp(`${loginOnly}/\\.bashrc: added at line 1:[\\s\\S]*${loginOnly}/\\.bash_profile: added at line 3:`));
    const login = await shell('bash', ['-l', '-c', 'command -v rg'], loginOnly);
    assert.equal(login.stdout, `${join(box.shims, 'rg')}\n`, 'a login bash finds the tool');

    const sourcing = user('sourcing');
    const profile = '[ -f ~/.bashrc ] && . ~/.bashrc\n';
    writeFileSync(join(sourcing, '.bash_profile'), profile);
    await setup(sourcing, []);
    assert.equal(readFileSync(join(sourcing, '.bash_profile'), 'utf8'), profile);
    assert.equal((await shell('bash', ['-l', '-c', 'command -v rg'], sourcing)).stdout, `${join(box.shims, 'rg')}\n`);
    assert.ok(!existsSync(join(user('no-profile'), '.bash_profile')));
  });

  it('zsh: $ZDOTDIR/.zshrc, read by zsh', { skip: ZSH ? false : 'zsh is not installed here (apt-get install zsh)' }, async () => {
    const home = user('zsh');
    const zdotdir = join(home, '.config/zsh');
    mkdirSync(zdotdir, { recursive: true });
    const result = await setup(home, [], { SHELL: ZSH as string, ZDOTDIR: zdotdir });
    assert.match(result.stdout, new RegExp(`^${zdotdir}/\\.zshrc: added at line 1:\n`));
    assert.equal(readFileSync(join(zdotdir, '.zshrc'), 'utf8'), `${posixBlock}\n`);
    const zsh = await shell(ZSH as string, ['-i', '-c', 'command -v rg'], home, { ZDOTDIR: zdotdir });
    assert.equal(zsh.stdout, `${join(box.shims, 'rg')}\n`, zsh.stderr);
  });

  it('fish: conf.d/tool.fish with fish_add_path, never POSIX syntax', async (t) => {
    const home = user('fish');
    const result = await setup(home, [], { SHELL: '/usr/bin/fish' });
    const file = join(home, '.config/fish/conf.d/tool.fish');
    assert.equal(result.stdout.split('\n')[0], `${file}: added at line 1:`);
    assert.match(result.stdout, new RegExp(`run \`source ${file}\` in this one`));
    assert.equal(readFileSync(file, 'utf8'), `${BEGIN}\nfish_add_path --path "${box.shims}"\n${END}\n`);
    assert.equal((await setup(home, [], { SHELL: '/usr/bin/fish' })).stdout, `${file}: nothing changed; line 1 already puts ${box.shims} on PATH\n`);
    if (!FISH) return t.skip('fish is not installed here (apt-get install fish): its syntax and PATH are not checked');
    assert.equal(spawnSync(FISH, ['--no-execute', file]).status, 0, 'fish parses the file');
    const fish = await shell(FISH, ['-c', 'command -v rg'], home);
    assert.equal(fish.stdout, `${join(box.shims, 'rg')}\n`, fish.stderr);
  });

  it('a line in another file the shell always reads counts too (fish config.fish), and nothing is written', async () => {
    const home = user('fish-config');
    const config = box.write('users/fish-config/.config/fish/config.fish', `if status is-interactive\n    fish_add_path ${box.shims}\nend\n`);
    const file = join(home, '.config/fish/conf.d/tool.fish');
    const result = await setup(home, ['--shell', 'fish']);
    assert.equal(result.stdout, `${file}: nothing changed; ${config} line 2 already puts ${box.shims} on PATH\n`);
    assert.ok(!existsSync(file));
  });

  it('--json says what it did, for each file', async () => {
    const home = user('json');
    const result = await setup(home, ['--json']);
    assert.deepEqual(JSON.parse(result.stdout), {
      formatVersion: 1,
      shell: 'bash',
      shimsDir: box.shims,
      dryRun: false,
      files: [{ file: join(home, '.bashrc'), action: 'add', block: posixBlock.split('\n'), pathEntry: { file: join(home, '.bashrc'), line: 1 } }],
    });
  });

  it('a shell it does not know is one line naming $SHELL and --shell, and nothing is written', async () => {
    const home = user('tcsh');
    const result = await setup(home, [], { SHELL: '/bin/tcsh' });
    assert.equal(result.code, 2);
    assert.equal(result.stderr, `tool: cannot tell which shell to set up: $SHELL is /bin/tcsh. Run \`tool setup --shell bash\` (or zsh, fish), or put ${box.shims} on PATH in your shell's startup file yourself\n`);
    const invalid = await setup(home, ['--shell', 'tcsh']);
    assert.equal(invalid.code, 2);
    assert.match(invalid.stderr, /^tool: .*'tcsh' is invalid.*bash, zsh, fish/);
    assert.deepEqual(spawnSync('ls', ['-A', home], { encoding: 'utf8' }).stdout, '');
  });

  it('tool add points to tool setup, in fish syntax for fish users', async () => {
    const fish = await box.tool(['add', 'ripgrep'], { env: { PATH: BARE_PATH, SHELL: '/usr/bin/fish' } });
    assert.equal(fish.code, 0, fish.stderr);
    assert.match(fish.stdout, new RegExp(`run \`tool setup\` to add them in your shell's startup file, or for this shell only:\n  fish_add_path --path ${box.shims}\n$`));
    assert.doesNotMatch(fish.stdout, /export PATH/);
    const bash = await box.tool(['add', 'ripgrep'], { env: { PATH: BARE_PATH, SHELL: '/bin/bash' } });
    assert.match(bash.stdout, new RegExp(`\n  export PATH="${box.shims}:\\$PATH"\n$`));
    assert.doesNotMatch((await box.tool(['add', 'ripgrep'])).stdout, /tool setup/, 'no advice when the shims are on PATH');
  });
});
