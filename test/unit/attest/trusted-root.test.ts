/**
 * The shipped Sigstore trusted root (registry/trust/) is the public-good one
 * @sigstore/tuf embeds as its TUF seed, and it loads as trust material; a
 * file that is not a trusted root is one line naming it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, it } from 'node:test';
import { readTrust } from '../../../src/attest/sigstore.js';
import { SHIPPED_TRUSTED_ROOT } from '../../../src/attest/trusted-root.js';
import { isToolError } from '../../../src/core/errors.js';

const require = createRequire(import.meta.url);

describe('the shipped trusted root', () => {
  it('equals the trusted_root.json seeded in @sigstore/tuf (re-copy it when that package rotates its root)', () => {
    const seeds = require('@sigstore/tuf/seeds.json') as Record<string, { targets: Record<string, string> }>;
    const seeded = Object.values(seeds)[0]!.targets['trusted_root.json']!;
    assert.deepEqual(JSON.parse(readFileSync(SHIPPED_TRUSTED_ROOT, 'utf8')), JSON.parse(Buffer.from(seeded, 'base64').toString('utf8')));
  });

  it('loads as trust material with certificate authorities, transparency logs and CT logs', () => {
    const trust = readTrust(readFileSync(SHIPPED_TRUSTED_ROOT, 'utf8'), SHIPPED_TRUSTED_ROOT);
    assert.ok(trust.material.certificateAuthorities.length >= 1);
    assert.ok(trust.material.tlogs.length >= 1);
    assert.ok(trust.material.ctlogs.length >= 1);
  });

  it('a file that is not a trusted root is TOOL_BAD_SETTING naming it', () => {
    for (const text of ['{', '{"mediaType": "application/json"}']) {
      assert.throws(() => readTrust(text, '/tmp/root.json'), (error: unknown) => isToolError(error, 'TOOL_BAD_SETTING') && error.message.startsWith('/tmp/root.json is not a Sigstore trusted root'));
    }
  });
});
