/** The fields of GitHub's release JSON that `tool` reads, and nothing more. */

export interface Asset {
  id: number;
  name: string;
  size: number;
  /** "sha256:<hex>" for assets uploaded since mid-2025, else null. */
  digest: string | null;
  browser_download_url: string;
  /** API address; with Accept: application/octet-stream it redirects to the bytes. */
  url: string;
  content_type?: string;
}

export interface Release {
  id: number;
  tag_name: string;
  name: string | null;
  draft: boolean;
  prerelease: boolean;
  published_at: string | null;
  html_url?: string;
  assets: Asset[];
}

/** The release client the rest of the program depends on; tests may fake it. */
export interface GitHubClient {
  /** Newest release that is neither draft nor prerelease; undefined when the repo has none. */
  latestRelease(repo: string): Promise<Release | undefined>;
  /** undefined on 404. */
  releaseByTag(repo: string, tag: string): Promise<Release | undefined>;
  /** Releases newest first, following Link pagination (at most `maxPages` pages of 100). Throws TOOL_NOT_FOUND for a missing repo. */
  listReleases(repo: string, maxPages?: number): Promise<Release[]>;
  /** Raw bytes of a release asset, following the CDN redirect, never sending the token off the API host. */
  openAsset(asset: Asset): Promise<AssetStream>;
  /** Small text assets such as checksum files. */
  fetchText(asset: Asset): Promise<string>;
  /**
   * A file of a repository at a ref (the contents API, as aqua reads its registry),
   * checked against the git blob id GitHub reports for it. undefined on 404.
   */
  repositoryFile(repo: string, path: string, ref: string): Promise<RepositoryFile | undefined>;
  /**
   * The Sigstore bundles of GitHub's artifact attestations for an artifact with
   * this SHA-256 in `repo` (GET /repos/{repo}/attestations/sha256:{hex}); [] when none (404).
   */
  attestations(repo: string, sha256: string): Promise<unknown[]>;
  /** The core API rate limit now (GET /rate_limit, which does not count against it); undefined when the server has none. */
  rateLimit(): Promise<RateLimit | undefined>;
}

export interface RateLimit {
  limit: number;
  remaining: number;
  used: number;
  /** When the window resets, seconds since the epoch. */
  reset: number;
}

export interface AssetStream {
  body: NodeJS.ReadableStream & AsyncIterable<Buffer>;
  /** Content-Length when the server sent one. */
  size: number | undefined;
  url: string;
}

export interface RepositoryFile {
  /** The git blob id (SHA-1 of "blob <size>\0<bytes>"), verified against the bytes. */
  sha: string;
  text: string;
}
