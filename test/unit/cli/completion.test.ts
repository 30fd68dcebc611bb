/**
 * Completion scripts follow the command definitions: a command defined the way
 * src/cli/definitions/*.ts define theirs is completed by every script with
 * nothing else changed, driven in the real bash (and fish, when installed).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { INSTALLING_COMMANDS } from '../../../src/cli/completion/model.js';
import { completionScript } from '../../../src/cli/completion/script.js';
import { describeProgram, type Define } from '../../../src/cli/main.js';
import { completeInBash, completeInFish, shellPath } from '../../support/shell-completion.js';

const FISH = shellPath('fish');
const home = mkdtempSync(join(tmpdir(), 'tool-completion-home-'));
mkdirSync(join(home, 'store', 'frobber', '1.2.3'), { recursive: true });
const env = { PATH: process.env.PATH, HOME: home, TOOL_HOME: home };

/** A new command, written as a definition file would write it. */
function defineFrobnicate(define: Define): void {
  define(['frobnicate', 'frob'], (program, { choiceOption }) => program.command('frobnicate')
    .alias('frob')
    .description('frobnicate a tool')
    .argument('<tool>', 'tool name')
    .addOption(choiceOption('--zap <level>', 'how hard', ['low', 'high']))
    .option('-q, --quiet', 'say nothing')
    .action(() => undefined));
}

describe('completion scripts', () => {
  after(() => rmSync(home, { recursive: true, force: true }));
  const tree = describeProgram(defineFrobnicate);
  const facts = { version: '0.0.0', known: ['ripgrep'] };

  it('complete a command added to the definitions: its name, alias, options, option values and argument', () => {
    const bash = completeInBash(completionScript('bash', tree, facts), ['tool fro', 'tool frob -', 'tool frobnicate --zap ', 'tool frob --zap low ', 'tool frob -q fr'], env);
    assert.deepEqual(bash, [['frobnicate', 'frob'], ['--zap', '-q', '--quiet', '-h', '--help'], ['low', 'high'], ['frobber'], ['frobber']]);
    for (const shell of ['zsh', 'fish'] as const) {
      const script = completionScript(shell, tree, facts);
      for (const word of ['frobnicate', 'frob', '--zap', 'low', 'high', '--quiet']) assert.ok(script.includes(`'${word}`), `the ${shell} script names ${word}`);
    }
  });

  it('complete the new command in fish too', { skip: FISH ? false : 'fish is not installed here (apt-get install fish)' }, () => {
    const fish = completeInFish(FISH as string, completionScript('fish', tree, facts), ['tool fro', 'tool frob --zap ', 'tool frob '], env);
    assert.deepEqual(fish, [['frob', 'frobnicate'], ['high', 'low'], ['frobber']]);
  });

  it('leave a command out that the definitions do not have', () => {
    const script = completionScript('bash', describeProgram(), facts);
    assert.ok(!script.includes('frob'));
    assert.ok(script.includes("':add')"));
  });

  it('offer registry names only for commands that exist and take a <tool>', () => {
    for (const name of INSTALLING_COMMANDS) {
      const command = tree.commands.find((candidate) => candidate.name === name);
      assert.ok(command, `tool ${name} exists`);
      assert.equal(command.arguments[0]?.name, 'tool', `tool ${name} takes a <tool> first`);
    }
  });
});
