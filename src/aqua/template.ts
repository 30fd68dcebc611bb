/**
 * aqua's templates (pkg/template): Go text/template with sprig functions and
 * `trimV`. The registry (commit 4d86e12) uses these constructs, all supported:
 * fields .Version .SemVer .OS .Arch .GOOS .GOARCH .Format .Asset
 * .AssetWithoutExt .FileName .Vars.<name>; functions trimV, trimPrefix,
 * trimSuffix, replace, title, regexFind, splitList, index, semver (with
 * .Major/.Minor), eq; pipelines; parentheses; if/else/end. Anything else is an
 * AquaUnsupportedError naming the construct.
 */
import { execTemplate, type TemplateData } from './template-exec.js';
import { parseTemplate, type TemplateNode } from './template-parse.js';

export type { TemplateData } from './template-exec.js';

const parsed = new Map<string, TemplateNode[]>();

/** Parses once per distinct template text: the registry repeats the same few hundred. */
function parseCached(template: string): TemplateNode[] {
  let nodes = parsed.get(template);
  if (!nodes) {
    nodes = parseTemplate(template);
    parsed.set(template, nodes);
  }
  return nodes;
}

/** Renders `template` with aqua's data map; plain text without `{{` comes back unchanged. */
export function renderTemplate(template: string, data: TemplateData): string {
  if (!template.includes('{{')) return template;
  return execTemplate(parseCached(template), data);
}
