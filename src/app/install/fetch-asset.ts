/**
 * Download → SHA-256 → decompress → extract, as one stream where the format
 * allows (measured faster than downloading first), else to a file then extract
 * (zip needs its central directory). Everything lands in a staging directory
 * the caller discards unless the hash checks out, so unverified bytes are never
 * published.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { canStream, extractFile, extractStream, prepareExtraction, type ExtractedFile } from '../../archive/extract.js';
import type { ArchiveKind } from '../../archive/kind.js';
import type { ArchiveLimits } from '../../core/archive-limits.js';
import { isToolError, ToolError } from '../../core/errors.js';
import type { Asset, GitHubClient } from '../../github/types.js';
import type { ProgressEvent } from '../context.js';
import { collectYoungGarbage } from './memory.js';

export interface FetchedAsset {
  sha256: string;
  files: ExtractedFile[];
  url: string;
  size: number | undefined;
}

const PROGRESS_EVERY_MS = 100;
/**
 * Sockets deliver about 64 KiB at a time; the decompressor costs one thread-pool
 * round trip per chunk it is given, so chunks are joined to this size first
 * (gunzip of 36 MB: 302 ms from 64 KiB chunks, 227 ms from 256 KiB ones).
 */
const COALESCE_BYTES = 1 << 19;
/** How often the young generation is collected while streaming (memory.ts). */
const COLLECT_EVERY_BYTES = 2 << 20;

/** Hashes and counts every byte, passing them on in chunks of about COALESCE_BYTES. */
function hashingTap(hash: ReturnType<typeof createHash>, report: (received: number, done: boolean) => void): Transform {
  let received = 0;
  let last = 0;
  let sinceCollect = 0;
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  const takePending = (): Buffer => {
    const joined = pending.length === 1 ? pending[0]! : Buffer.concat(pending, pendingBytes);
    pending = [];
    pendingBytes = 0;
    return joined;
  };
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      received += chunk.length;
      pending.push(chunk);
      pendingBytes += chunk.length;
      sinceCollect += chunk.length;
      if (sinceCollect >= COLLECT_EVERY_BYTES) {
        sinceCollect = 0;
        collectYoungGarbage();
      }
      const now = Date.now();
      if (now - last >= PROGRESS_EVERY_MS) {
        last = now;
        report(received, false);
      }
      done(null, pendingBytes >= COALESCE_BYTES ? takePending() : undefined);
    },
    flush(done) {
      report(received, true);
      done(null, pendingBytes > 0 ? takePending() : undefined);
    },
  });
}

/** Read whatever the extractor left unread (archive padding), so the hash covers every byte. */
async function drain(stream: Transform): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  stream.resume();
  await new Promise<void>((resolve) => {
    stream.once('end', resolve);
    stream.once('close', resolve);
  });
}

export async function fetchAndExtract(
  github: GitHubClient,
  asset: Asset,
  options: {
    kind: ArchiveKind;
    dest: string;
    singleFileName: string;
    scratch: string;
    limits: ArchiveLimits;
    progress: (event: ProgressEvent) => void;
  },
): Promise<FetchedAsset> {
  const opening = github.openAsset(asset);
  opening.catch(() => {}); // awaited just below; the extractor loads while the server answers
  await prepareExtraction(options.kind);
  const download = await opening;
  const hash = createHash('sha256');
  const tap = hashingTap(hash, (received, done) => options.progress({ label: asset.name, received, total: download.size ?? asset.size, done }));
  const { kind, dest, singleFileName, limits } = options;
  const extractOptions = { kind, dest, singleFileName, limits, source: asset.name };
  let files: ExtractedFile[];
  try {
    if (canStream(options.kind)) {
      const flowing = pipeline(download.body, tap);
      flowing.catch(() => {}); // observed below; an extraction error must not leave it unhandled
      // A download that gave up also ends the archive early: say why it ended, not that it looks truncated.
      files = await extractStream(tap, extractOptions).catch(async (error: unknown) => {
        throw (await flowing.then(() => undefined, (failure: unknown) => (isToolError(failure) ? failure : undefined))) ?? error;
      });
      await drain(tap);
      await flowing;
    } else {
      const file = join(options.scratch, 'download');
      await pipeline(download.body, tap, createWriteStream(file));
      files = await extractFile(file, extractOptions);
    }
  } catch (error) {
    if (error instanceof ToolError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOSPC' || code === 'EDQUOT' || code === 'EACCES' || code === 'EROFS' || code === 'EPERM') {
      throw new ToolError('TOOL_DISK', `cannot write ${asset.name} into ${options.dest}: ${code}`, {
        hint: 'Free some disk space or fix the permissions of TOOL_HOME, then try again',
        cause: error,
      });
    }
    throw new ToolError('TOOL_NETWORK', `download of ${asset.name} from ${download.url} failed: ${(error as Error).message}`, {
      hint: 'Check the network connection and try again',
      cause: error,
    });
  }
  return { sha256: hash.digest('hex'), files, url: download.url, size: download.size };
}
