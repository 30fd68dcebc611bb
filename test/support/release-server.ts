// A fake GitHub for tests: the REST API, the github.com download host and the
// asset CDN, each on its own loopback address so that redirects really leave
// the API host (which is what makes clients drop their token, see
// /work/shared/GITHUB-FACTS.md). Tests never touch the internet.
import { createServer, STATUS_CODES } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { IncomingMessage, OutgoingHttpHeaders, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash, randomBytes } from 'node:crypto';

export interface FakeAsset {
  name: string;
  body: Buffer;
  /** true (default): digest "sha256:<hex of body>"; false: digest null (old asset); string: use this digest verbatim (to simulate tampering). */
  digest?: boolean | string;
  contentType?: string;
}
export interface FakeRelease {
  tag: string;
  name?: string; // default: tag
  draft?: boolean;
  prerelease?: boolean;
  publishedAt?: string; // ISO; default: increasing fake timestamps in insertion order
  assets: FakeAsset[];
}
export interface LoggedRequest { method: string; host: string; path: string; headers: Record<string, string | undefined>; status: number; server: 'api' | 'github' | 'cdn' }
/** status is 0 in the log when the socket was reset instead of answered. */
export interface Failure extends Damage { match: RegExp /* tested against path incl. query */; status?: number; body?: string; times?: number /* default 1 */; reset?: boolean /* destroy the socket instead of answering */; silent?: boolean /* take the request and never answer */ }
/**
 * A failure with neither status nor reset lets the route answer as usual and
 * damages that answer on the wire (only a 200 or 206 with a body): the network
 * faults of test/support/network-scenarios.ts.
 */
export interface Damage {
  /** With a status: the answer's headers. Without: replace these in the real answer (a changed ETag, say). */
  headers?: Record<string, string>;
  /** Send only the first `cut` bytes of the body, then do `after`. */
  cut?: number;
  /** After the (possibly cut) body: reset the connection, stall (send nothing more, keep it open), or close it. Default: reset after a cut, else close. */
  after?: 'reset' | 'stall' | 'close';
  /** Announce Content-Length as the real length plus this (negative: the body is longer than announced). */
  lengthDelta?: number;
  /** Answer 200 with the whole body, whatever Range asks (a server without range support). */
  ignoreRange?: boolean;
}
export interface ReleaseServer {
  apiUrl: string; // "http://127.0.0.1:PORT" — what TOOL_GITHUB_API_URL is set to
  addRelease(repo: string /* "owner/repo" */, release: FakeRelease): void; // the newest-added release is the newest (listed first)
  removeRelease(repo: string, tag: string): void;
  /** A file of the repository at a ref, served by the contents API (JSON with its git blob id, or raw). */
  addContent(repo: string, ref: string, path: string, body: Buffer | string): void;
  /** Serve these Sigstore bundles at GET /repos/{repo}/attestations/sha256:{hex}, as GitHub does (404 when none were added). */
  addAttestations(repo: string, sha256: string, bundles: unknown[]): void;
  requests: LoggedRequest[];
  /**
   * Benchmark only (npm run bench -- --with-mise): the API asset URL answers with
   * the bytes whatever Accept says. mise 2026.9 fetches it accepting any type
   * when api_url is set, where GitHub documents the JSON description as the answer.
   */
  assetBytesForAnyAccept: boolean;
  clearRequests(): void;
  fail(failure: Failure): void; // inject failures, consumed in order of registration
  close(): Promise<void>;
}

type ServerKind = LoggedRequest['server'];
interface StoredRelease { id: number; repo: string; release: FakeRelease; publishedAt: string; assets: StoredAsset[] }
interface StoredAsset { id: number; asset: FakeAsset; release: StoredRelease }
interface Exchange { req: IncomingMessage; res: ServerResponse; path: string; query: URLSearchParams; log: LoggedRequest; damage?: Damage }
interface ApiResult { status: number; json?: unknown; raw?: Buffer; headers?: OutgoingHttpHeaders }

const JSON_TYPE = 'application/json; charset=utf-8';
const NOT_FOUND: ApiResult = { status: 404, json: { message: 'Not Found', documentation_url: 'https://docs.github.com/rest', status: '404' } };
const NO_USER_AGENT = 'Request forbidden by administrative rules. Please make sure your request has a User-Agent header (https://docs.github.com/en/rest/overview/resources-in-the-rest-api#user-agent-required).\n';
const S3_AUTH_ERROR = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>InvalidArgument</Code><Message>Only one auth mechanism allowed; only the X-Amz-Algorithm query parameter, Signature query string parameter or the Authorization header should be specified</Message><ArgumentName>Authorization</ArgumentName></Error>';
const S3_NO_KEY = '<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>';
const FIRST_PUBLISHED = Date.UTC(2024, 0, 1);

// Asset bodies never change once added: hash each once, not on every API answer (a 195 MB asset takes 0.15 s).
const assetDigests = new WeakMap<Buffer, string>();
function assetSha256(body: Buffer): string {
  let digest = assetDigests.get(body);
  if (!digest) assetDigests.set(body, (digest = sha256(body)));
  return digest;
}

function sha256(data: Buffer | string): string {
  return createHash('sha256').update(data).digest('hex');
}
function decode(segment: string): string {
  try { return decodeURIComponent(segment); } catch { return segment; }
}
/** Tags such as "cli/v2.0.0" keep their slashes in github.com URLs. */
function encodeTag(tag: string): string {
  return tag.split('/').map(encodeURIComponent).join('/');
}
function guessContentType(name: string): string {
  if (/\.(tar\.gz|tgz|gz)$/.test(name)) return 'application/gzip';
  if (name.endsWith('.zip')) return 'application/zip';
  if (/(SUMS|\.txt|\.sha256)$/i.test(name)) return 'text/plain';
  return 'application/octet-stream';
}
function intParam(value: string | null): number | undefined {
  const n = value === null ? NaN : Number.parseInt(value, 10);
  return Number.isFinite(n) && n > 0 ? n : undefined;
}
function send(ex: Exchange, status: number, headers: OutgoingHttpHeaders, body?: Buffer | string): void {
  // Set before writing so the log is complete by the time the client sees the response.
  ex.log.status = status;
  if (ex.damage && body !== undefined && (status === 200 || status === 206)) return sendDamaged(ex, status, headers, Buffer.from(body), ex.damage);
  const length = body === undefined ? {} : { 'content-length': Buffer.byteLength(body) };
  ex.res.writeHead(status, { ...headers, ...length });
  ex.res.end(body);
}

/** Writes the answer straight to the socket, so it can lie about its length and break off where a test says. */
function sendDamaged(ex: Exchange, status: number, headers: OutgoingHttpHeaders, body: Buffer, damage: Damage): void {
  const announced = { ...headers, ...damage.headers, 'content-length': body.length + (damage.lengthDelta ?? 0), connection: 'close' };
  const head = [`HTTP/1.1 ${status} ${STATUS_CODES[status]}`, ...Object.entries(announced).map(([name, value]) => `${name}: ${String(value)}`)];
  const socket = ex.req.socket;
  socket.write(`${head.join('\r\n')}\r\n\r\n`);
  const after = damage.after ?? (damage.cut === undefined ? 'close' : 'reset');
  socket.write(body.subarray(0, damage.cut ?? body.length), () => {
    // A reset can discard bytes the client has not read yet; a moment first keeps where it breaks off predictable.
    if (after === 'reset') setTimeout(() => socket.resetAndDestroy(), 20);
    else if (after === 'close') socket.end();
    // 'stall': the socket stays open and silent until the client gives up (or close() ends it).
  });
}

class FakeGitHub implements ReleaseServer {
  apiUrl = '';
  requests: LoggedRequest[] = [];
  assetBytesForAnyAccept = false;
  private githubUrl = '';
  private cdnUrl = '';
  private readonly repos = new Map<string, StoredRelease[]>(); // lower-case "owner/repo" -> newest first
  private readonly assets = new Map<number, StoredAsset>();
  private readonly failures: Array<Failure & { left: number }> = [];
  private readonly servers: Server[] = [];
  private readonly used = { anonymous: 0, token: 0 };
  private readonly rateReset = Math.floor(Date.now() / 1000) + 3600;
  private nextId = 1000;
  private added = 0;

  /** With a certificate (test/support/test-ca.ts) every address is https. */
  constructor(private readonly defaultPerPage: number, private readonly tls?: ServerTls) {}

  private get scheme(): string {
    return this.tls ? 'https' : 'http';
  }

  async start(): Promise<void> {
    this.apiUrl = `${this.scheme}://127.0.0.1:${await this.listen('api', '127.0.0.1', 0)}`;
    const webPort = await this.listen('github', '127.0.0.1', 0);
    this.githubUrl = `${this.scheme}://localhost:${webPort}`;
    // Where "localhost" resolves to ::1 first, answer there too (best effort).
    await this.listen('github', '::1', webPort).catch(() => undefined);
    try {
      this.cdnUrl = `${this.scheme}://127.0.0.2:${await this.listen('cdn', '127.0.0.2', 0)}`;
    } catch {
      // Not every OS routes all of 127/8 to loopback (macOS does not): fall back
      // to 127.0.0.1; the port still differs, so the redirect still changes origin.
      this.cdnUrl = `${this.scheme}://127.0.0.1:${await this.listen('cdn', '127.0.0.1', 0)}`;
    }
  }

  private listen(kind: ServerKind, host: string, port: number): Promise<number> {
    const handler = (req: IncomingMessage, res: ServerResponse) => this.dispatch(kind, req, res);
    const server: Server = this.tls ? createTlsServer(this.tls, handler) : createServer(handler);
    return new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        this.servers.push(server);
        resolve((server.address() as AddressInfo).port);
      });
    });
  }

  private contents = new Map<string, Buffer>();

  addContent(repo: string, ref: string, path: string, body: Buffer | string): void {
    this.contents.set(`${repo.toLowerCase()}@${ref}:${path}`, Buffer.from(body));
  }

  /** GET /repos/o/r/contents/path?ref=: JSON metadata (sha = git blob id), or the bytes with Accept: application/vnd.github.raw. */
  private contentRoute(ex: Exchange, repo: string, path: string): ApiResult {
    const body = this.contents.get(`${repo.toLowerCase()}@${ex.query.get('ref') ?? 'main'}:${path}`);
    if (!body) return NOT_FOUND;
    if ((ex.req.headers.accept ?? '').includes('application/vnd.github.raw')) return { status: 200, raw: body };
    const sha = createHash('sha1').update(`blob ${body.length}\0`).update(body).digest('hex');
    return { status: 200, json: { type: 'file', name: path.split('/').pop(), path, sha, size: body.length, encoding: 'none', content: '' } };
  }

  private attestations = new Map<string, unknown[]>();

  addAttestations(repo: string, sha256: string, bundles: unknown[]): void {
    this.attestations.set(`${repo.toLowerCase()}@${sha256}`, bundles);
  }

  addRelease(repo: string, release: FakeRelease): void {
    if (!/^[^/]+\/[^/]+$/.test(repo)) throw new Error(`repo must be "owner/repo", got ${repo}`);
    this.removeRelease(repo, release.tag); // tags are unique within a repository
    const publishedAt = release.publishedAt ?? new Date(FIRST_PUBLISHED + this.added++ * 3_600_000).toISOString().replace('.000Z', 'Z');
    const stored: StoredRelease = { id: this.nextId++, repo, release, publishedAt, assets: [] };
    for (const asset of release.assets) {
      const storedAsset = { id: this.nextId++, asset, release: stored };
      stored.assets.push(storedAsset);
      this.assets.set(storedAsset.id, storedAsset);
    }
    const key = repo.toLowerCase();
    this.repos.set(key, [stored, ...(this.repos.get(key) ?? [])]);
  }

  removeRelease(repo: string, tag: string): void {
    const key = repo.toLowerCase();
    const releases = this.repos.get(key) ?? [];
    for (const gone of releases.filter((r) => r.release.tag === tag)) {
      for (const asset of gone.assets) this.assets.delete(asset.id);
    }
    this.repos.set(key, releases.filter((r) => r.release.tag !== tag));
  }

  clearRequests(): void {
    this.requests.length = 0; // in place, so references held by tests stay live
  }

  fail(failure: Failure): void {
    this.failures.push({ ...failure, left: failure.times ?? 1 });
  }

  async close(): Promise<void> {
    const servers = this.servers.splice(0);
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections(); // keep-alive sockets would otherwise hold close() open
    })));
  }

  private dispatch(kind: ServerKind, req: IncomingMessage, res: ServerResponse): void {
    const url = req.url ?? '/';
    const queryAt = url.indexOf('?');
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(req.headers)) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    const log: LoggedRequest = { method: req.method ?? 'GET', host: req.headers.host ?? '', path: url, headers, status: 0, server: kind };
    this.requests.push(log);
    const ex: Exchange = {
      req, res, log,
      path: queryAt < 0 ? url : url.slice(0, queryAt),
      query: new URLSearchParams(queryAt < 0 ? '' : url.slice(queryAt + 1)),
    };
    try {
      if (this.injectFailure(kind, ex)) return;
      if (kind === 'api') this.api(ex);
      else if (kind === 'github') this.github(ex);
      else this.cdn(ex);
    } catch (error) {
      send(ex, 500, { 'content-type': 'text/plain' }, `fake GitHub bug: ${String(error)}`);
    }
  }

  private injectFailure(kind: ServerKind, ex: Exchange): boolean {
    const index = this.failures.findIndex((f) => {
      f.match.lastIndex = 0; // a /g regex would otherwise match only every other time
      return f.match.test(ex.log.path);
    });
    const failure = this.failures[index];
    if (!failure) return false;
    if (--failure.left <= 0) this.failures.splice(index, 1);
    if (failure.silent) return true; // the socket stays open until the client gives up (or close() ends it)
    if (failure.status === undefined && !failure.reset) {
      ex.damage = failure; // the route answers; send() damages the answer
      return false;
    }
    if (failure.reset) {
      ex.req.socket.destroy();
      return true;
    }
    const base = kind === 'api' ? { 'content-type': JSON_TYPE, ...this.rateHeaders(ex.req) } : {};
    send(ex, failure.status ?? 500, { ...base, ...failure.headers }, failure.body ?? '{"message":"Server Error"}');
    return true;
  }

  private rateHeaders(req: IncomingMessage): OutgoingHttpHeaders {
    const limit = req.headers.authorization ? 5000 : 60;
    const used = req.headers.authorization ? this.used.token : this.used.anonymous;
    return {
      'x-ratelimit-limit': String(limit),
      'x-ratelimit-remaining': String(Math.max(0, limit - used)),
      'x-ratelimit-used': String(used),
      'x-ratelimit-reset': String(this.rateReset),
      'x-ratelimit-resource': 'core',
    };
  }

  /** GET /rate_limit as GitHub answers it: per resource, with the core limit also under the deprecated "rate". */
  private rateLimitJson(req: IncomingMessage): unknown {
    const limit = req.headers.authorization ? 5000 : 60;
    const used = req.headers.authorization ? this.used.token : this.used.anonymous;
    const core = { limit, used, remaining: Math.max(0, limit - used), reset: this.rateReset };
    const search = { limit: req.headers.authorization ? 30 : 10, used: 0, remaining: req.headers.authorization ? 30 : 10, reset: this.rateReset };
    return { resources: { core, search }, rate: core };
  }

  private api(ex: Exchange): void {
    if (!ex.req.headers['user-agent']) return send(ex, 403, { 'content-type': 'text/plain' }, NO_USER_AGENT);
    const result = this.apiRoute(ex);
    const body = result.raw ?? (result.json === undefined ? '' : JSON.stringify(result.json));
    const etag = `"${sha256(body)}"`;
    const candidates = (ex.req.headers['if-none-match'] ?? '').split(',').map((t) => t.trim().replace(/^W\//, ''));
    if (result.status === 200 && (candidates.includes(etag) || candidates.includes('*'))) {
      return send(ex, 304, { etag, ...this.rateHeaders(ex.req) }); // 304s do not count against the limit
    }
    // GET /rate_limit does not count against the limit (GitHub's documented behaviour).
    if (ex.path !== '/rate_limit') this.used[ex.req.headers.authorization ? 'token' : 'anonymous']++;
    const headers = { 'content-type': JSON_TYPE, etag, 'x-github-api-version-selected': '2022-11-28', ...this.rateHeaders(ex.req), ...result.headers };
    send(ex, result.status, headers, body);
  }

  private apiRoute(ex: Exchange): ApiResult {
    if (ex.path === '/rate_limit') return { status: 200, json: this.rateLimitJson(ex.req) };
    const attested = /^\/repos\/([^/]+)\/([^/]+)\/attestations\/sha256:([0-9a-f]+)$/.exec(ex.path);
    const bundles = attested && this.attestations.get(`${decode(attested[1] ?? '')}/${decode(attested[2] ?? '')}`.toLowerCase() + `@${attested[3]}`);
    if (attested) return bundles ? { status: 200, json: { attestations: bundles.map((bundle) => ({ bundle, repository_id: 1 })) } } : NOT_FOUND;
    const content = /^\/repos\/([^/]+)\/([^/]+)\/contents\/(.+)$/.exec(ex.path);
    if (content) return this.contentRoute(ex, `${decode(content[1] ?? '')}/${decode(content[2] ?? '')}`, decode(content[3] ?? ''));
    const m = /^\/repos\/([^/]+)\/([^/]+)\/releases(\/.*)?$/.exec(ex.path);
    const releases = m ? this.repos.get(`${decode(m[1] ?? '')}/${decode(m[2] ?? '')}`.toLowerCase()) : undefined;
    if (!m || !releases) return NOT_FOUND;
    const visible = releases.filter((r) => !r.release.draft); // drafts are only shown to users with push access
    const rest = m[3] ?? '';
    if (rest === '' || rest === '/') return this.listPage(ex, visible);
    if (rest === '/latest') return this.releaseResult(visible.find((r) => !r.release.prerelease));
    const tag = /^\/tags\/(.+)$/.exec(rest);
    if (tag) return this.releaseResult(visible.find((r) => r.release.tag === decode(tag[1] ?? '')));
    const byId = /^\/(\d+)$/.exec(rest);
    if (byId) return this.releaseResult(visible.find((r) => r.id === Number(byId[1])));
    const assetId = /^\/assets\/(\d+)$/.exec(rest);
    const asset = assetId ? this.assets.get(Number(assetId[1])) : undefined;
    if (!asset || !visible.includes(asset.release)) return NOT_FOUND;
    if ((ex.req.headers.accept ?? '').includes('application/octet-stream') || this.assetBytesForAnyAccept) {
      return { status: 302, headers: { location: this.signedCdnUrl(asset) } };
    }
    return { status: 200, json: this.assetJson(asset) };
  }

  private releaseResult(release: StoredRelease | undefined): ApiResult {
    return release ? { status: 200, json: this.releaseJson(release) } : NOT_FOUND;
  }

  private listPage(ex: Exchange, releases: StoredRelease[]): ApiResult {
    const perPage = Math.min(100, intParam(ex.query.get('per_page')) ?? this.defaultPerPage);
    const page = intParam(ex.query.get('page')) ?? 1;
    const last = Math.max(1, Math.ceil(releases.length / perPage));
    const link = (n: number, rel: string): string => {
      const query = new URLSearchParams(ex.query);
      query.set('page', String(n));
      return `<${this.apiUrl}${ex.path}?${query.toString()}>; rel="${rel}"`;
    };
    const links: string[] = [];
    if (page > 1) links.push(link(page - 1, 'prev'));
    if (page < last) links.push(link(page + 1, 'next'), link(last, 'last'));
    if (page > 1) links.push(link(1, 'first'));
    const json = releases.slice((page - 1) * perPage, page * perPage).map((r) => this.releaseJson(r));
    return { status: 200, json, headers: links.length > 0 ? { link: links.join(', ') } : {} };
  }

  private releaseJson(r: StoredRelease): unknown {
    const { tag } = r.release;
    const apiBase = `${this.apiUrl}/repos/${r.repo}`;
    return {
      url: `${apiBase}/releases/${r.id}`,
      assets_url: `${apiBase}/releases/${r.id}/assets`,
      html_url: `${this.githubUrl}/${r.repo}/releases/tag/${encodeTag(tag)}`,
      id: r.id,
      tag_name: tag,
      target_commitish: 'main',
      name: r.release.name ?? tag,
      draft: r.release.draft ?? false,
      prerelease: r.release.prerelease ?? false,
      created_at: r.publishedAt,
      published_at: r.publishedAt,
      assets: r.assets.map((a) => this.assetJson(a)),
      tarball_url: `${apiBase}/tarball/${encodeTag(tag)}`,
      zipball_url: `${apiBase}/zipball/${encodeTag(tag)}`,
      body: '',
    };
  }

  private assetJson(a: StoredAsset): unknown {
    const { asset, release } = a;
    const digest = asset.digest ?? true;
    return {
      url: `${this.apiUrl}/repos/${release.repo}/releases/assets/${a.id}`,
      id: a.id,
      name: asset.name,
      label: '',
      content_type: asset.contentType ?? guessContentType(asset.name),
      state: 'uploaded',
      size: asset.body.length,
      digest: digest === true ? `sha256:${assetSha256(asset.body)}` : digest === false ? null : digest,
      download_count: 0,
      created_at: release.publishedAt,
      updated_at: release.publishedAt,
      browser_download_url: `${this.githubUrl}/${release.repo}/releases/download/${encodeTag(release.release.tag)}/${encodeURIComponent(asset.name)}`,
    };
  }

  private signedCdnUrl(asset: StoredAsset): string {
    return `${this.cdnUrl}/blob/${asset.id}?sig=${randomBytes(8).toString('hex')}`;
  }

  /** Finds a visible (non-draft) release; tag undefined means "latest". */
  private findRelease(owner: string, repo: string, tag: string | undefined): StoredRelease | undefined {
    const releases = this.repos.get(`${decode(owner)}/${decode(repo)}`.toLowerCase()) ?? [];
    return releases.find((r) => !r.release.draft && (tag === undefined ? !r.release.prerelease : r.release.tag === tag));
  }

  /** github.com: /releases/download/{tag}/{name}, /releases/latest/download/{name} and /releases/latest. */
  private github(ex: Exchange): void {
    const download = /^\/([^/]+)\/([^/]+)\/releases\/(?:download\/(.+)|latest\/download)\/([^/]+)$/.exec(ex.path);
    if (download) {
      const [, owner = '', repo = '', tag, name = ''] = download;
      const release = this.findRelease(owner, repo, tag === undefined ? undefined : decode(tag));
      const asset = release?.assets.find((a) => a.asset.name === decode(name));
      if (asset) return send(ex, 302, { location: this.signedCdnUrl(asset) }, '');
    }
    const latest = /^\/([^/]+)\/([^/]+)\/releases\/latest\/?$/.exec(ex.path);
    const release = latest ? this.findRelease(latest[1] ?? '', latest[2] ?? '', undefined) : undefined;
    if (release) {
      return send(ex, 302, { location: `${this.githubUrl}/${release.repo}/releases/tag/${encodeTag(release.release.tag)}` }, '');
    }
    send(ex, 404, { 'content-type': 'text/plain' }, 'Not Found');
  }

  /** The signed-URL object store: exact bytes, Range support, and no Authorization header allowed. */
  private cdn(ex: Exchange): void {
    const xml = { 'content-type': 'application/xml' };
    if (ex.req.headers.authorization) return send(ex, 400, xml, S3_AUTH_ERROR);
    const blob = /^\/blob\/(\d+)$/.exec(ex.path);
    const stored = blob && ex.query.get('sig') ? this.assets.get(Number(blob[1])) : undefined;
    if (!stored) return send(ex, 404, xml, S3_NO_KEY);
    const body = stored.asset.body;
    const headers = {
      'content-type': 'application/octet-stream',
      'accept-ranges': 'bytes',
      'content-disposition': `attachment; filename=${stored.asset.name}`,
      etag: `"${assetSha256(body).slice(0, 32)}"`,
    };
    const range = /^bytes=(\d+)-(\d*)$/.exec(ex.req.headers.range ?? '');
    const ifRange = ex.req.headers['if-range'];
    if (!range || ex.damage?.ignoreRange || (ifRange !== undefined && ifRange !== headers.etag)) return send(ex, 200, headers, body);
    const start = Number(range[1]);
    const end = range[2] ? Math.min(Number(range[2]), body.length - 1) : body.length - 1;
    if (start >= body.length || end < start) {
      return send(ex, 416, { ...xml, 'content-range': `bytes */${body.length}` }, '');
    }
    send(ex, 206, { ...headers, 'content-range': `bytes ${start}-${end}/${body.length}` }, body.subarray(start, end + 1));
  }
}

/** A key and certificate (PEM) for every address the server listens on. */
export interface ServerTls {
  key: Buffer | string;
  cert: Buffer | string;
}

export async function startReleaseServer(options?: { defaultPerPage?: number; tls?: ServerTls }): Promise<ReleaseServer> {
  const server = new FakeGitHub(options?.defaultPerPage ?? 30, options?.tls);
  await server.start();
  return server;
}
