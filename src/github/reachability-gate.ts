/**
 * For a batch of lookups that run concurrently (`tool outdated`): the first
 * request goes alone, and every other call waits until it is answered. When
 * that answer is that GitHub cannot be reached at all (connection refused, DNS
 * failure, no route), the batch is offline: the waiting calls and every later
 * one fail at once with that same error, instead of each trying, and retrying,
 * the network again. Any answer from the server, even an error status, opens
 * the gate. A connection failure later in the batch closes it the same way.
 */
import { isToolError, type ToolError } from '../core/errors.js';
import { isUnreachable as isUnreachableCause } from './http-errors.js';
import type { GitHubClient } from './types.js';

/** A TOOL_NETWORK error caused by no connection being made at all (not by an answer, nor a dropped transfer). */
export function isUnreachable(error: unknown): boolean {
  return isToolError(error, 'TOOL_NETWORK') && isUnreachableCause(error.cause);
}

export interface ReachabilityGate {
  client: GitHubClient;
  /** The connection failure that made the batch offline, if one did. */
  offline(): ToolError | undefined;
}

export function gateFirstRequest(inner: GitHubClient): ReachabilityGate {
  let offline: ToolError | undefined;
  let probing = false;
  let opened = false;
  let open!: () => void;
  const answered = new Promise<void>((resolve) => (open = resolve));
  const note = (error: unknown) => {
    if (isUnreachable(error)) offline ??= error as ToolError;
  };

  async function probe<T>(request: () => Promise<T>): Promise<T> {
    probing = true;
    try {
      return await request();
    } catch (error) {
      note(error);
      throw error;
    } finally {
      opened = true;
      open();
    }
  }

  async function call<T>(request: () => Promise<T>): Promise<T> {
    if (!opened) {
      if (!probing) return probe(request);
      await answered;
    }
    if (offline) throw offline;
    try {
      return await request();
    } catch (error) {
      note(error);
      throw error;
    }
  }

  const client: GitHubClient = {
    latestRelease: (repo) => call(() => inner.latestRelease(repo)),
    releaseByTag: (repo, tag) => call(() => inner.releaseByTag(repo, tag)),
    listReleases: (repo, maxPages) => call(() => inner.listReleases(repo, maxPages)),
    openAsset: (asset) => call(() => inner.openAsset(asset)),
    fetchText: (asset) => call(() => inner.fetchText(asset)),
    repositoryFile: (repo, path, ref) => call(() => inner.repositoryFile(repo, path, ref)),
    rateLimit: () => call(() => inner.rateLimit()),
    attestations: (repo, sha256) => call(() => inner.attestations(repo, sha256)),
  };
  return { client, offline: () => offline };
}
