/** Which proxy a URL goes through: the variables in either case, NO_PROXY's forms, and redaction. Pure. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { isToolError } from '../../../src/core/errors.js';
import { decideProxy, describeDecision, readProxySettings } from '../../../src/env/proxy-settings.js';

const decide = (url: string, env: NodeJS.ProcessEnv) => describeDecision(decideProxy(new URL(url), readProxySettings(env)));

describe('proxy settings', () => {
  it('are absent when no proxy variable is set, so nothing else is loaded', () => {
    assert.equal(readProxySettings({}), undefined);
    assert.equal(readProxySettings({ NO_PROXY: '*', HTTPS_PROXY: '' }), undefined);
  });

  it('use HTTPS_PROXY for https and HTTP_PROXY for http, the lower-case name winning', () => {
    const env = { HTTPS_PROXY: 'http://upper:3128', https_proxy: 'http://lower:3128', HTTP_PROXY: 'plain:8080' };
    assert.equal(decide('https://api.downloads.example/x', env), 'through http://lower:3128 (https_proxy)');
    assert.equal(decide('http://127.0.0.1:9/x', env), 'through http://plain:8080 (HTTP_PROXY)');
    assert.equal(decide('http://127.0.0.1:9/x', { HTTPS_PROXY: 'http://p:1' }), 'direct (no HTTP_PROXY set)');
  });

  it('never show a password', () => {
    assert.equal(decide('https://downloads.example/', { HTTPS_PROXY: 'http://alice:s3cret@proxy:3128' }), 'through http://alice:***@proxy:3128 (HTTPS_PROXY)');
  });

  const bypass: Array<[string, string, boolean]> = [
    ['*', 'https://downloads.example/', true],
    ['downloads.example', 'https://downloads.example/', true],
    ['downloads.example', 'https://api.downloads.example/', true],
    ['.downloads.example', 'https://downloads.example/', true],
    ['.downloads.example', 'https://API.Downloads.example./', true],
    ['*.githubusercontent.com', 'https://release-assets.githubusercontent.com/', true],
    ['loads.example', 'https://downloads.example/', false],
    ['downloads.example:443', 'https://downloads.example/', true],
    ['downloads.example:8443', 'https://downloads.example/', false],
    ['127.0.0.1', 'http://127.0.0.1:8080/', true],
    ['0.0.1', 'http://127.0.0.1:8080/', false],
    ['[::1]', 'http://[::1]:8080/', true],
    ['::1', 'http://[::1]:8080/', true],
    ['[::1]:9', 'http://[::1]:8080/', false],
  ];
  for (const [noProxy, url, direct] of bypass) {
    it(`NO_PROXY=${noProxy} ${direct ? 'sends' : 'does not send'} ${url} direct`, () => {
      const env = { HTTPS_PROXY: 'http://p:1', HTTP_PROXY: 'http://p:1', no_proxy: `other.example, ${noProxy}` };
      assert.equal(decide(url, env), direct ? `direct (no_proxy has "${noProxy}")` : 'through http://p:1 (HTTP' + (url.startsWith('https') ? 'S' : '') + '_PROXY)');
    });
  }

  it('refuse a proxy that is not http:// in one line, password redacted', () => {
    for (const [value, kind] of [['https://u:pw@proxy:443', 'https'], ['socks5://proxy:1080', 'socks5']] as const) {
      assert.throws(() => readProxySettings({ HTTPS_PROXY: value }), (error: unknown) => {
        assert.ok(isToolError(error, 'TOOL_BAD_SETTING'));
        assert.match(error.message, new RegExp(`is an ${kind}:// proxy; tool speaks only to http:// proxies`));
        assert.doesNotMatch(error.message, /pw/);
        return true;
      });
    }
  });
});
