/**
 * A bad value in the settings file stops every command at start-up, in one
 * line naming the file and line (exit 6), whichever key it is and whichever
 * tool's section holds it: a user who mistypes `attestations = requre` learns
 * it from the next `tool list`, not after a download, and not only when the
 * one tool whose section it sits in is next installed. (`ca-file` names a file,
 * which is read when a request needs it and shown by doctor's network check.)
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type RunResult, type Sandbox } from '../support/sandbox.js';

const SETTINGS = 'user/.config/tool/settings';

function oneErrorLine(result: RunResult): string {
  assert.equal(result.code, 6, result.stderr);
  const lines = result.stderr.trim().split('\n');
  assert.equal(lines.length, 1, result.stderr);
  return lines[0]!;
}

describe('settings values checked at start-up', () => {
  let box: Sandbox;
  let settings: string;
  before(async () => {
    box = await createSandbox();
    box.server.addRelease('acme/widget', fixtureRelease({ tag: 'v1.0.0', exeName: 'widget', version: '1.0.0', assets: [{ name: 'widget_1.0.0_linux_amd64.tar.gz', format: 'tar.gz' }] }));
    settings = box.write(SETTINGS, '');
  });
  after(() => box.close());

  it('a bad attestations value stops tool list, naming the file and line', async () => {
    box.write(SETTINGS, '# fleet\nattestations = requre\n');
    const line = oneErrorLine(await box.tool(['list']));
    assert.equal(line, `tool: ${settings} line 2: attestations = "requre" is not one of verify, require, warn, off. Write attestations = verify (the default), require, warn or off`);
  });

  it("a bad attestations value in another tool's section stops tool add before anything is asked or downloaded", async () => {
    box.write(SETTINGS, '[acme/other]\nattestations = strict\n');
    box.server.requests.length = 0;
    const line = oneErrorLine(await box.tool(['add', 'acme/widget']));
    assert.match(line, new RegExp(`^tool: ${settings} line 2: attestations = "strict" is not one of`));
    assert.deepEqual(box.server.requests, [], 'no request before the setting is fixed');
  });

  it('a malformed url-rewrite rule stops tool list, naming the file and line', async () => {
    box.write(SETTINGS, '\n\nurl-rewrite = https://downloads.example/ https://mirror.example/\n');
    const line = oneErrorLine(await box.tool(['list']));
    assert.match(line, new RegExp(`^tool: ${settings} line 3: url-rewrite "https://downloads.example/ https://mirror.example/" has no " -> "\\. Write url-rewrite = `));
  });

  it('the --json error is one JSON line with exit 6', async () => {
    box.write(SETTINGS, 'url-rewrite = https://downloads.example/ -> http://mirror.example/\n');
    const result = await box.tool(['list', '--json']);
    assert.equal(result.code, 6);
    assert.equal(result.stdout, '');
    const error = JSON.parse(result.stderr).error;
    assert.equal(error.code, 'TOOL_BAD_SETTING');
    assert.equal(error.message, `${settings} line 1: url-rewrite target "http://mirror.example/" is not an https URL`);
  });

  it('good values start as before', async () => {
    box.write(SETTINGS, 'attestations = warn\nurl-rewrite = https://downloads.example/ -> https://mirror.example/\n[acme/widget]\nattestations = off\n');
    const list = await box.tool(['list']);
    assert.equal(list.code, 0, list.stderr);
    assert.equal(list.stderr, '');
  });
});

describe("doctor's network check on a url-rewrite rule that would stop every download", () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
  });
  after(() => box.close());

  it('is a problem (exit 1) naming the rule, not a note under "ok"', async () => {
    const settings = box.write(SETTINGS, '# the cache\nurl-rewrite = ~^https?://[^/]+/(.*)$ -> http://mirror.example/$1\n');
    const doctor = await box.tool(['doctor', '--json']);
    assert.equal(doctor.code, 1, doctor.stderr);
    const network = JSON.parse(doctor.stdout).checks.find((check: { name: string }) => check.name === 'network');
    assert.equal(network.ok, false);
    assert.equal(network.problems.length, 1, JSON.stringify(network));
    assert.match(network.problems[0].message, new RegExp(`^url-rewrite \\(${settings} line 2\\) turns http://127\\.0\\.0\\.1:\\d+/OWNER/REPO/releases/download/v1\\.0\\.0/tool-linux-x64\\.tar\\.gz into http://mirror\\.example/OWNER/`));
    assert.match(network.problems[0].fix, /gives https:\/\//);
    assert.equal(network.problems[0].fixable, false);
  });
});
