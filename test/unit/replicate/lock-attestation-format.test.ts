/** A lock line's optional "attestation" field: written first on the line (keys sorted), read back, and checked. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { parseLock, serializeLock, type Lockfile } from '../../../src/replicate/lock-file.js';

const SHA = 'ab'.repeat(32);
const URL = 'http://127.0.0.1:9/acme/gh/releases/download/v9.99.1';
const VERIFIED = 'verified:acme/gh/.github/workflows/release.yml@refs/tags/v9.99.1';

const lock: Lockfile = {
  lockVersion: 1,
  platforms: ['darwin-arm64', 'linux-x64'],
  tools: {
    gh: {
      repo: 'acme/gh',
      spec: '9',
      tag: 'v9.99.1',
      version: '9.99.1',
      assets: {
        'darwin-arm64': { attestation: VERIFIED, hashSource: 'digest', name: 'gh_mac.zip', sha256: SHA, size: 1, url: `${URL}/gh_mac.zip` },
        'linux-x64': { hashSource: 'digest', name: 'gh_linux.tar.gz', sha256: SHA, size: 2, url: `${URL}/gh_linux.tar.gz` },
      },
    },
  },
};

describe('the attestation field of a lock line', () => {
  it('is written first on its line and read back; a line without it (an older lock) stays without it', () => {
    const text = serializeLock(lock);
    assert.match(text, new RegExp(`"darwin-arm64": \\{"attestation": "${VERIFIED.replace(/[./]/g, '\\$&')}", "hashSource": "digest"`));
    assert.deepEqual(parseLock(text, '/p/.tools.lock'), lock);
  });

  it('an outcome the lock format does not know is TOOL_BAD_LOCK on its line', () => {
    const text = serializeLock(lock).replace(VERIFIED, 'trusted');
    assert.throws(() => parseLock(text, '/p/.tools.lock'), (error: unknown) => isToolError(error, 'TOOL_BAD_LOCK') && /^\/p\/\.tools\.lock line 11: tool "gh" darwin-arm64 attestation "trusted" is not/.test(error.message));
  });
});
