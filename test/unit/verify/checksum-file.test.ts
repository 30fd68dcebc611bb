import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  expectedHashSource,
  findHashInChecksumFile,
  isPerAssetSumFile,
  type NamedAsset,
} from '../../../src/verify/checksum-file.js';

const asset = 'hello-9.99.1-linux-x64.tar.gz';
const other = 'hello-9.99.1-darwin-arm64.tar.gz';
const hashA = '0123456789abcdef'.repeat(4);
const hashB = 'fedcba9876543210'.repeat(4);

describe('findHashInChecksumFile', () => {
  it('reads GNU "<hex>  name" lines and picks the line for the asset', () => {
    const text = `${hashB}  ${other}\n${hashA}  ${asset}\n`;
    assert.equal(findHashInChecksumFile(text, asset, false), hashA);
    assert.equal(findHashInChecksumFile(text, other, false), hashB);
  });

  it('reads binary-mode "*name" and "./name" lines', () => {
    assert.equal(findHashInChecksumFile(`${hashB} *${other}\n${hashA} *${asset}\n`, asset, false), hashA);
    assert.equal(findHashInChecksumFile(`${hashB}  ./${other}\n${hashA}  ./${asset}\n`, asset, false), hashA);
  });

  it('lower-cases an upper-case hash and accepts CRLF', () => {
    assert.equal(findHashInChecksumFile(`${hashB.toUpperCase()}  ${other}\r\n${hashA.toUpperCase()}  ${asset}\r\n`, asset, false), hashA);
  });

  it('reads BSD "SHA256 (name) = hex" lines', () => {
    const text = `SHA256 (${other}) = ${hashB}\nSHA256 (${asset}) = ${hashA}\n`;
    assert.equal(findHashInChecksumFile(text, asset, false), hashA);
  });

  it('takes a bare hash from a per-asset file', () => {
    assert.equal(findHashInChecksumFile(`${hashA}\n`, asset, true), hashA);
    assert.equal(findHashInChecksumFile(`${hashA}  /home/runner/work/out/${asset}\n`, asset, true), hashA);
  });

  it('does not take a bare hash from a shared checksum file', () => {
    assert.equal(findHashInChecksumFile(`${hashA}\n`, asset, false), undefined);
  });

  it('reads the sums inside a PGP-clearsigned block', () => {
    const text = [
      '-----BEGIN PGP SIGNED MESSAGE-----',
      'Hash: SHA256',
      '',
      `${hashB}  ${other}`,
      `${hashA}  ${asset}`,
      '-----BEGIN PGP SIGNATURE-----',
      '',
      'iQIzBAEBCAAdFiEE2YkzLJ3WJp7Q0mXoZxkS0Q1Xl0AFAmYkdGMACgkQZxkS0Q1X',
      '=a1b2',
      '-----END PGP SIGNATURE-----',
      '',
    ].join('\n');
    assert.equal(findHashInChecksumFile(text, asset, false), hashA);
  });

  it('takes the SHA-256 from a yq-style line listing several hashes', () => {
    const crc32 = '1a2b3c4d';
    const md5 = 'd41d8cd98f00b204e9800998ecf8427e';
    const sha1 = 'da39a3ee5e6b4b0d3255bfef95601890afd80709';
    const sha512 = 'cf83e1357eefb8bd'.repeat(8);
    const text = `yq_linux_arm64  ${crc32} ${md5} ${sha1} ${hashB} ${sha512}\nyq_linux_amd64  ${crc32} ${md5} ${sha1} ${hashA} ${sha512}\n`;
    assert.equal(findHashInChecksumFile(text, 'yq_linux_amd64', false), hashA);
  });

  it('returns undefined when the asset is not listed', () => {
    const text = `${hashB}  ${other}\nSHA256 (${other}) = ${hashB}\n`;
    assert.equal(findHashInChecksumFile(text, asset, false), undefined);
    assert.equal(findHashInChecksumFile('', asset, true), undefined);
  });

  it('does not match an asset whose name only starts like a listed one', () => {
    assert.equal(findHashInChecksumFile(`${hashA}  ${asset}.sig\n${hashB}  x\n`, asset, false), undefined);
  });
});

describe('expectedHashSource', () => {
  const options = { version: '9.99.1', repoName: 'hello' };
  const target: NamedAsset = { name: asset, digest: null };

  it('uses the GitHub digest before any checksum file, lower-cased', () => {
    const withDigest: NamedAsset = { name: asset, digest: `sha256:${hashA.toUpperCase()}` };
    const assets = [withDigest, { name: 'SHA256SUMS' }];
    assert.deepEqual(expectedHashSource(assets, withDigest, options), { kind: 'digest', hex: hashA });
  });

  it('ignores a digest that is not SHA-256', () => {
    const withDigest: NamedAsset = { name: asset, digest: `sha512:${hashA}${hashA}` };
    const result = expectedHashSource([withDigest, { name: 'SHA256SUMS' }], withDigest, options);
    assert.equal(result.kind, 'file');
  });

  it('uses the registry template {asset}.sha256 first', () => {
    const sum = { name: `${asset}.sha256` };
    const assets = [target, { name: 'checksums.txt' }, sum];
    const result = expectedHashSource(assets, target, { ...options, template: '{asset}.sha256' });
    assert.deepEqual(result, { kind: 'file', file: sum, candidates: [sum, { name: 'checksums.txt' }] });
  });

  it('uses a fixed registry template such as SHA2-256SUMS', () => {
    const sums = { name: 'SHA2-256SUMS' };
    const result = expectedHashSource([target, { name: 'SHA256SUMS' }, sums], target, { ...options, template: 'SHA2-256SUMS' });
    assert.equal(result.kind === 'file' ? result.file : undefined, sums);
  });

  it('fills {repo} and {version} in a template', () => {
    const sums = { name: 'hello_9.99.1_checksums.txt' };
    const result = expectedHashSource([target, { name: 'checksums.txt' }, sums], target, {
      ...options,
      template: '{repo}_{version}_checksums.txt',
    });
    assert.equal(result.kind === 'file' ? result.file : undefined, sums);
  });

  it('finds common checksum file names without a template', () => {
    for (const name of ['SHA256SUMS', 'sha256sums.txt', 'checksums.txt', 'hello_9.99.1_checksums.txt', `${asset}.sha256`, `${asset}.sha256sum`]) {
      const sums = { name };
      const result = expectedHashSource([target, { name: 'README.md' }, sums], target, options);
      assert.equal(result.kind === 'file' ? result.file : undefined, sums, name);
    }
  });

  it('prefers the asset\'s own sum file over a shared one when there is no template', () => {
    const own = { name: `${asset}.sha256` };
    const shared = { name: 'checksums.txt' };
    const result = expectedHashSource([target, shared, own], target, options);
    assert.deepEqual(result, { kind: 'file', file: own, candidates: [own, shared] });
  });

  it('reports none when the release has no digest and no checksum file', () => {
    const assets = [target, { name: other }, { name: `${other}.sig` }];
    assert.deepEqual(expectedHashSource(assets, target, options), { kind: 'none' });
  });
});

describe('isPerAssetSumFile', () => {
  it('is true only for files named after the asset', () => {
    assert.equal(isPerAssetSumFile(`${asset}.sha256`, asset), true);
    assert.equal(isPerAssetSumFile('checksums.txt', asset), false);
    assert.equal(isPerAssetSumFile(`${other}.sha256`, asset), false);
  });
});
