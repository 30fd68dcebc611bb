/**
 * The network as tool will use it, decided without a request: which proxy the
 * API host, the download host (and GitHub's CDN) go through, or that they go
 * direct and which NO_PROXY entry said so; the CA file in use; each url-rewrite
 * rule with a download URL it turns into what. A proxy URL, CA file or rule
 * that would stop every download is a problem here too.
 */
import { isToolError } from '../../core/errors.js';
import { locateCaFile, readCaCertificates } from '../../env/ca-file.js';
import { decideProxy, describeDecision, readProxySettings, type ProxySettings } from '../../env/proxy-settings.js';
import { describeRule, readRewriteRules, rewriteUrl, type RewriteRule } from '../../env/url-rewrite.js';
import type { Settings } from '../../env/settings.js';
import type { AppContext } from '../context.js';
import { result, type CheckResult, type Problem } from './types.js';

/** GitHub's release CDN, where github.com's download redirects lead. */
const GITHUB_CDN = 'https://release-assets.githubusercontent.com/';

/** The hosts a request of tool reaches, by role: the API, release downloads, and on github.com the CDN. */
export function networkHosts(apiUrl: URL): Array<[string, URL]> {
  if (apiUrl.hostname === 'api.github.com') {
    return [['API', apiUrl], ['downloads', new URL('https://github.com/')], ['CDN', new URL(GITHUB_CDN)]];
  }
  // GitHub Enterprise serves downloads from its own host: https://HOST/api/v3 → https://HOST/.
  return [['API', apiUrl], ['downloads', new URL('/', apiUrl)]];
}

/** A release download URL on `downloads`, to show what each rule makes of one. */
export function sampleDownload(downloads: URL): URL {
  return new URL('/OWNER/REPO/releases/download/v1.0.0/tool-linux-x64.tar.gz', downloads);
}

function proxyLines(apiUrl: URL, proxies: ProxySettings | undefined): string[] {
  if (!proxies) return [];
  return networkHosts(apiUrl).map(([role, url]) => `${role} ${url.origin}: ${describeDecision(decideProxy(url, proxies))}`);
}

function caLine(settings: Pick<Settings, 'env' | 'file'>, problems: Problem[]): string | undefined {
  const env = settings.env;
  const extra = env.NODE_EXTRA_CA_CERTS ? `NODE_EXTRA_CA_CERTS=${env.NODE_EXTRA_CA_CERTS} (read by Node at start-up)` : undefined;
  try {
    const ca = locateCaFile(env, settings.file);
    if (!ca) return extra && `CA: ${extra}`;
    const count = readCaCertificates(ca).length;
    return `CA file ${ca.path} (from ${ca.source}): ${count} ${count === 1 ? 'certificate' : 'certificates'} added to Node's roots${extra ? `, and ${extra}` : ''}`;
  } catch (error) {
    if (!isToolError(error)) throw error;
    problems.push({ message: error.message, fix: error.hint ?? 'fix the CA file setting' });
    return undefined;
  }
}

/**
 * What a rule makes of a download from the configured host, else of one from
 * github.com (what most rules are written for). A rule that turns it into a
 * URL tool refuses to fetch would stop those downloads: a problem, not a note.
 */
function ruleLine(rule: RewriteRule, samples: URL[], problems: Problem[]): string | undefined {
  const head = `url-rewrite ${describeRule(rule)} (${rule.where})`;
  try {
    for (const sample of samples) {
      const rewritten = rewriteUrl(sample, [rule]);
      if (rewritten) return `${head}: ${sample.href} -> ${rewritten.url.href}`;
    }
    return `${head}: leaves downloads such as ${samples[0]!.href} alone`;
  } catch (error) {
    if (!isToolError(error)) throw error;
    problems.push({ message: error.message, fix: error.hint ?? `fix or remove the rule (${rule.where})` });
    return undefined;
  }
}

/** Reads one part of the configuration; a bad value becomes a problem and the rest is still reported. */
function attempt<T>(read: () => T, problems: Problem[]): T | undefined {
  try {
    return read();
  } catch (error) {
    if (!isToolError(error)) throw error;
    problems.push({ message: error.message, fix: error.hint ?? 'fix the setting' });
    return undefined;
  }
}

export function judgeNetwork(settings: Pick<Settings, 'env' | 'file' | 'apiUrl'>): CheckResult {
  const problems: Problem[] = [];
  const proxies = attempt(() => readProxySettings(settings.env), problems);
  const rules = attempt(() => readRewriteRules(settings.file), problems) ?? [];
  const ca = caLine(settings, problems);
  const downloads = networkHosts(settings.apiUrl)[1]![1];
  const samples = [...new Set([downloads.origin, 'https://github.com'])].map((origin) => sampleDownload(new URL(origin)));
  const notes = [...proxyLines(settings.apiUrl, proxies), ...(ca ? [ca] : []), ...rules.flatMap((rule) => ruleLine(rule, samples, problems) ?? [])];
  const summary = [
    proxies ? 'proxy variables set (each host below)' : 'no proxy variables: direct to every host',
    ca ? 'a private CA' : "Node's certificate authorities",
    rules.length === 0 ? 'no url-rewrite rules' : `${rules.length} url-rewrite ${rules.length === 1 ? 'rule' : 'rules'}`,
  ].join('; ');
  return result('network', summary, problems, notes);
}

export async function checkNetwork(ctx: AppContext): Promise<CheckResult> {
  return judgeNetwork(ctx.settings);
}
