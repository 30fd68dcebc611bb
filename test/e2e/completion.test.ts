/**
 * `tool completion bash|zsh|fish` end to end: the scripts the built CLI prints,
 * loaded by the real shells. Each offers exactly the commands, aliases and
 * options the program defines (compared with the commander tree itself), tool
 * names and installed versions from TOOL_HOME, and values of options.
 * zsh and fish run when installed (Debian: apt-get install zsh fish); their
 * tests are skipped otherwise, saying so.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import type { CommandNode } from '../../src/cli/completion/command-tree.js';
import { describeProgram } from '../../src/cli/main.js';
import { addRipgrep } from '../support/catalog.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { completeInBash, completeInFish, completeInZsh, shellPath } from '../support/shell-completion.js';
import { addWidgets } from '../support/widgets.js';

const ZSH = shellPath('zsh');
const FISH = shellPath('fish');

/** Every command of the program with the words that lead to it: [["add"], ["registry", "update"], …]. */
function commandPaths(node: CommandNode, path: string[] = []): Array<{ path: string[]; node: CommandNode }> {
  return [{ path, node }, ...node.commands.flatMap((child) => commandPaths(child, [...path, child.name]))];
}

const namesOf = (node: CommandNode) => node.commands.flatMap((child) => [child.name, ...child.aliases]).sort();
const flagsOf = (node: CommandNode) => node.options.flatMap((option) => option.flags).sort();
const sorted = (words: string[]) => [...words].sort();

describe('tool completion', () => {
  let box: Sandbox;
  let program: CommandNode;
  const scripts: Record<string, string> = {};
  let env: NodeJS.ProcessEnv;

  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    addWidgets(box.server, 1, '1.0.0', '2.0.0');
    for (const tool of ['ripgrep@13.0.0', 'ripgrep@latest', 'acme/widget1@1.0.0']) assert.equal((await box.tool(['add', tool])).code, 0);
    for (const shell of ['bash', 'zsh', 'fish']) {
      const result = await box.tool(['completion', shell]);
      assert.equal(result.code, 0, result.stderr);
      assert.equal(result.stderr, '');
      scripts[shell] = result.stdout;
    }
    program = describeProgram();
    env = { ...box.env, HOME: box.env.HOME, PATH: process.env.PATH };
  });
  after(() => box.close());

  it('prints a script bash parses', () => {
    assert.equal(spawnSync('bash', ['-n'], { input: scripts.bash }).status, 0);
  });

  it('prints a script zsh parses', { skip: ZSH ? false : 'zsh is not installed here (apt-get install zsh)' }, () => {
    assert.equal(spawnSync(ZSH as string, ['-n'], { input: scripts.zsh }).status, 0);
  });

  it('prints a script fish parses', { skip: FISH ? false : 'fish is not installed here (apt-get install fish)' }, () => {
    // fish reads a script to check from a file, not from a pipe.
    const file = box.write('tool.fish', scripts.fish!);
    assert.equal(spawnSync(FISH as string, ['--no-execute', file]).status, 0);
  });

  it('bash offers exactly the commands, aliases and options the program defines, at every level', () => {
    const paths = commandPaths(program);
    const lines = paths.flatMap(({ path, node }) => [
      ['tool', ...path, '-'],
      ...(node.commands.length > 0 ? [['tool', ...path, '']] : []),
    ]);
    const replies = completeInBash(scripts.bash!, lines, env);
    let index = 0;
    for (const { path, node } of paths) {
      assert.deepEqual(sorted(replies[index++]!), flagsOf(node), `tool ${path.join(' ')} -<TAB>`);
      if (node.commands.length > 0) assert.deepEqual(sorted(replies[index++]!), namesOf(node), `tool ${path.join(' ')} <TAB>`);
    }
    assert.ok(namesOf(program).includes('setup') && namesOf(program).includes('ls'), 'the program was read');
  });

  it('bash completes tool names, name@versions, executables and the values of options', () => {
    const [remove, versions, owned, which, add, shell, shellEq, shellEqEmpty, to, topic, after] = completeInBash(scripts.bash!, [
      'tool remove ',
      'tool pin ripgrep@',
      'tool run acme/widget1@',
      'tool which ',
      'tool add rip',
      'tool setup --shell ',
      ['tool', 'setup', '--shell', '=', 'f'],
      ['tool', 'setup', '--shell', '='],
      'tool rollback ripgrep --reason why --to ',
      'tool help env',
      'tool list ',
    ], env);
    assert.deepEqual(sorted(remove!), ['acme/widget1', 'ripgrep']);
    assert.deepEqual(sorted(versions!), ['ripgrep@13.0.0', 'ripgrep@14.1.1']);
    assert.deepEqual(owned, ['acme/widget1@1.0.0']);
    assert.deepEqual(sorted(which!), ['rg', 'widget1']);
    assert.deepEqual([...new Set(add)], ['ripgrep'], 'installed and registry names');
    assert.deepEqual(shell, ['bash', 'zsh', 'fish']);
    assert.deepEqual(shellEq, ['fish']);
    assert.deepEqual(shellEqEmpty, ['bash', 'zsh', 'fish']);
    assert.deepEqual(sorted(to!), ['13.0.0', '14.1.1']);
    assert.deepEqual(topic, ['environment']);
    assert.deepEqual(after, [], 'list takes no argument');
  });

  it('fish offers the same commands and options, tool names and versions', { skip: FISH ? false : 'fish is not installed here (apt-get install fish)' }, () => {
    const paths = commandPaths(program);
    const lines = [...paths.map(({ path }) => ['tool', ...path, '-'].join(' ')), 'tool ', 'tool registry ', 'tool remove ', 'tool pin ripgrep@', 'tool setup --shell=', 'tool which '];
    const replies = completeInFish(FISH as string, scripts.fish!, lines, env);
    paths.forEach(({ path, node }, index) => assert.deepEqual(sorted(replies[index]!), flagsOf(node), `tool ${path.join(' ')} -<TAB>`));
    const [root, registry, remove, versions, shell, which] = replies.slice(paths.length);
    assert.deepEqual(sorted(root!), namesOf(program));
    assert.deepEqual(sorted(registry!), namesOf(program.commands.find((command) => command.name === 'registry')!));
    assert.deepEqual(sorted(remove!), ['acme/widget1', 'ripgrep']);
    assert.deepEqual(sorted(versions!), ['ripgrep@13.0.0', 'ripgrep@14.1.1']);
    assert.deepEqual(sorted(shell!), ['--shell=bash', '--shell=fish', '--shell=zsh']);
    assert.deepEqual(sorted(which!), ['rg', 'widget1']);
  });

  it('zsh completes in place in an interactive zsh', { skip: ZSH ? false : 'zsh is not installed here (apt-get install zsh)' }, () => {
    const lines = completeInZsh(ZSH as string, scripts.zsh!, ['tool upg', 'tool registry u', 'tool add ripgrep@14', 'tool run acme/wid', 'tool setup --shell=f', 'tool which r', 'tool rollback ripgrep --to 13', 'tool setup --pr'], env);
    assert.deepEqual(lines, [
      'tool upgrade ',
      'tool registry update ',
      'tool add ripgrep@14.1.1 ',
      'tool run acme/widget1 ',
      'tool setup --shell=fish ',
      'tool which rg ',
      'tool rollback ripgrep --to 13.0.0 ',
      'tool setup --print ',
    ]);
  });
});
