/** Small fake tools "acme/widget1", "acme/widget2", … (tar.gz with a GitHub digest), for tests that need many tools. */
import { fixtureRelease } from './fixture-tools.js';
import type { ReleaseServer } from './release-server.js';

export function widgetName(index: number): string {
  return `widget${index}`;
}

/** Publishes versions of widget1…widget<count>; returns their repos ("acme/widget1", …). */
export function addWidgets(server: ReleaseServer, count: number, ...versions: string[]): string[] {
  const repos: string[] = [];
  for (let index = 1; index <= count; index++) {
    const exeName = widgetName(index);
    repos.push(`acme/${exeName}`);
    for (const version of versions) {
      server.addRelease(`acme/${exeName}`, fixtureRelease({ tag: `v${version}`, exeName, version, assets: [{ name: `${exeName}_${version}_linux_amd64.tar.gz`, format: 'tar.gz' }] }));
    }
  }
  return repos;
}
