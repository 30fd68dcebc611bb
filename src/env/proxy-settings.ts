/**
 * Which proxy a request goes through, from HTTPS_PROXY / HTTP_PROXY / NO_PROXY
 * in either case; the lower-case one wins when both are set, as in curl. An
 * https URL uses HTTPS_PROXY, a plain http one (loopback only) HTTP_PROXY.
 * Only http:// proxies are spoken to (an https target still gets TLS end to
 * end, through a CONNECT tunnel). Decided per URL, so each redirect hop is
 * judged on its own host. Pure apart from reading the environment it is given.
 */
import { ToolError } from '../core/errors.js';
import { noProxyMatch, parseNoProxy, type NoProxyEntry } from './no-proxy.js';

export interface Proxy {
  url: URL;
  /** The variable it came from, as set: "https_proxy", "HTTP_PROXY". */
  variable: string;
  /** The URL without its password, for every message. */
  shown: string;
}

export interface ProxySettings {
  https: Proxy | undefined;
  http: Proxy | undefined;
  noProxy: NoProxyEntry[];
  /** The NO_PROXY variable as set, for messages. */
  noProxyVariable: string | undefined;
}

/** What happens to one URL: through a proxy, or direct and why. */
export type ProxyDecision =
  | { kind: 'proxy'; proxy: Proxy }
  | { kind: 'direct'; bypass: NoProxyEntry; variable: string }
  | { kind: 'direct'; bypass: undefined; variable: string };

/** user:pass@ becomes user:***@, so messages and doctor never show a password. */
export function redactProxy(url: URL): string {
  const copy = new URL(url.href);
  if (copy.password) copy.password = '***';
  return copy.href.replace(/\/$/, '');
}

/** Lower case first, like curl; an empty value counts as unset. */
function variable(env: NodeJS.ProcessEnv, upper: string): { name: string; value: string } | undefined {
  const lower = upper.toLowerCase();
  if (env[lower]) return { name: lower, value: env[lower]! };
  if (env[upper]) return { name: upper, value: env[upper]! };
  return undefined;
}

function parseProxy(name: string, value: string): Proxy {
  // curl and most tools accept "proxy:3128" without a scheme, meaning http.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `http://${value}`;
  const url = URL.parse(text);
  if (!url || !url.hostname) {
    throw new ToolError('TOOL_BAD_SETTING', `${name}="${value}" is not a proxy URL`, { hint: `Set it to http://HOST:PORT (or http://USER:PASSWORD@HOST:PORT), or unset it` });
  }
  const shown = redactProxy(url);
  if (url.protocol !== 'http:') {
    throw new ToolError('TOOL_BAD_SETTING', `${name}=${shown} is an ${url.protocol.replace(/:$/, '')}:// proxy; tool speaks only to http:// proxies`, {
      hint: `Write http://${url.host} if the proxy also answers plain http (https downloads stay encrypted end to end through it), or unset ${name}`,
    });
  }
  return { url, variable: name, shown };
}

/** undefined when no proxy variable is set at all: the fast path never loads the proxy code. */
export function readProxySettings(env: NodeJS.ProcessEnv): ProxySettings | undefined {
  const https = variable(env, 'HTTPS_PROXY');
  const http = variable(env, 'HTTP_PROXY');
  if (!https && !http) return undefined;
  const noProxy = variable(env, 'NO_PROXY');
  return {
    https: https && parseProxy(https.name, https.value),
    http: http && parseProxy(http.name, http.value),
    noProxy: parseNoProxy(noProxy?.value),
    noProxyVariable: noProxy?.name,
  };
}

export function decideProxy(url: URL, settings: ProxySettings | undefined): ProxyDecision {
  const secure = url.protocol === 'https:';
  const wanted = secure ? 'HTTPS_PROXY' : 'HTTP_PROXY';
  const proxy = secure ? settings?.https : settings?.http;
  if (!proxy) return { kind: 'direct', bypass: undefined, variable: wanted };
  const bypass = noProxyMatch(url, settings!.noProxy);
  if (bypass) return { kind: 'direct', bypass, variable: settings!.noProxyVariable ?? 'NO_PROXY' };
  return { kind: 'proxy', proxy };
}

/** One line for doctor: "through http://proxy:3128 (HTTPS_PROXY)", "direct (NO_PROXY has .corp)". */
export function describeDecision(decision: ProxyDecision): string {
  if (decision.kind === 'proxy') return `through ${decision.proxy.shown} (${decision.proxy.variable})`;
  if (decision.bypass) return `direct (${decision.variable} has "${decision.bypass.text}")`;
  return `direct (no ${decision.variable} set)`;
}
