/** The release cooldown's decision: which release is chosen, what waits, and until when. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { chooseOldEnough, cooldownApplies, formatAge, heldBackText, isExactSpec, youngRelease, type DatedVersion } from '../../../src/core/release-age.js';
import { parseSpec } from '../../../src/core/spec.js';

const NOW = new Date('2026-06-10T12:00:00Z');
const HOUR = 3600;
const DAY = 86400;
const ONE_DAY = { seconds: DAY, setBy: '/home/me/.config/tool/settings line 2' };

function ago(seconds: number): string {
  return new Date(NOW.getTime() - seconds * 1000).toISOString();
}

// 14.1.1 ten days old, 14.2.0 three hours old, 15.0.0 one hour old, 13.0.5 a backport from yesterday morning.
const RELEASES: DatedVersion[] = [
  { version: '15.0.0', publishedAt: ago(HOUR) },
  { version: '14.2.0', publishedAt: ago(3 * HOUR) },
  { version: '13.0.5', publishedAt: ago(30 * HOUR) },
  { version: '14.1.1', publishedAt: ago(10 * DAY) },
  { version: '14.1.0', publishedAt: ago(20 * DAY) },
];

describe('choosing a release old enough', () => {
  it('picks the newest release at least the minimum age for latest, and names the newest one held back', () => {
    const choice = chooseOldEnough(parseSpec('latest'), RELEASES, NOW, ONE_DAY);
    assert.equal(choice.version, '14.1.1');
    assert.deepEqual(choice.heldBack, { version: '15.0.0', publishedAt: ago(HOUR), eligibleAt: new Date(NOW.getTime() + 23 * HOUR * 1000).toISOString() });
    assert.equal(choice.soonest, undefined);
  });

  it('holds back within a range only what the range would have picked', () => {
    const choice = chooseOldEnough(parseSpec('14'), RELEASES, NOW, ONE_DAY);
    assert.equal(choice.version, '14.1.1');
    assert.equal(choice.heldBack?.version, '14.2.0');
    assert.equal(chooseOldEnough(parseSpec('^14'), RELEASES, NOW, ONE_DAY).heldBack?.version, '14.2.0');
  });

  it('reports nothing held back when the young releases are older versions than the one chosen', () => {
    const choice = chooseOldEnough(parseSpec('latest'), RELEASES, NOW, { seconds: 2 * HOUR, setBy: '--min-age' });
    assert.equal(choice.version, '14.2.0');
    assert.equal(choice.heldBack?.version, '15.0.0');
    const backport = chooseOldEnough(parseSpec('latest'), RELEASES.filter((r) => r.version !== '15.0.0' && r.version !== '14.2.0'), NOW, { seconds: 2 * DAY, setBy: '--min-age' });
    assert.equal(backport.version, '14.1.1');
    assert.equal(backport.heldBack, undefined, 'the young 13.0.5 is older than 14.1.1, so it held nothing back');
  });

  it('when every matching release is too young, chooses none and says which becomes eligible first', () => {
    const choice = chooseOldEnough(parseSpec('15'), RELEASES, NOW, ONE_DAY);
    assert.equal(choice.version, undefined);
    assert.equal(choice.soonest?.version, '15.0.0');
    const several = chooseOldEnough(parseSpec('>=14.2'), RELEASES, NOW, ONE_DAY);
    assert.equal(several.soonest?.version, '14.2.0', 'the older of 14.2.0 and 15.0.0 becomes eligible first');
  });

  it('does not hold back a release whose date is unknown', () => {
    const choice = chooseOldEnough(parseSpec('latest'), [{ version: '2.0.0', publishedAt: null }, { version: '1.0.0', publishedAt: ago(DAY * 9) }], NOW, ONE_DAY);
    assert.equal(choice.version, '2.0.0');
    assert.equal(youngRelease({ version: '2.0.0', publishedAt: 'not a date' }, NOW, ONE_DAY), undefined);
  });

  it('counts a release exactly the minimum age as old enough', () => {
    assert.equal(youngRelease({ version: '1.0.0', publishedAt: ago(DAY) }, NOW, ONE_DAY), undefined);
    assert.ok(youngRelease({ version: '1.0.0', publishedAt: ago(DAY - 1) }, NOW, ONE_DAY));
  });
});

describe('what the cooldown applies to', () => {
  it('never holds back an exact version the user typed', () => {
    for (const text of ['14.2.0', 'v14.2.0', '2024.08.06', '1.2.3.4']) assert.equal(isExactSpec(parseSpec(text)), true, text);
    for (const text of ['latest', '14', '14.2', '^14', '>=1.6 <2']) assert.equal(isExactSpec(parseSpec(text)), false, text);
    assert.equal(cooldownApplies(parseSpec('14.2.0'), ONE_DAY), false);
    assert.equal(cooldownApplies(parseSpec('14'), ONE_DAY), true);
  });

  it('is off with no policy or a zero one', () => {
    assert.equal(cooldownApplies(parseSpec('latest'), undefined), false);
    assert.equal(cooldownApplies(parseSpec('latest'), { seconds: 0, setBy: '--min-age' }), false);
  });
});

describe('saying until when', () => {
  it('writes ages and waits in the unit a person would use, rounding the wait up', () => {
    assert.equal(formatAge(45 * 60), '45 min');
    assert.equal(formatAge(3 * HOUR + 100), '3 h');
    assert.equal(formatAge(21 * HOUR - 100, Math.ceil), '21 h');
    assert.equal(formatAge(10 * DAY + 5), '10 d');
    assert.equal(formatAge(5), '1 min');
  });

  it('names the release, its age, the wait, the policy and where it was set', () => {
    const held = youngRelease({ version: '14.2.0', publishedAt: ago(3 * HOUR) }, NOW, ONE_DAY)!;
    assert.equal(heldBackText('ripgrep', held, NOW, ONE_DAY), 'ripgrep 14.2.0 is 3 h old; eligible in 21 h (min-release-age 1d, /home/me/.config/tool/settings line 2)');
  });
});
