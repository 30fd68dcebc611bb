/**
 * `tool bisect`: releases 1.0.0 … 1.0.9 of a fake tool that prints its version,
 * and a check that fails from 1.0.6 on. Bisect checks both ends, then halves the
 * range with ephemeral installs, and changes nothing the user owns.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const REPO = 'acme/bisected';
const VERSIONS = Array.from({ length: 10 }, (_, i) => `1.0.${i}`);

/**
 * A check script: logs the version it saw, exits `skip` (125) for the patch
 * levels listed, fails (1) from `firstBad` on, or before it when `inverted`.
 */
function checkScript(log: string, options: { firstBad: number; skip?: number[]; inverted?: boolean }): string {
  const skips = (options.skip ?? []).map((patch) => `[ "$patch" = ${patch} ] && exit 125\n`).join('');
  const broken = options.inverted ? `[ "$patch" -lt ${options.firstBad} ]` : `[ "$patch" -ge ${options.firstBad} ]`;
  return `#!/bin/sh\nversion=$(bisected --version)\nversion=\${version##* }\necho "$version" >> '${log}'\npatch=\${version##*.}\n${skips}${broken} && { echo "broken in $version" >&2; exit 1; }\nexit 0\n`;
}

describe('tool bisect', () => {
  let box: Sandbox;
  let work: string;
  let log: string;
  before(async () => {
    box = await createSandbox();
    for (const version of VERSIONS) {
      box.server.addRelease(REPO, fixtureRelease({ tag: `v${version}`, exeName: 'bisected', version, assets: [{ name: `bisected_${version}_linux_amd64.tar.gz`, format: 'tar.gz' }] }));
    }
    work = box.dir('user/work');
    log = join(work, 'checked.log');
  });
  after(() => box.close());

  function writeCheck(options: Parameters<typeof checkScript>[1]): void {
    rmSync(log, { force: true });
    box.write('user/work/check.sh', checkScript(log, options));
  }
  const checked = () => readFileSync(log, 'utf8').trim().split('\n');
  const installed = () => (existsSync(join(box.home, 'store/acme__bisected')) ? readdirSync(join(box.home, 'store/acme__bisected')).sort() : []);

  it('finds the first bad release with both ends and three candidates checked, each installed once, and writes nothing', async () => {
    writeCheck({ firstBad: 6 });
    await box.sh('chmod +x check.sh', { cwd: work });
    const result = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.9', '--', './check.sh'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, [
      '1.0.0: good (exit 0)',
      '1.0.9: bad (exit 1)',
      '1.0.4: good (exit 0)',
      '1.0.6: bad (exit 1)',
      '1.0.5: good (exit 0)',
      `first bad release: ${REPO} 1.0.6 (last good: 1.0.5); 5 checks for 10 releases`,
      'to stay on 1.0.5:',
      `  tool pin ${REPO}@1.0.5`,
      `  tool add ${REPO}@1.0.5`,
      '',
    ].join('\n'));
    // The check's own output goes to stderr, beside the install lines.
    assert.match(result.stderr, /^broken in 1\.0\.6$/m);
    assert.deepEqual(checked(), ['1.0.0', '1.0.9', '1.0.4', '1.0.6', '1.0.5']);
    assert.deepEqual(installed(), ['1.0.0', '1.0.4', '1.0.5', '1.0.6', '1.0.9']);
    assert.equal(readdirSync(join(box.home, 'state/ephemeral')).length, 5);
    for (const file of ['global.tools', 'state/history', 'state/tools']) assert.ok(!existsSync(join(box.home, file)), file);
    for (const file of ['.tools', '.tools.lock']) assert.ok(!existsSync(join(work, file)), file);
    assert.ok(!existsSync(join(box.env.HOME!, '.config/tool')));
  });

  it('--json gives the steps and the result; a second run installs nothing', async () => {
    writeCheck({ firstBad: 6 });
    const result = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.9', '--json', '--', './check.sh'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    const json = JSON.parse(result.stdout);
    assert.deepEqual(json.steps.map((s: { version: string; verdict: string; exitCode: number }) => [s.version, s.verdict, s.exitCode]), [
      ['1.0.0', 'good', 0], ['1.0.9', 'bad', 1], ['1.0.4', 'good', 0], ['1.0.6', 'bad', 1], ['1.0.5', 'good', 0],
    ]);
    assert.deepEqual(json.steps[0], { version: '1.0.0', verdict: 'good', exitCode: 0, signal: null, note: null });
    assert.deepEqual([json.tool, json.good, json.bad, json.candidates, json.lastGood, json.firstBad, json.untested], [REPO, '1.0.0', '1.0.9', 10, '1.0.5', '1.0.6', []]);
    assert.deepEqual(json.next, [`tool pin ${REPO}@1.0.5`, `tool add ${REPO}@1.0.5`]);
    assert.doesNotMatch(result.stderr, /installing/);
  });

  it('a release the check skips (exit 125) is replaced by its neighbour', async () => {
    writeCheck({ firstBad: 6, skip: [4] });
    const result = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.9', '--', './check.sh'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^1\.0\.4: skip \(exit 125\)\n1\.0\.5: good \(exit 0\)\n1\.0\.7: bad \(exit 1\)\n1\.0\.6: bad \(exit 1\)\nfirst bad release: acme\/bisected 1\.0\.6 \(last good: 1\.0\.5\); 6 checks for 10 releases$/m);
  });

  it('a skipped release next to the first bad one is named as a possible first bad release', async () => {
    writeCheck({ firstBad: 6, skip: [5] });
    const result = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.9', '--', './check.sh'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^first bad release: acme\/bisected 1\.0\.6 or one of the skipped 1\.0\.5 before it \(last good: 1\.0\.4\); 5 checks for 10 releases$/m);
  });

  it('good and bad in the wrong order, or a check that says the opposite, stop in one line', async () => {
    writeCheck({ firstBad: 6 });
    const order = await box.tool(['bisect', REPO, '--good', '1.0.9', '--bad', '1.0.0', '--', './check.sh'], { cwd: work });
    assert.equal(order.code, 2);
    assert.match(order.stderr, /^tool: --good 1\.0\.9 is not older than --bad 1\.0\.0\. bisect looks for the first failing release after a passing one/);
    assert.equal(order.stdout, '');
    writeCheck({ firstBad: 6, inverted: true });
    const inverted = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.9', '--', './check.sh'], { cwd: work });
    assert.equal(inverted.code, 1);
    assert.match(inverted.stderr, /^tool: good and bad look reversed: `\.\/check\.sh` fails on --good 1\.0\.0 \(exit 1\) and passes on --bad 1\.0\.9\. /m);
    assert.deepEqual(checked(), ['1.0.0', '1.0.9']);
  });

  it('an end the check disagrees with, an unknown release or a check that cannot run is one clear line', async () => {
    writeCheck({ firstBad: 6 });
    const goodFails = await box.tool(['bisect', REPO, '--good', '1.0.7', '--bad', '1.0.9', '--', './check.sh'], { cwd: work });
    assert.equal(goodFails.code, 1);
    assert.match(goodFails.stderr, /^tool: `\.\/check\.sh` fails on --good 1\.0\.7 \(exit 1\)\. Give an older --good that passes/m);
    const badPasses = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.3', '--', './check.sh'], { cwd: work });
    assert.match(badPasses.stderr, /^tool: `\.\/check\.sh` passes on --bad 1\.0\.3 \(exit 0\), so there is nothing to find between 1\.0\.0 and 1\.0\.3\. /m);
    const unknown = await box.tool(['bisect', REPO, '--good', '0.9.0', '--bad', '1.0.9', '--', './check.sh'], { cwd: work });
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /^tool: acme\/bisected has no release 0\.9\.0 \(--good\)\. Releases near it: /);
    const missing = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.9', '--', './no-such-check.sh'], { cwd: work });
    assert.equal(missing.code, 3);
    assert.equal(missing.stderr.split('\n').filter((line) => line.startsWith('tool: ')).length, 1);
    assert.match(missing.stderr, /^tool: cannot run the check "\.\/no-such-check\.sh": not found on PATH or at that path\./m);
  });

  it('Ctrl-C during a check stops the search in one line, whatever the check exits with', async () => {
    // The check interrupts the bisect process itself, as a terminal's Ctrl-C would, and lingers so the signal lands while it runs.
    box.write('user/work/interrupt.sh', '#!/bin/sh\nkill -INT $PPID\nsleep 2\nexit 0\n');
    await box.sh('chmod +x interrupt.sh', { cwd: work });
    const result = await box.tool(['bisect', REPO, '--good', '1.0.0', '--bad', '1.0.9', '--', './interrupt.sh'], { cwd: work });
    assert.equal(result.code, 1);
    assert.match(result.stderr, /^tool: the check was stopped by SIGINT while testing 1\.0\.[09]; nothing was decided\. Run the same `tool bisect` again/m);
    assert.equal(result.stdout, '');
  });

  it('for an added tool it offers the rollback line, and that line works', async () => {
    assert.equal((await box.tool(['add', `${REPO}@1.0.9`])).code, 0);
    writeCheck({ firstBad: 6 });
    const result = await box.tool(['bisect', 'bisected', '--good', '1.0.2', '--bad', '1.0.9', '--', './check.sh'], { cwd: work });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /^to stay on 1\.0\.5:\n {2}tool pin bisected@1\.0\.5\n {2}tool rollback acme\/bisected --to 1\.0\.5\n$/m);
    const rollback = await box.tool(['rollback', REPO, '--to', '1.0.5']);
    assert.equal(rollback.code, 0, rollback.stderr);
    assert.equal((await box.sh('bisected --version')).stdout, 'bisected 1.0.5\n');
    // Selected now, so no longer ephemeral: an immediate expiry leaves it.
    const list = await box.tool(['list'], { env: { TOOL_EPHEMERAL_TTL: '0' } });
    assert.doesNotMatch(list.stderr, /removed acme\/bisected 1\.0\.5/);
    assert.ok(existsSync(join(box.home, 'store/acme__bisected/1.0.5')));
  });
});
