/** `tool outdated --exit-code`: exit 1 while a tool that is not held is behind what it follows, like `git diff --exit-code`. */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fixtureRelease } from '../support/fixture-tools.js';
import { createSandbox, type Sandbox } from '../support/sandbox.js';

const release = (version: string) => fixtureRelease({ tag: `v${version}`, exeName: 'widget', version, assets: [{ name: `widget_${version}_linux_amd64.tar.gz`, format: 'tar.gz' }] });

describe('tool outdated --exit-code', () => {
  let box: Sandbox;
  before(async () => {
    box = await createSandbox();
    box.server.addRelease('acme/widget', release('1.0.0'));
    assert.equal((await box.tool(['add', 'acme/widget@1'])).code, 0);
  });
  after(() => box.close());

  it('exits 0 while everything is current, 1 once a newer wanted release exists, 0 again after update', async () => {
    assert.equal((await box.tool(['outdated', '--exit-code'])).code, 0);
    box.server.addRelease('acme/widget', release('1.1.0'));
    const behind = await box.tool(['outdated', '--exit-code']);
    assert.equal(behind.code, 1, behind.stderr);
    assert.match(behind.stdout, /^acme\/widget\s+1\.0\.0\s+1\s+1\.1\.0\s+1\.1\.0\s+outdated$/m);
    assert.equal((await box.tool(['outdated'])).code, 0, 'without the flag the report alone is not a failure');
    assert.equal((await box.tool(['update'])).code, 0);
    assert.equal((await box.tool(['outdated', '--exit-code'])).code, 0);
  });

  it('does not count a held tool', async () => {
    box.server.addRelease('acme/widget', release('1.2.0'));
    assert.equal((await box.tool(['hold', 'acme/widget'])).code, 0);
    assert.equal((await box.tool(['outdated', '--exit-code'])).code, 0);
  });
});
