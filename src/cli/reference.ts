/**
 * Every environment variable tool reads, and every exit code, as data: `tool
 * help environment` prints it and README.md's tables are its Markdown
 * rendering (test/unit/cli/reference.test.ts checks both, and that each
 * variable the sources read is listed here), so they cannot disagree.
 */
import { ExitCode } from '../core/errors.js';

export interface VariableEntry {
  names: string[];
  meaning: string;
}

export const ENVIRONMENT: VariableEntry[] = [
  { names: ['TOOL_HOME'], meaning: 'Where everything lives (store, shims, state). Default `$XDG_DATA_HOME/tool`, else `~/.local/share/tool`.' },
  { names: ['TOOL_CONFIG_DIR'], meaning: 'Where the declared set (`tools`, `tools.local`, `tools.lock`) lives. Default `$XDG_CONFIG_HOME/tool`, else `~/.config/tool`.' },
  { names: ['TOOL_REGISTRIES'], meaning: 'Registries in order: `builtin`, `aqua` (or `aqua@<tag>`), a registry file path or `https://` URL in aqua\'s format; `none` for the heuristic only. Default `builtin,aqua`.' },
  { names: ['TOOL_HOST'], meaning: 'This machine\'s name for `[host=…]` sections. Default: the host name up to the first dot.' },
  { names: ['TOOL_GITHUB_API_URL'], meaning: 'GitHub REST API base. Default `https://api.github.com`; GitHub Enterprise: `https://HOST/api/v3`. Plain `http://` only for loopback.' },
  { names: ['GITHUB_TOKEN', 'GH_TOKEN'], meaning: 'Token for the GitHub API (higher rate limit, private repositories). Sent only to the API host, never to a host a download redirects to.' },
  { names: ['TOOL_SIGSTORE_TRUSTED_ROOT'], meaning: 'A Sigstore `trusted_root.json` to check GitHub artifact attestations against, instead of the public-good one shipped in `registry/trust/`: for tests, and for air-gapped machines that mirror a newer root. See [Attestations](#attestations).' },
  { names: ['TOOL_<NAME>_VERSION'], meaning: 'Per-tool version override, before any `.tools` file: `TOOL_RIPGREP_VERSION=13`, or by executable, `TOOL_RG_VERSION`.' },
  { names: ['TOOL_OS', 'TOOL_ARCH', 'TOOL_LIBC'], meaning: 'Override the detected platform (`linux`/`darwin`/`windows`, `x64`/`arm64`, `gnu`/`musl`).' },
  { names: ['TOOL_HTTP_RETRIES', 'TOOL_HTTP_RETRY_DELAY_MS'], meaning: 'Retries for 5xx and network errors (default 3, first delay 500 ms, doubling). A refused connection, an unknown host, a failed DNS lookup or no route is not retried: offline answers at once.' },
  { names: ['TOOL_HTTP_TIMEOUT'], meaning: 'Seconds a connection may stay silent (connecting, waiting for an answer, between two pieces of a download) before it counts as broken; default 30, fractions allowed.' },
  { names: ['HTTPS_PROXY', 'HTTP_PROXY', 'NO_PROXY'], meaning: 'An `http://[USER:PASSWORD@]HOST:PORT` proxy for https and for plain http requests, and the hosts that go direct (`*`, `example.com` or `.example.com` for it and every name under it, `host:port`, IP addresses). Lower-case names too; they win when both are set. See [Proxies, private CAs and mirrors](#proxies-private-cas-and-mirrors).' },
  { names: ['TOOL_CA_FILE'], meaning: 'A PEM file of certificate authorities added to Node\'s own for every https request; overrides the settings file\'s `ca-file`.' },
  { names: ['NODE_EXTRA_CA_CERTS'], meaning: 'Node\'s own: a PEM file of extra certificate authorities, read when Node starts. Kept when `ca-file` is set too.' },
  { names: ['TOOL_JOBS'], meaning: 'Tools installed, synced or checked at once (default 6, 1-32).' },
  { names: ['TOOL_MAX_UNPACKED_BYTES'], meaning: 'Most one archive may unpack to: `4G` by default; `8G`, `500M` (K, M, G, T are powers of 1024). See [Limits](#limits).' },
  { names: ['TOOL_MAX_ENTRIES'], meaning: 'Most files, directories and links one archive may create (default 100000).' },
  { names: ['TOOL_MAX_COMPRESSION_RATIO'], meaning: 'Most an archive may expand, in unpacked bytes per compressed byte, judged past 64 MiB (default 200).' },
  { names: ['TOOL_EPHEMERAL_TTL'], meaning: 'How long a version `tool x`, `shell` or `bisect` installed stays unused before it is removed (default `7d`; `0`: at the next command).' },
  { names: ['TOOL_MIN_RELEASE_AGE'], meaning: 'Release cooldown (minimum release age) for every tool whose own section of the settings file sets none; it wins over the file\'s top level. `0` (off), `12h`, `3d`, `2w`. See [Release cooldown](#release-cooldown).' },
  { names: ['TOOL_SHIM_DEPTH'], meaning: 'Set by the shims: how deeply they are nested. At 32 a shim stops with exit 126, as a tool that runs its own name would loop.' },
  { names: ['NO_COLOR'], meaning: 'Any non-empty value turns colour off (no-color.org). Otherwise errors, warnings and versions are coloured on a terminal only, never in a pipe or file (unless FORCE_COLOR), and `--json` never.' },
  { names: ['FORCE_COLOR'], meaning: 'Colour even off a terminal (a CI log that shows it), unless it is `0` or `false`; NO_COLOR wins over it.' },
  { names: ['TERM'], meaning: '`dumb` turns colour off.' },
  { names: ['TOOL_DEBUG'], meaning: 'Print the cause of errors, and stack traces of bugs.' },
  { names: ['XDG_DATA_HOME', 'XDG_CONFIG_HOME'], meaning: 'Parents of the default `TOOL_HOME` and `TOOL_CONFIG_DIR`; `tool setup` writes fish\'s file under `$XDG_CONFIG_HOME/fish`.' },
  { names: ['HOME'], meaning: 'Defaults above, and where `tool setup` finds shell startup files.' },
  { names: ['SHELL'], meaning: 'The shell `tool setup` sets up and `tool add`\'s PATH advice is written for (bash, zsh, fish).' },
  { names: ['ZDOTDIR'], meaning: 'Where zsh reads `.zshrc`; `tool setup` writes there (default `~`).' },
];

export interface ExitCodeEntry {
  code: number;
  meaning: string;
}

export const EXIT_CODES: ExitCodeEntry[] = [
  { code: 0, meaning: 'Success.' },
  { code: ExitCode.failure, meaning: 'Anything else, and `tool sync --check` finding a difference.' },
  { code: ExitCode.usage, meaning: 'Usage: an unknown command or option, a missing or invalid argument.' },
  { code: ExitCode.notFound, meaning: 'Not found: tool, version, release asset, executable, nothing to roll back to.' },
  { code: ExitCode.network, meaning: 'Network: unreachable host, rate limit, server error.' },
  { code: ExitCode.integrity, meaning: 'Integrity and approval: checksums, attestations that fail (or are required and missing), unsafe archives, archive limits, unapproved sources, plain http, a lock the download disagrees with.' },
  { code: ExitCode.config, meaning: 'Configuration: `.tools`, specs, settings, locks, paths that cannot be written, damaged state files.' },
  { code: 70, meaning: 'A bug in tool: please report it with the command you ran (`TOOL_DEBUG=1` shows details).' },
  { code: 126, meaning: 'From a shim: 32 shims nested, a loop (a tool that runs its own name, or a PATH leading back to the shims).' },
];

function columns(rows: Array<[string, string]>): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** `tool help environment`: one line per variable, then one per exit code. */
export function environmentHelp(): string[] {
  return [
    'Environment variables tool reads:',
    ...columns(ENVIRONMENT.map((entry) => [entry.names.join(', '), entry.meaning])),
    '',
    'Exit codes:',
    ...columns(EXIT_CODES.map((entry) => [String(entry.code), entry.meaning])),
  ];
}

/** README.md's two tables, exactly. */
export function referenceMarkdown(): { environment: string; exitCodes: string } {
  const cell = (text: string) => text.replace(/\|/g, '\\|');
  return {
    environment: ['| variable | meaning |', '|---|---|', ...ENVIRONMENT.map((entry) => `| ${entry.names.map((name) => `\`${name}\``).join(', ')} | ${cell(entry.meaning)} |`)].join('\n'),
    exitCodes: ['| exit code | meaning |', '|---|---|', ...EXIT_CODES.map((entry) => `| ${entry.code} | ${cell(entry.meaning)} |`)].join('\n'),
  };
}
