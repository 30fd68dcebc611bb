/**
 * Every command's --json document, produced by the real CLI, checked strictly
 * against the contract the README documents (src/cli/json/contract.ts): each
 * key present (null when absent), no key undocumented, each type as written.
 * The last test requires that every documented command was checked here.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACTS } from '../../src/cli/json/contract.js';
import { addRipgrep, addYtDlp } from '../support/catalog.js';
import { fixtureRelease } from '../support/fixture-tools.js';
import { ContractChecker } from '../support/json-contract.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

describe('the JSON contract, command by command', () => {
  let box: Sandbox;
  let project: string;
  const contract = new ContractChecker();
  before(async () => {
    box = await createSandbox();
    addRipgrep(box.server, '13.0.0', '14.1.1');
    addYtDlp(box.server, '2024.08.06');
    project = box.dir('user/project');
    box.write('user/project/.tools', 'ripgrep 13.0.0  # CI uses 13\n');
  });
  after(() => box.close());

  it('add, add --dry-run: what was installed and how it was checked', async () => {
    const first = contract.stdout('tool add <tool> --json', await box.tool(['add', 'ripgrep@13.0.0', '--json']));
    assert.equal(first.downloaded, true);
    assert.equal(first.verification.method, 'checksum-file');
    contract.stdout('tool add <tool> --dry-run --json', await box.tool(['add', 'ripgrep', '--dry-run', '--json']));
    const moved = contract.stdout('tool add <tool> --json', await box.tool(['add', 'ripgrep@14', '--json']));
    assert.deepEqual(moved.changes, ['13.0.0 → 14.1.1', 'now follows 14 instead of 13.0.0']);
  });

  it('which: provenance as {kind, file, line, variable} for a project line, the global selection and a variable', async () => {
    const here = contract.stdout('tool which <name> --json', await box.tool(['which', 'rg', '--json'], { cwd: project }));
    assert.deepEqual(here.source, { kind: 'project', file: `${project}/.tools`, line: 1, variable: null });
    assert.match(here.path, /store\/ripgrep\/13\.0\.0\/bin\/rg$/);
    const global = contract.stdout('tool which <name> --json', await box.tool(['which', 'rg', '--json']));
    assert.deepEqual(global.source, { kind: 'global', file: `${box.home}/global.tools`, line: 1, variable: null });
    const variable = contract.stdout('tool which <name> --json', await box.tool(['which', 'rg', '--json'], { env: { TOOL_RIPGREP_VERSION: '12.0.0' } }));
    assert.deepEqual(variable.source, { kind: 'env', file: null, line: null, variable: 'TOOL_RIPGREP_VERSION' });
    assert.equal(variable.version, null);
    assert.equal(variable.path, null);
  });

  it('list, history, versions, outdated, search, info', async () => {
    const listed = contract.stdout('tool list --json', await box.tool(['list', '--json'], { cwd: project }));
    assert.equal(listed.tools[0].active.source.kind, 'project');
    const history = contract.stdout('tool history <tool> --json', await box.tool(['history', 'ripgrep', '--json']));
    assert.deepEqual(history.entries.map((entry: { to: string }) => entry.to), ['13.0.0', '14.1.1']);
    contract.stdout('tool versions <tool> --json', await box.tool(['versions', 'ripgrep', '--json']));
    const outdated = contract.stdout('tool outdated --json', await box.tool(['outdated', '--json']));
    assert.equal(outdated.tools[0].global, '14.1.1');
    contract.stdout('tool search <words> --json', await box.tool(['search', 'ripgrep', '--json']));
    const info = contract.stdout('tool info <tool> --json', await box.tool(['info', 'ripgrep', '--json']));
    assert.equal(info.entry.repo, 'BurntSushi/ripgrep');
    assert.equal(info.aqua, null);
  });

  it('pin, unpin, install, lock, hold, unhold', async () => {
    const other = box.dir('user/other');
    const pinned = contract.stdout('tool pin <tool> --json', await box.tool(['pin', 'ripgrep@13.0.0', '--json'], { cwd: other }));
    assert.deepEqual([pinned.file, pinned.downloaded], [`${other}/.tools`, false]);
    contract.stdout('tool unpin <tool> --json', await box.tool(['unpin', 'ripgrep', '--json'], { cwd: other }));
    const installed = contract.stdout('tool install --json', await box.tool(['install', '--json'], { cwd: project }));
    assert.deepEqual(installed.tools.map((t: { tool: string; line: number }) => [t.tool, t.line]), [['ripgrep', 1]]);
    const locked = contract.stdout('tool lock --json', await box.tool(['lock', '--json'], { cwd: project }));
    assert.equal(locked.file, `${project}/.tools.lock`);
    const held = contract.stdout('tool hold <tool> --json', await box.tool(['hold', 'ripgrep', '--json']));
    assert.deepEqual([held.held, held.changed, held.version], [true, true, '14.1.1']);
    const released = contract.stdout('tool hold <tool> --json', await box.tool(['unhold', 'ripgrep', '--json']));
    assert.deepEqual([released.held, released.changed], [false, true]);
  });

  it('install --json names a failed line with its error object, and exits with its code', async () => {
    const broken = box.dir('user/broken');
    box.write('user/broken/.tools', 'ripgrep 13.0.0\nyt-dlp 1999.01.01\n');
    const result = await box.tool(['install', '--json'], { cwd: broken });
    const document = contract.stdout('tool install --json', result, 3);
    assert.equal(document.failed[0].line, 2);
    assert.equal(document.failed[0].error.exit, 3);
  });

  it('update, rollback, prune', async () => {
    const updated = contract.stdout('tool update --json', await box.tool(['update', '--json']));
    assert.equal(updated.tools[0].status, 'up-to-date');
    const back = contract.stdout('tool rollback <tool> --json', await box.tool(['rollback', 'ripgrep', '--json']));
    assert.deepEqual([back.from, back.to, back.held, back.reinstalled], ['14.1.1', '13.0.0', true, null]);
    contract.stdout('tool prune --json', await box.tool(['prune', '--dry-run', '--json']));
    const pruned = contract.stdout('tool prune --json', await box.tool(['prune', '--keep', '0', '--json']));
    assert.equal(pruned.dryRun, false);
  });

  it('sync --check and sync: differences with their declared line as source', async () => {
    const declared = `${box.env.HOME}/.config/tool/tools`;
    box.write('user/.config/tool/tools', `ripgrep 13.0.0\nyt-dlp latest\n`);
    const check = contract.stdout('tool sync --check --json', await box.tool(['sync', '--check', '--json']), 1);
    const missing = check.differences.find((d: { difference: string }) => d.difference === 'missing');
    assert.deepEqual(missing.source, { kind: 'declared', file: declared, line: 2, variable: null });
    const synced = contract.stdout('tool sync --json', await box.tool(['sync', '--json']));
    assert.ok(synced.repaired.some((d: { tool: string }) => d.tool === 'yt-dlp'));
    contract.stdout('tool sync --check --json', await box.tool(['sync', '--check', '--json']));
  });

  it('doctor, setup --print, registry update', async () => {
    contract.stdout('tool doctor --json', await box.tool(['doctor', '--json']));
    const setup = contract.stdout('tool setup --json', await box.tool(['setup', '--print', '--json'], { env: { SHELL: '/bin/bash' } }));
    assert.equal(setup.dryRun, true);
    const registries = contract.stdout('tool registry update --json', await box.tool(['registry', 'update', '--json']));
    assert.deepEqual(registries.registries, []);
  });

  it('info of a tool an aqua-format registry knows fills `aqua`', async () => {
    const own = box.write('org/registry.yaml', 'packages:\n  - type: github_release\n    repo_owner: acme\n    repo_name: gizmo\n    aliases:\n      - name: gz\n    asset: gizmo_{{trimV .Version}}_{{.OS}}_{{.Arch}}.tar.gz\n');
    const info = contract.stdout('tool info <tool> --json', await box.tool(['info', 'gz', '--json'], { env: { TOOL_REGISTRIES: `builtin,${own}` } }));
    assert.equal(info.aqua.package, 'acme/gizmo');
    assert.equal(info.entry, null);
  });

  it('bisect', async () => {
    for (const version of ['1.0.0', '1.0.1', '1.0.2']) {
      box.server.addRelease('acme/bisected', fixtureRelease({ tag: `v${version}`, exeName: 'bisected', version, assets: [{ name: `bisected_${version}_linux_amd64.tar.gz`, format: 'tar.gz' }] }));
    }
    const result = await box.tool(['bisect', 'acme/bisected', '--good', '1.0.0', '--bad', '1.0.2', '--json', '--', 'sh', '-c', 'bisected --version | grep -q "1\\.0\\.0$"']);
    const document = contract.stdout('tool bisect <tool> --json', result);
    assert.equal(document.firstBad, '1.0.1');
  });

  it('remove, and an error under --json: one object on stderr', async () => {
    const removed = contract.stdout('tool remove <tool> --json', await box.tool(['remove', 'ripgrep', '--json'], { cwd: box.dir('user/elsewhere') }));
    assert.equal(removed.whole, true);
    assert.ok(removed.stillPinned.some((pin: { file: string; inLock: boolean }) => pin.file === `${project}/.tools` && pin.inLock));
    const failed = await box.tool(['add', 'acme/nothing-here', '--json']);
    assert.equal(failed.code, 3);
    assert.equal(failed.stdout, '');
    const error = contract.fits('any command --json, on error (stderr)', failed.stderr);
    assert.equal(error.error.exit, 3);
  });

  it('every documented command was checked above', () => {
    assert.deepEqual(CONTRACTS.map((c) => c.command).filter((command) => !contract.covered.has(command)), []);
  });
});
