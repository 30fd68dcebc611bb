/**
 * The JSON contract's own consistency: the README shows exactly the rendered
 * contract, every field name has one meaning in the glossary (and the glossary
 * names nothing unused), and every command that takes --json has a document.
 * test/e2e/json-contract.test.ts checks real output against the same contract.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { documentProblems, problemsOf } from '../../../src/cli/json/check.js';
import { CONTRACTS, jsonContractMarkdown } from '../../../src/cli/json/contract.js';
import { GLOSSARY } from '../../../src/cli/json/glossary.js';
import { fieldNames } from '../../../src/cli/json/render.js';
import { arr, enumOf, num, obj, orNull, str } from '../../../src/cli/json/schema.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../../../..');

describe('the JSON contract', () => {
  it('is what README.md shows', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const rendered = jsonContractMarkdown();
    assert.ok(readme.includes(`${rendered}\n`), `README.md's "JSON output" section is, exactly:\n${rendered}`);
  });

  it('gives every field name one meaning, and the glossary no unused name', () => {
    const used = new Set<string>(['formatVersion']);
    for (const contract of CONTRACTS) fieldNames(contract.shape, used);
    assert.deepEqual([...used].filter((name) => !(name in GLOSSARY)).sort(), [], 'field names without a glossary line');
    assert.deepEqual(Object.keys(GLOSSARY).filter((name) => !used.has(name)).sort(), [], 'glossary lines no field uses');
  });

  it('has a document for every command definition that offers --json', () => {
    const definitions = ['install', 'inspect', 'lifecycle', 'doctor', 'shell', 'throwaway'].map((file) => readFileSync(join(ROOT, `src/cli/definitions/${file}.ts`), 'utf8')).join('\n');
    // Each `.command('name')` up to the next one: its options.
    const segments = definitions.split(".command('").slice(1);
    const commands = segments.filter((segment) => segment.includes("'--json'")).map((segment) => segment.slice(0, segment.indexOf("'")));
    const documented = new Set(CONTRACTS.map((contract) => contract.command.split(' ')[1]));
    assert.ok(commands.length >= 20, `found ${commands.length} commands with --json`);
    assert.deepEqual(commands.filter((command) => !documented.has(command) && command !== 'unhold'), []);
  });

  it('the checker refuses a missing key, an extra key, a wrong type, an absent value left out, and a wrong formatVersion', () => {
    const shape = obj({ tool: str, version: orNull(str), steps: arr(obj({ verdict: enumOf('good', 'bad'), exitCode: orNull(num) })) });
    assert.deepEqual(problemsOf({ tool: 'rg', version: null, steps: [{ verdict: 'good', exitCode: 0 }] }, shape), []);
    assert.deepEqual(problemsOf({ tool: 'rg', steps: [] }, shape), ['$.version: missing']);
    assert.deepEqual(problemsOf({ tool: 'rg', version: '1', steps: [], extra: 1 }, shape), ['$.extra: not in the contract']);
    assert.deepEqual(problemsOf({ tool: 1, version: '1', steps: [{ verdict: 'ugly', exitCode: null }] }, shape), ['$.tool: expected string, got number', '$.steps[0].verdict: expected one of "good", "bad", got "ugly"']);
    const contract = { command: 'x', formatVersion: 2, shape: obj({}) };
    assert.deepEqual(documentProblems({ formatVersion: 1 }, contract), ['$.formatVersion: expected 2, got 1']);
    assert.deepEqual(documentProblems({ a: 1, formatVersion: 2 }, { ...contract, shape: obj({ a: num }) }), ['$: formatVersion is not the first key']);
  });
});
