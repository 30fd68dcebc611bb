// Pins the Go text/template subset aqua's registry uses (every construct found in
// registry.yaml at 4d86e12), with sprig's argument order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AquaEvalError, AquaUnsupportedError } from '../../../src/aqua/errors.js';
import { renderTemplate } from '../../../src/aqua/template.js';

const data = { Version: 'v1.2.3', SemVer: '1.2.3', OS: 'linux', Arch: 'x86_64', GOOS: 'linux', GOARCH: 'amd64', Format: 'tar.gz', Asset: 'tool-bin.tar.gz', AssetWithoutExt: 'tool-bin', FileName: 'tool', Vars: { channel: 'stable' } };

describe('renderTemplate', () => {
  it('renders fields, with or without spaces inside the braces', () => {
    assert.equal(renderTemplate('t_{{.Version}}_{{ .OS }}_{{.Arch}}.{{.Format}}', data), 't_v1.2.3_linux_x86_64.tar.gz');
    assert.equal(renderTemplate('{{.Vars.channel}}/{{.FileName}}/{{.GOARCH}}', data), 'stable/tool/amd64');
  });

  it('calls functions with the subject last and feeds pipelines into the last argument', () => {
    assert.equal(renderTemplate('{{trimV .Version}}', data), '1.2.3');
    assert.equal(renderTemplate('{{.Version|trimV}}', data), '1.2.3');
    assert.equal(renderTemplate('{{trimPrefix "rc/" .Version | trimV}}', { ...data, Version: 'rc/v2.0.0' }), '2.0.0');
    assert.equal(renderTemplate('{{.AssetWithoutExt | trimSuffix "-bin"}}', data), 'tool');
    assert.equal(renderTemplate('{{ trimV .Version | replace "." "" }}', data), '123');
    assert.equal(renderTemplate('{{trimV .Version | replace ".0-RC" "-rc-" | trimSuffix ".0"}}', { ...data, Version: 'v8.0-RC1' }), '8-rc-1');
    assert.equal(renderTemplate('{{title .OS}}', { ...data, OS: 'darwin' }), 'Darwin');
    assert.equal(renderTemplate('{{.Version | regexFind "^[^-]+"}}', { ...data, Version: 'go1.22-x' }), 'go1.22');
  });

  it('indexes lists and reads fields of a parenthesised semver', () => {
    assert.equal(renderTemplate('{{ index (splitList "." (trimV .Version)) 1 }}', data), '2');
    assert.equal(renderTemplate('v{{(semver .Version).Major}}.{{(semver .SemVer).Minor}}', data), 'v1.2');
  });

  it('branches with if, eq, else and end', () => {
    const template = 'kor-{{.GOOS}}-{{if eq .GOOS "darwin"}}amd64{{else}}{{.GOARCH}}{{end}}';
    assert.equal(renderTemplate(template, { ...data, GOOS: 'darwin', GOARCH: 'arm64' }), 'kor-darwin-amd64');
    assert.equal(renderTemplate(template, { ...data, GOOS: 'linux', GOARCH: 'arm64' }), 'kor-linux-arm64');
  });

  it('fails on a field the data lacks instead of printing <no value>', () => {
    assert.throws(() => renderTemplate('{{.Asset}}', { Version: 'v1' }), (error: unknown) => error instanceof AquaEvalError && /\.Asset/.test(error.message));
  });

  it('names a function or keyword outside the subset', () => {
    assert.throws(() => renderTemplate('{{toUpper .OS}}', data), (error: unknown) => error instanceof AquaUnsupportedError && /toUpper/.test(error.message));
    assert.throws(() => renderTemplate('{{range .Vars}}x{{end}}', data), (error: unknown) => error instanceof AquaUnsupportedError && /range/.test(error.message));
    assert.throws(() => renderTemplate('{{$x := .OS}}', data), AquaUnsupportedError);
  });
});
