// Pins which tags aqua offers when listing versions: version_filter, version_prefix
// and the no_asset ranges, with version overrides inheriting the package's filter.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { acceptsTag } from '../../../src/aqua/tag-filter.js';
import { excerptPackage } from './excerpt.js';

describe('acceptsTag', () => {
  it('offers only tags the version_filter accepts, for every version override too', () => {
    const dnote = excerptPackage('dnote/dnote/cli');
    assert.equal(acceptsTag(dnote, 'cli-v0.15.1'), true);
    assert.equal(acceptsTag(dnote, 'server-v2.0.0'), false);
    assert.equal(acceptsTag(dnote, 'v0.4.8'), false);
  });

  it('does not offer tags in a no_asset range or prereleases', () => {
    const jaq = excerptPackage('01mf02/jaq');
    assert.equal(acceptsTag(jaq, 'v1.0.0-beta'), false);
    assert.equal(acceptsTag(jaq, 'v2.1.0'), true);
    assert.equal(acceptsTag(jaq, 'v2.1.0', true), false);
  });

  it('offers only tags that carry the version_prefix', () => {
    const mimir = excerptPackage('grafana/mimir/mimirtool');
    assert.equal(acceptsTag(mimir, 'mimir-2.14.0'), true);
    assert.equal(acceptsTag(mimir, 'helm-chart-5.0.0'), false);
  });
});
