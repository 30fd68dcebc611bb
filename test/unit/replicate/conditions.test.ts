import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  ConditionError,
  conditionHolds,
  parseCondition,
  type MachineFacts,
} from '../../../src/replicate/conditions.js';

const linuxBox: MachineFacts = { os: 'linux', arch: 'x64', libc: 'gnu', host: 'desk' };
const macLaptop: MachineFacts = { os: 'darwin', arch: 'arm64', libc: undefined, host: 'Laptop-2.local' };
const windowsPc: MachineFacts = { os: 'windows', arch: 'x64', libc: undefined, host: 'GAMING' };

function holds(text: string, facts: MachineFacts): boolean {
  return conditionHolds(parseCondition(text), facts);
}

describe('parseCondition', () => {
  it('reads key=value terms into canonical values and keeps the trimmed text', () => {
    assert.deepEqual(parseCondition('  os=linux \t arch=arm64 '), {
      terms: [
        { key: 'os', negated: false, values: ['linux'] },
        { key: 'arch', negated: false, values: ['arm64'] },
      ],
      text: 'os=linux \t arch=arm64',
    });
  });

  it('reads != as a negated term and splits values on commas', () => {
    assert.deepEqual(parseCondition('os!=windows,darwin').terms, [
      { key: 'os', negated: true, values: ['windows', 'darwin'] },
    ]);
  });

  it('resolves every alias to its canonical spelling, ignoring case', () => {
    assert.deepEqual(parseCondition('os=MacOS arch=amd64,x86_64,aarch64 libc=glibc').terms, [
      { key: 'os', negated: false, values: ['darwin'] },
      { key: 'arch', negated: false, values: ['x64', 'x64', 'arm64'] },
      { key: 'libc', negated: false, values: ['gnu'] },
    ]);
  });

  it('treats an empty condition and * as every machine', () => {
    assert.deepEqual(parseCondition(''), { terms: [], text: '' });
    assert.deepEqual(parseCondition(' * '), { terms: [], text: '*' });
  });

  it('lower-cases host values and keeps their wildcards', () => {
    assert.deepEqual(parseCondition('host=Laptop*,desk').terms, [
      { key: 'host', negated: false, values: ['laptop*', 'desk'] },
    ]);
  });

  const rejected: Array<[string, RegExp]> = [
    ['distro=debian', /unknown condition key "distro"/],
    ['os=freebsd', /unknown os "freebsd"/],
    ['os=constructor', /unknown os "constructor"/],
    ['arch=i686', /unknown arch "i686"/],
    ['libc=msvc', /unknown libc "msvc"/],
    ['os=', /"os=" has an empty value/],
    ['os=linux,', /"os=linux," has an empty value/],
    ['os linux', /"os" is not a condition/],
    ['=linux', /"=linux" is not a condition/],
    ['* os=linux', /"\*" is not a condition/],
    ['host=lap/top', /"lap\/top" is not a host name/],
  ];
  for (const [text, message] of rejected) {
    it(`rejects "${text}" with a ConditionError that says what is wrong`, () => {
      assert.throws(() => parseCondition(text), (error: unknown) => {
        assert.ok(error instanceof ConditionError);
        assert.match(error.message, message);
        assert.ok(error.hint.length > 0);
        return true;
      });
    });
  }

  it('hints at the valid values of the key whose value is unknown', () => {
    assert.throws(() => parseCondition('arch=arm'), (error: unknown) => {
      assert.ok(error instanceof ConditionError);
      assert.match(error.hint, /x64 .*arm64/);
      return true;
    });
  });
});

describe('conditionHolds', () => {
  it('holds everywhere for an empty condition', () => {
    assert.equal(holds('*', windowsPc), true);
    assert.equal(holds('', macLaptop), true);
  });

  it('tests os, arch and libc against the machine facts', () => {
    assert.equal(holds('os=linux', linuxBox), true);
    assert.equal(holds('os=linux', macLaptop), false);
    assert.equal(holds('arch=arm64', macLaptop), true);
    assert.equal(holds('arch=arm64', linuxBox), false);
    assert.equal(holds('libc=gnu', linuxBox), true);
    assert.equal(holds('libc=musl', linuxBox), false);
  });

  it('matches an alias in the file against the canonical fact and the other way round', () => {
    assert.equal(holds('os=macos arch=aarch64', macLaptop), true);
    assert.equal(holds('arch=x86_64 libc=glibc', linuxBox), true);
    assert.equal(holds('os=darwin arch=arm64', { ...macLaptop, os: 'macos', arch: 'aarch64' }), true);
  });

  it('requires every term (AND) and any value within a term (OR)', () => {
    assert.equal(holds('os=darwin arch=arm64', macLaptop), true);
    assert.equal(holds('os=darwin arch=x64', macLaptop), false);
    assert.equal(holds('os=linux,darwin', macLaptop), true);
    assert.equal(holds('os=linux,windows', macLaptop), false);
  });

  it('holds a != term only when the fact is none of the values', () => {
    assert.equal(holds('os!=windows', linuxBox), true);
    assert.equal(holds('os!=windows', windowsPc), false);
    assert.equal(holds('os!=linux,darwin', macLaptop), false);
    assert.equal(holds('os!=linux,darwin', windowsPc), true);
  });

  it('never holds libc= where libc is unknown, and always holds libc!= there', () => {
    assert.equal(holds('libc=gnu', macLaptop), false);
    assert.equal(holds('libc!=musl', macLaptop), true);
  });

  it('compares host names case-insensitively', () => {
    assert.equal(holds('host=gaming', windowsPc), true);
    assert.equal(holds('host=DESK', linuxBox), true);
    assert.equal(holds('host=desk2', linuxBox), false);
  });

  it('matches * in a host value against any run of characters, anchored at both ends', () => {
    assert.equal(holds('host=laptop*', macLaptop), true);
    assert.equal(holds('host=*.local', macLaptop), true);
    assert.equal(holds('host=lap*.local', macLaptop), true);
    assert.equal(holds('host=laptop', macLaptop), false);
    assert.equal(holds('host=top*', macLaptop), false);
    assert.equal(holds('host=laptop*,desk', linuxBox), true);
    assert.equal(holds('host!=laptop*', macLaptop), false);
  });

  it('treats the dot in a host value literally', () => {
    assert.equal(holds('host=laptop-2.local', { ...macLaptop, host: 'laptop-2xlocal' }), false);
  });
});
