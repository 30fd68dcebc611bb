/**
 * The JSON of an acme/widget release whose one asset lives on another host (a
 * stalling download host, a trap), for the release server's fail() to answer
 * the tag lookup with. The digest is a placeholder: these downloads never finish.
 */
export function foreignAssetRelease(version: string, asset: { url: string; apiUrl?: string; size: number }): string {
  return JSON.stringify({
    id: 1,
    tag_name: `v${version}`,
    name: `v${version}`,
    draft: false,
    prerelease: false,
    published_at: '2024-01-01T00:00:00Z',
    assets: [{ id: 2, name: `widget_${version}_linux_amd64.tar.gz`, size: asset.size, digest: `sha256:${'a'.repeat(64)}`, browser_download_url: asset.url, url: asset.apiUrl ?? asset.url }],
  });
}
