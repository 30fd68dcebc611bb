/**
 * An asset's bytes as one stream that survives a broken connection. When the
 * body breaks off (reset, stall past the idle timeout, closed before its
 * length), the download asks again from the first missing byte with `Range`
 * and carries on in the same stream. Whoever reads it (the SHA-256 and the
 * extractor in fetch-asset.ts) never sees the seam, so the hash covers the
 * whole file without restarting an extraction that is already under way.
 *
 * A resumed part is only spliced on when it is provably the same file: a 206
 * whose Content-Range starts at the missing byte and has the known total, and
 * `If-Range` with the first answer's strong ETag so a changed file comes back
 * whole (200) instead of as a part. A 200 to a Range request is used only when
 * its ETag matches (the server ignored Range: the bytes already read are
 * skipped); otherwise the download stops with one line rather than splice.
 *
 * The length is checked against the size the release lists before any byte is
 * used, and counted to the end: a server that announces or sends too few or too
 * many bytes is retried, never trusted, so a truncated file is caught here even
 * for an asset the release publishes no hash for.
 */
import { Readable } from 'node:stream';
import { isToolError, ToolError } from '../core/errors.js';
import { describeNetworkError, isRetryableStatus } from './http-errors.js';
import type { HttpResponse } from './http.js';
import type { AssetStream } from './types.js';

export interface DownloadSource {
  /** The asset's name and the address it was asked for, for messages. */
  name: string;
  url: URL;
  /** Bytes the release lists for the asset; 0 or undefined when unknown. */
  expectedSize: number | undefined;
  retries: number;
  /** The wait before retry number `attempt` (1-based). */
  backoff(attempt: number): Promise<unknown>;
  /** The asset's GET again (redirects followed, no retries) with extra headers such as Range. */
  request(headers: Record<string, string>): Promise<HttpResponse>;
  /** The one-line error for a status the download cannot use (rate limit, 404, 416). */
  refuse(response: HttpResponse): ToolError;
}

/** A broken transfer worth another try. */
class Interrupted extends Error {}

function lengthOf(response: HttpResponse): number | undefined {
  const length = Number(response.headers['content-length'] ?? NaN);
  return Number.isSafeInteger(length) && length >= 0 ? length : undefined;
}

/** Only a strong ETag may be used with If-Range (RFC 9110 §13.1.5). */
function strongEtag(response: HttpResponse): string | undefined {
  const etag = response.headers.etag;
  return etag && !etag.startsWith('W/') ? etag : undefined;
}

export function resumableDownload(first: HttpResponse, source: DownloadSource): AssetStream {
  const etag = strongEtag(first);
  let total = source.expectedSize || lengthOf(first);
  const expected = source.expectedSize ? 'the release lists' : 'the first answer announced';
  let received = 0;

  const cannotResume = (why: string) =>
    new ToolError('TOOL_NETWORK', `download of ${source.name} from ${source.url.href} broke off at byte ${received} of ${total ?? '?'} and cannot be resumed: ${why}`, {
      hint: 'Nothing was installed; try again',
    });

  /** Checks an answer's status and length; returns how many leading bytes repeat what was already read. */
  function accept(response: HttpResponse): number {
    const { status } = response;
    if (isRetryableStatus(status)) throw new Interrupted(`${response.url.host} answered ${status}`);
    if (status === 206 && received > 0) {
      const range = /^bytes (\d+)-(\d+)\/(\d+)$/.exec(response.headers['content-range'] ?? '');
      const [start, end, size] = (range ?? []).slice(1).map(Number);
      if (start !== received || (total !== undefined && size !== total) || end !== size! - 1) {
        throw cannotResume(`asked for bytes from ${received}, got Content-Range "${response.headers['content-range'] ?? ''}"`);
      }
      if (etag && strongEtag(response) !== etag) throw cannotResume('the file changed on the server');
      total = size;
      return 0;
    }
    if (status !== 200) throw source.refuse(response);
    const length = lengthOf(response);
    if (total !== undefined && length !== undefined && length !== total) {
      throw new Interrupted(`${response.url.host} announced ${length} bytes, but ${expected} ${total}`);
    }
    if (received === 0) return 0;
    if (!etag || strongEtag(response) !== etag) throw cannotResume('the server sent the whole file again, and it may have changed');
    return received;
  }

  function gaveUp(problem: unknown): ToolError {
    const timedOut = (problem as { code?: unknown } | undefined)?.code === 'ETIMEDOUT';
    const retries = source.retries === 1 ? '1 retry' : `${source.retries} retries`;
    return new ToolError('TOOL_NETWORK', `download of ${source.name} from ${source.url.href} failed at byte ${received} of ${total ?? '?'} after ${retries}: ${describeNetworkError(problem)}`, {
      hint: timedOut
        ? 'Nothing was installed. The server stopped sending; try again later, or raise TOOL_HTTP_TIMEOUT (seconds) on a slow link'
        : 'Nothing was installed; check the network connection and try again',
      cause: problem,
    });
  }

  async function* bytes(): AsyncGenerator<Buffer> {
    let response: HttpResponse | undefined = first;
    for (let failures = 0; ; failures++) {
      let problem: unknown;
      try {
        if (!response) {
          const range: Record<string, string> = received > 0 ? { range: `bytes=${received}-`, ...(etag ? { 'if-range': etag } : {}) } : {};
          response = await source.request(range);
        }
        let skip = accept(response);
        for await (const chunk of response.body as AsyncIterable<Buffer>) {
          const fresh = skip >= chunk.length ? undefined : chunk.subarray(skip);
          skip = Math.max(0, skip - chunk.length);
          if (!fresh) continue;
          if (total !== undefined && received + fresh.length > total) throw new Interrupted(`${response.url.host} sent more than the ${total} bytes ${expected}`);
          received += fresh.length;
          yield fresh;
        }
        if (total === undefined || received === total) return;
        problem = new Interrupted(`the connection closed after ${received} of ${total} bytes`);
      } catch (error) {
        if (isToolError(error)) throw error;
        problem = error;
      }
      response?.body.destroy();
      response = undefined;
      if (failures >= source.retries) throw gaveUp(problem);
      await source.backoff(failures + 1);
      // The reader gave up meanwhile (its extraction failed): ask nothing more.
      if (body.destroyed) return;
    }
  }

  const body = Readable.from(bytes(), { objectMode: false });
  return { body, size: total, url: first.url.href };
}
