/**
 * The network as the user configured it, read once when the GitHub client is
 * made: the proxy variables, a private CA (settings `ca-file` or TOOL_CA_FILE)
 * and the settings file's `url-rewrite` rules. A bad value stops here with one
 * line naming it, before any request.
 */
import { createSecureContext } from 'node:tls';
import { trustedRoots } from '../env/ca-file.js';
import { readProxySettings } from '../env/proxy-settings.js';
import type { Settings } from '../env/settings.js';
import { readRewriteRules, type RewriteRule } from '../env/url-rewrite.js';
import type { Transport } from './http-transport.js';

export interface Network {
  transport: Transport;
  rewrites: RewriteRule[];
}

export function readNetwork(settings: Pick<Settings, 'env' | 'file'>): Network {
  const roots = trustedRoots(settings.env, settings.file);
  return {
    transport: {
      proxies: readProxySettings(settings.env),
      // Made once: parsing ~150 roots for every connection would cost more than the handshake.
      secureContext: roots ? createSecureContext({ ca: roots }) : undefined,
    },
    rewrites: readRewriteRules(settings.file),
  };
}
