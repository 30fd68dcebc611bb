/** Releases big enough that a kill -9 lands during download, extraction and publish, not only before or after. */
import { randomBytes } from 'node:crypto';
import { fixtureRelease } from '../support/fixture-tools.js';
import type { ReleaseServer } from '../support/release-server.js';

/** Compressible like a binary (about 2:1): random bytes masked to five bits. */
function payload(bytes: number): Buffer {
  const data = randomBytes(bytes);
  for (let i = 0; i < data.length; i++) data[i] = data[i]! & 0x1f;
  return data;
}

/** acme/heavy at each version, a tar.gz of about `megabytes` with the executable and a data file. */
export function addHeavy(server: ReleaseServer, megabytes: number, ...versions: string[]): void {
  const data = payload(megabytes * 1024 * 1024);
  for (const version of versions) {
    server.addRelease('acme/heavy', fixtureRelease({
      tag: `v${version}`,
      exeName: 'heavy',
      version,
      assets: [{ name: `heavy_${version}_linux_amd64.tar.gz`, format: 'tar.gz', exePath: `heavy-${version}/heavy`, extraFiles: [{ path: `heavy-${version}/data.bin`, body: data }] }],
    }));
  }
}
