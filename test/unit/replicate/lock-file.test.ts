import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import {
  DEFAULT_LOCK_PLATFORMS,
  emptyLock,
  isLockedAsset,
  parseLock,
  serializeLock,
  withTool,
  withoutTool,
  type LockedAsset,
  type LockedTool,
  type Lockfile,
} from '../../../src/replicate/lock-file.js';

const SHA_MAC = '0123456789abcdef'.repeat(4);
const SHA_LINUX = 'fedcba9876543210'.repeat(4);
const SHA_YT = 'ab'.repeat(32);
// The project's release server address shape: tests name no real hosts.
const RG_URL = 'http://127.0.0.1:9/BurntSushi/ripgrep/releases/download/9.99.1';

const rgLinux: LockedAsset = { hashSource: 'checksum-file:rg.tar.gz.sha256', name: 'rg.tar.gz', sha256: SHA_LINUX, size: 456, url: `${RG_URL}/rg.tar.gz` };

const ripgrep: LockedTool = {
  repo: 'BurntSushi/ripgrep',
  spec: '9',
  tag: '9.99.1',
  version: '9.99.1',
  assets: {
    'darwin-arm64': { hashSource: 'digest', name: 'rg-9.99.1-aarch64-apple-darwin.tar.gz', sha256: SHA_MAC, size: 123, url: `${RG_URL}/rg-mac.tar.gz` },
    'linux-x64': rgLinux,
    'windows-x64': { missing: 'no asset for this platform' },
  },
};

const ytDlp: LockedTool = {
  repo: 'yt-dlp/yt-dlp',
  spec: 'latest',
  tag: '2099.01.01',
  version: '2099.01.01',
  assets: { 'linux-x64': { hashSource: 'downloaded', name: 'yt-dlp_linux', sha256: SHA_YT, size: 0, url: 'http://127.0.0.1:9/yt-dlp_linux' } },
};

const lock: Lockfile = { lockVersion: 1, platforms: ['darwin-arm64', 'linux-x64'], tools: { 'BurntSushi/ripgrep': ripgrep, 'yt-dlp': ytDlp } };

/** The exact bytes `lock` serializes to; the error tests below edit it and count on these line numbers. */
const GOLDEN = `{
  "lockVersion": 1,
  "platforms": ["darwin-arm64", "linux-x64"],
  "tools": {
    "BurntSushi/ripgrep": {
      "repo": "BurntSushi/ripgrep",
      "spec": "9",
      "tag": "9.99.1",
      "version": "9.99.1",
      "assets": {
        "darwin-arm64": {"hashSource": "digest", "name": "rg-9.99.1-aarch64-apple-darwin.tar.gz", "sha256": "${SHA_MAC}", "size": 123, "url": "${RG_URL}/rg-mac.tar.gz"},
        "linux-x64": {"hashSource": "checksum-file:rg.tar.gz.sha256", "name": "rg.tar.gz", "sha256": "${SHA_LINUX}", "size": 456, "url": "${RG_URL}/rg.tar.gz"},
        "windows-x64": {"missing": "no asset for this platform"}
      }
    },
    "yt-dlp": {
      "repo": "yt-dlp/yt-dlp",
      "spec": "latest",
      "tag": "2099.01.01",
      "version": "2099.01.01",
      "assets": {
        "linux-x64": {"hashSource": "downloaded", "name": "yt-dlp_linux", "sha256": "${SHA_YT}", "size": 0, "url": "http://127.0.0.1:9/yt-dlp_linux"}
      }
    }
  }
}
`;

/** GOLDEN with one exact substring replaced; fails loudly if the substring is not there. */
function edit(from: string, to: string, text = GOLDEN): string {
  assert.ok(text.includes(from), `fixture does not contain ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function assertBadLock(text: string, line: number, detail: RegExp): void {
  assert.throws(
    () => parseLock(text, '/p/.tools.lock'),
    (error: unknown) => {
      assert.ok(isToolError(error, 'TOOL_BAD_LOCK'), `expected TOOL_BAD_LOCK, got ${String(error)}`);
      assert.ok(error.message.startsWith(`/p/.tools.lock line ${line}: `), error.message);
      assert.match(error.message, detail);
      assert.equal(error.hint, 'Run `tool lock` to rewrite it');
      return true;
    },
  );
}

describe('serializeLock', () => {
  it('writes sorted keys, two-space indentation, assets last and each platform entry on one line', () => {
    assert.equal(serializeLock(lock), GOLDEN);
  });

  it('writes the same bytes whatever order the tools, platforms and assets were added in', () => {
    const reversedAssets = Object.fromEntries(Object.entries(ripgrep.assets).reverse());
    const shuffled: Lockfile = {
      lockVersion: 1,
      platforms: ['linux-x64', 'darwin-arm64', 'linux-x64'],
      tools: { 'yt-dlp': ytDlp, 'BurntSushi/ripgrep': { assets: reversedAssets, version: '9.99.1', tag: '9.99.1', spec: '9', repo: 'BurntSushi/ripgrep' } },
    };
    assert.equal(serializeLock(shuffled), GOLDEN);
  });

  it('sorts tool ids case-insensitively, then upper case before lower case, without the locale', () => {
    const ids = ['yt-dlp', 'b', 'BurntSushi/ripgrep', 'a', 'B', 'A', 'éclair', 'Zed'];
    const many = ids.reduce((acc, id) => withTool(acc, id, ytDlp), emptyLock());
    const order = Object.keys((JSON.parse(serializeLock(many)) as Lockfile).tools);
    assert.deepEqual(order, ['A', 'a', 'B', 'b', 'BurntSushi/ripgrep', 'yt-dlp', 'Zed', 'éclair']);
  });

  it('changes exactly one line when one platform entry’s sha256 changes', () => {
    const relocked = withTool(lock, 'BurntSushi/ripgrep', {
      ...ripgrep,
      assets: { ...ripgrep.assets, 'linux-x64': { ...rgLinux, sha256: SHA_YT } },
    });
    const before = serializeLock(lock).split('\n');
    const after = serializeLock(relocked).split('\n');
    assert.equal(after.length, before.length);
    const changed = after.flatMap((line, index) => (line === before[index] ? [] : [index + 1]));
    assert.deepEqual(changed, [12]);
    assert.match(after[11] ?? '', /^ {8}"linux-x64": \{"hashSource": .*"sha256": "(ab)+".*\},$/);
  });

  it('writes an empty lock with {} for the tools', () => {
    assert.equal(
      serializeLock(emptyLock()),
      '{\n  "lockVersion": 1,\n  "platforms": ["darwin-arm64", "darwin-x64", "linux-arm64", "linux-x64"],\n  "tools": {}\n}\n',
    );
  });

  it('escapes quotes, backslashes, control characters and "__proto__" so odd names round-trip on one line each', () => {
    const odd: LockedTool = {
      repo: 'o/"r"\\epo',
      spec: '>=1 <2',
      tag: 'v1\ttab',
      version: '1.0.0',
      assets: {
        'linux-x64-musl': { hashSource: 'checksum-file:a "b"\n.sha256', name: 'x\r\ny\u2028z.tar.gz', sha256: null, size: 1, url: 'http://127.0.0.1:9/x?a="1"' },
        'darwin-x64': { missing: 'only\nlinux "builds"' },
      },
    };
    const oddLock = withTool(withTool(emptyLock(), 'we"ird\\na\nme ☃', odd), '__proto__', ytDlp);
    const text = serializeLock(oddLock);
    assert.equal(text.split('\n').length, 26, text);
    assert.ok(text.includes('        "darwin-x64": {"missing": "only\\nlinux \\"builds\\""},\n'), text);
    const back = parseLock(text, 'odd.lock');
    assert.deepEqual(back, oddLock);
    assert.deepEqual(Object.keys(back.tools), ['__proto__', 'we"ird\\na\nme ☃']);
    assert.equal(Object.getPrototypeOf(back.tools), Object.prototype);
  });
});

describe('parseLock', () => {
  it('reads back exactly what serializeLock wrote', () => {
    assert.deepEqual(parseLock(GOLDEN, '.tools.lock'), lock);
    assert.deepEqual(parseLock(serializeLock(emptyLock(['linux-x64-musl'])), '.tools.lock'), emptyLock(['linux-x64-musl']));
  });

  it('accepts a byte order mark and CRLF line endings', () => {
    assert.deepEqual(parseLock(`\uFEFF${GOLDEN.replace(/\n/g, '\r\n')}`, '.tools.lock'), lock);
  });

  it('reports invalid JSON on the line where the parser stopped, from V8’s "at position N"', () => {
    assertBadLock(edit('"rg.tar.gz", "sha256"', '"rg.tar.gz" "sha256"'), 12, /not valid JSON \(Expected ',' or '}' after property value/);
  });

  it('reports an unexpected token on its line although V8 prints a snippet instead of a position', () => {
    assertBadLock(edit('"tag": "2099.01.01"', '"tag": ]'), 19, /not valid JSON \(Unexpected token '\]'\)$/);
    assertBadLock(`\n\n]${GOLDEN}`, 3, /Unexpected token '\]'/);
    assertBadLock(edit('  }\n}\n', '  },\n  "z": ]\n}\n'), 26, /Unexpected token '\]'/);
  });

  it('reports a truncated file on its last line, not on the empty line after it', () => {
    const cut = (lines: number, tail = '\n') => `${GOLDEN.split('\n').slice(0, lines).join('\n')}${tail}`;
    assertBadLock(cut(20), 20, /Expected double-quoted property name/);
    assertBadLock(cut(13), 13, /Expected ',' or '}' after property value/);
    assertBadLock(cut(10, '\n\n'), 10, /Expected property name or '}'/);
    assertBadLock('{\n  "lockVersion": 1,\n  "platforms": [\n\n', 3, /Unexpected end of JSON input/);
    assertBadLock(cut(12).slice(0, -30), 12, /Unterminated string/);
  });

  it('rejects a lockVersion other than 1 on its line, asking for an upgrade when it is newer', () => {
    assertBadLock(edit('"lockVersion": 1', '"lockVersion": "1"'), 2, /lockVersion "1" is not supported/);
    assert.throws(() => parseLock(edit('"lockVersion": 1', '"lockVersion": 2'), 'l'), { code: 'TOOL_BAD_LOCK', hint: 'Upgrade tool to read it, or run `tool lock` to rewrite it' });
  });

  it('rejects a sha256 that is not 64 lowercase hex digits, on that tool’s platform line', () => {
    assertBadLock(edit(SHA_YT, SHA_YT.toUpperCase()), 22, /tool "yt-dlp" linux-x64 sha256 must be 64 lowercase hex digits or null/);
    assertBadLock(edit(SHA_MAC, SHA_MAC.slice(1)), 11, /tool "BurntSushi\/ripgrep" darwin-arm64 sha256/);
  });

  it('rejects a relative or non-http url', () => {
    assertBadLock(edit(`"${RG_URL}/rg-mac.tar.gz"`, '"/releases/rg-mac.tar.gz"'), 11, /darwin-arm64 url must start with https:\/\/ or http:\/\//);
    assertBadLock(edit('"http://127.0.0.1:9/yt-dlp_linux"', '"file:///etc/passwd"'), 22, /url must start with/);
  });

  it('rejects a negative or fractional size', () => {
    assertBadLock(edit('"size": 456', '"size": -1'), 12, /linux-x64 size must be a whole number of bytes, not -1/);
    assertBadLock(edit('"size": 0', '"size": 0.5'), 22, /size must be a whole number/);
  });

  it('rejects a tool or asset with a missing field, on the tool’s or platform’s line', () => {
    assertBadLock(edit('"tag": "2099.01.01",\n      ', ''), 16, /tool "yt-dlp" has no "tag"/);
    assertBadLock(edit('"name": "rg.tar.gz", ', ''), 12, /tool "BurntSushi\/ripgrep" linux-x64 has no "name"/);
  });

  it('places a problem on its key’s line, not on an earlier value spelling the same string', () => {
    // "yt-dlp/yt-dlp" is first written as yt-dlp's repo (line 17), then as a tool key (line 25).
    const text = serializeLock(withTool(lock, 'yt-dlp/yt-dlp', { ...ytDlp, spec: '' }));
    assertBadLock(text, 25, /tool "yt-dlp\/yt-dlp" spec must be a non-empty string/);
  });

  it('rejects an empty string field and an unknown field', () => {
    assertBadLock(edit('"repo": "yt-dlp/yt-dlp"', '"repo": ""'), 16, /tool "yt-dlp" repo must be a non-empty string/);
    assertBadLock(edit('"missing": "no asset for this platform"', '"missing": "gone", "why": 1'), 13, /windows-x64 has an unknown field "why"/);
    assertBadLock(edit('"lockVersion": 1,', '"lockVersion": 1,\n  "extra": true,'), 3, /the lock has an unknown field "extra"/);
  });

  it('rejects a gap whose reason is not a string', () => {
    assertBadLock(edit('"missing": "no asset for this platform"', '"missing": null'), 13, /windows-x64 "missing" must be a string/);
  });

  it('rejects platforms that are not platform names or are listed twice', () => {
    assertBadLock(edit('["darwin-arm64", "linux-x64"]', '["darwin-arm64", "Linux x64"]'), 3, /"Linux x64" is not a platform/);
    assertBadLock(edit('["darwin-arm64", "linux-x64"]', '["linux-x64", "linux-x64"]'), 3, /lists linux-x64 twice/);
    assertBadLock(edit('"windows-x64": {', '"windows": {'), 13, /asset key "windows" is not a platform/);
  });

  it('rejects a top level that is not a lock object', () => {
    assertBadLock('[]\n', 1, /the lock must be an object, not \[\]/);
    assertBadLock('{\n  "lockVersion": 1,\n  "platforms": [],\n  "tools": []\n}\n', 4, /"tools" must be an object, not \[\]/);
  });
});

describe('emptyLock, withTool and withoutTool', () => {
  it('emptyLock defaults to the four desktop platforms and sorts and dedupes the ones given', () => {
    assert.deepEqual(emptyLock(), { lockVersion: 1, platforms: [...DEFAULT_LOCK_PLATFORMS], tools: {} });
    assert.deepEqual(emptyLock(['linux-x64', 'darwin-arm64', 'linux-x64']).platforms, ['darwin-arm64', 'linux-x64']);
  });

  it('withTool adds or replaces one tool and leaves its input untouched', () => {
    const before = structuredClone(lock);
    const replaced = withTool(lock, 'yt-dlp', ripgrep);
    assert.equal(replaced.tools['yt-dlp'], ripgrep);
    assert.equal(replaced.tools['BurntSushi/ripgrep'], ripgrep);
    assert.deepEqual(Object.keys(withTool(lock, 'jq', ytDlp).tools), ['BurntSushi/ripgrep', 'yt-dlp', 'jq']);
    assert.deepEqual(lock, before);
    assert.notEqual(replaced.platforms, lock.platforms);
  });

  it('withoutTool removes one tool, ignores an unknown id and leaves its input untouched', () => {
    const before = structuredClone(lock);
    assert.deepEqual(withoutTool(lock, 'yt-dlp').tools, { 'BurntSushi/ripgrep': ripgrep });
    assert.deepEqual(withoutTool(lock, 'jq'), lock);
    assert.deepEqual(lock, before);
  });

  it('isLockedAsset tells an asset from a gap', () => {
    assert.equal(isLockedAsset(rgLinux), true);
    assert.equal(isLockedAsset(ripgrep.assets['windows-x64']!), false);
  });
});
