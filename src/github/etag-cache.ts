/**
 * Remembers API answers with their ETag, so repeated questions are asked as
 * conditional requests: GitHub answers 304 without counting it against the
 * rate limit. Entries are files under TOOL_HOME/cache, written atomically.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface CachedAnswer {
  etag: string;
  body: string;
}

export interface EtagCache {
  get(url: string): Promise<CachedAnswer | undefined>;
  put(url: string, answer: CachedAnswer): Promise<void>;
}

export function createFileEtagCache(dir: string): EtagCache {
  const fileFor = (url: string) => join(dir, `${createHash('sha256').update(url).digest('hex').slice(0, 32)}.json`);
  return {
    async get(url) {
      try {
        const parsed = JSON.parse(await readFile(fileFor(url), 'utf8')) as Partial<CachedAnswer> & { url?: string };
        return parsed.url === url && typeof parsed.etag === 'string' && typeof parsed.body === 'string'
          ? { etag: parsed.etag, body: parsed.body }
          : undefined;
      } catch {
        return undefined;
      }
    },
    async put(url, answer) {
      try {
        await mkdir(dir, { recursive: true });
        const file = fileFor(url);
        const temp = `${file}.${process.pid}.tmp`;
        await writeFile(temp, JSON.stringify({ url, ...answer }));
        await rename(temp, file);
      } catch {
        // A cache that cannot be written only costs a request next time.
      }
    },
  };
}
