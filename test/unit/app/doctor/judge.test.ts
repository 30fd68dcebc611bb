import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { judgeGithub } from '../../../../src/app/doctor/github-check.js';
import { indexDifferences } from '../../../../src/app/doctor/index-check.js';
import { judgeLeftovers, LEFTOVER_AGE_MS, leftoverKind } from '../../../../src/app/doctor/leftovers.js';
import { judgePath } from '../../../../src/app/doctor/path-check.js';
import { handOver, judgeShims, type ShimOnDisk } from '../../../../src/app/doctor/shims-check.js';
import { SHIM_VERSION } from '../../../../src/shimgen/render.js';
import { ToolError } from '../../../../src/core/errors.js';

describe('judgePath', () => {
  const facts = { shimsDir: '/h/shims', entries: ['/usr/bin', '/h/shims', '/bin'], shimsAt: 1, shimNames: ['fd', 'rg'] };

  it('passes when nothing before the shims directory has a command of a shim\'s name', () => {
    const result = judgePath({ ...facts, shadowedBy: new Map() });
    assert.equal(result.ok, true);
    assert.equal(result.summary, '/h/shims is on PATH (entry 2 of 3); nothing earlier shadows its 2 shims');
  });

  it('names each shadowed command, where it resolves instead, and both remedies', () => {
    const result = judgePath({ ...facts, shadowedBy: new Map([['rg', '/usr/bin']]) });
    assert.deepEqual(result.problems, [{ message: 'rg runs /usr/bin/rg, not the shim: /usr/bin comes before /h/shims on PATH', fix: '`tool setup`, or put /h/shims before /usr/bin in PATH' }]);
  });

  it('says so when the shims directory is not on PATH at all', () => {
    const result = judgePath({ ...facts, entries: ['/usr/bin'], shimsAt: -1, shadowedBy: new Map() });
    assert.equal(result.problems[0]?.message, 'the shims directory /h/shims is not on PATH, so no shim runs');
  });
});

describe('handOver', () => {
  it('reads the Node and CLI a shim hands over to, quotes undone', () => {
    const text = "#!/bin/sh\n# Shim for \"rg\", shim-version 3\nexec '/opt/it'\\''s node' '/cli.cjs' __shim 'ripgrep' rg \"$@\"\n";
    assert.deepEqual(handOver(text), { node: "/opt/it's node", script: '/cli.cjs', version: '3' });
    assert.equal(handOver('#!/bin/sh\nexec /usr/bin/rg "$@"\n'), undefined);
  });
});

describe('judgeShims', () => {
  const cli = { node: '/usr/bin/node', script: '/opt/tool/tool.cjs' };
  const shim = (node: string, version = SHIM_VERSION) => `#!/bin/sh\n# shim-version ${version}\nexec '${node}' '${cli.script}' __shim 'ripgrep' rg "$@"\n`;
  const judge = (onDisk: Record<string, ShimOnDisk>, missingPaths: string[] = []) => judgeShims({
    plan: { shims: new Map([['rg', { toolId: 'ripgrep', text: shim(cli.node) }]]), conflicts: [] },
    onDisk: new Map(Object.entries(onDisk)),
    missingPaths: new Set(missingPaths),
    cli,
  }).problems.map((problem) => problem.message);

  it('tells a broken shim from an older one, one for another Node, and a hand edit', () => {
    assert.deepEqual(judge({ rg: { text: shim('/old/node'), executable: true } }, ['/old/node']), ['shim rg is broken: it hands over to /old/node, which no longer exists']);
    assert.deepEqual(judge({ rg: { text: shim(cli.node, '2'), executable: true } }), [`shim rg was written by an older tool (shim version 2, now ${SHIM_VERSION})`]);
    assert.deepEqual(judge({ rg: { text: shim('/other/node'), executable: true } }), [`shim rg hands over to /other/node ${cli.script}, not to this tool (${cli.node} ${cli.script})`]);
    assert.deepEqual(judge({ rg: { text: `${shim(cli.node)}# mine\n`, executable: true } }), ['shim rg differs from what tool writes for it (edited by hand?)']);
  });

  it('finds a missing shim, one not executable, and one no added tool owns', () => {
    assert.deepEqual(judge({}), ['shim rg is missing (ripgrep exposes it)']);
    assert.deepEqual(judge({ rg: { text: shim(cli.node), executable: false }, fd: { text: '', executable: true } }), ['shim rg is not executable', 'shim fd belongs to no added tool']);
  });
});

describe('indexDifferences', () => {
  const link = (target: string, resolves = true) => ({ target, resolves });

  it('lists missing, misdirected, extra and dangling keys', () => {
    const actual = new Map([
      ['14', link('../../store/ripgrep/13.0.0')],
      ['latest', link('../../store/ripgrep/14.1.1', false)],
      ['9', link('../../store/ripgrep/9.0.0', false)],
      ['old', link('../../store/ripgrep/14.1.1')],
    ]);
    const planned = new Map([['14', '14.1.1'], ['latest', '14.1.1'], ['@global', '14.1.1']]);
    assert.deepEqual(indexDifferences({ tool: 'ripgrep', planned, actual }), [
      '14 leads to ../../store/ripgrep/13.0.0 instead of ../../store/ripgrep/14.1.1',
      'latest dangles: ../../store/ripgrep/14.1.1 does not exist',
      '@global is missing (should lead to 14.1.1)',
      '9 dangles: ../../store/ripgrep/9.0.0 does not exist',
      'old is not a key the index holds',
    ]);
  });

  it('expects no keys for a tool with no versions', () => {
    assert.deepEqual(indexDifferences({ tool: 'fd', planned: undefined, actual: new Map() }), []);
    assert.deepEqual(indexDifferences({ tool: 'fd', planned: undefined, actual: new Map([['9', link('x', false)]]) }), ['fd has no versions in the store, yet index keys remain (9)']);
  });
});

describe('leftovers', () => {
  it('knows tool\'s temporary names by place, and nothing the user may have named so', () => {
    assert.match(leftoverKind('BurntSushi__ripgrep@14.1.1-0a1b2c3d', 'tmp')!, /of BurntSushi\/ripgrep$/);
    assert.equal(leftoverKind('global.tools.123.0a1b2c3d.tmp', 'home'), 'the temporary file of an interrupted write');
    assert.equal(leftoverKind('.new-0a1b2c3d4e5f', 'home'), 'the temporary link of an interrupted index rewrite');
    assert.equal(leftoverKind('tools.77.0a1b2c3d.tmp', 'user'), 'the temporary file of an interrupted write');
    assert.equal(leftoverKind('notes.tmp', 'user'), undefined);
    assert.equal(leftoverKind('tools', 'home'), undefined);
  });

  it('leaves anything young, and staging whose tool lock a running process holds', () => {
    const old = LEFTOVER_AGE_MS + 1;
    const found = judgeLeftovers([
      { path: '/h/tmp/rg@1-00000000', name: 'rg@1-00000000', where: 'tmp', ageMs: old, lockHeld: true },
      { path: '/h/tmp/rg@2-00000000', name: 'rg@2-00000000', where: 'tmp', ageMs: old, lockHeld: false },
      { path: '/h/x.1.00000000.tmp', name: 'x.1.00000000.tmp', where: 'home', ageMs: 1000 },
    ]);
    assert.deepEqual(found.map((leftover) => leftover.path), ['/h/tmp/rg@2-00000000']);
  });
});

describe('judgeGithub', () => {
  const base = { apiUrl: 'https://api.example.invalid', nowMs: 0 };

  it('never shows the token, only where it came from', () => {
    const result = judgeGithub({ ...base, tokenVariable: 'GH_TOKEN', rate: { limit: 5000, remaining: 4990, used: 10, reset: 600 } });
    assert.equal(result.summary, 'https://api.example.invalid, token from GH_TOKEN (not shown); 4990 of 5000 API requests left this hour, reset 1970-01-01T00:10:00.000Z (in 10 min)');
  });

  it('makes offline a note and a refusal a problem', () => {
    const offline = judgeGithub({ ...base, tokenVariable: undefined, error: new ToolError('TOOL_NETWORK', 'cannot reach x'), offline: true });
    assert.equal(offline.ok, true);
    assert.deepEqual(offline.notes, ['offline: cannot reach x; the rate limit is unknown']);
    const refused = judgeGithub({ ...base, tokenVariable: 'GITHUB_TOKEN', error: new ToolError('TOOL_SERVER_ERROR', 'answered 401', { hint: 'Check GITHUB_TOKEN' }) });
    assert.deepEqual(refused.problems, [{ message: 'asking https://api.example.invalid for the rate limit failed: answered 401', fix: 'Check GITHUB_TOKEN' }]);
  });
});
