/**
 * `npm run demo`: the whole story, offline, against the project's own local
 * GitHub-compatible release server, in a throwaway TOOL_HOME. Every command is
 * printed with its output, as if typed into a terminal.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRipgrep } from '../test/support/catalog.js';
import { fixtureRelease } from '../test/support/fixture-tools.js';
import { startReleaseServer } from '../test/support/release-server.js';
import { CLI } from '../test/support/sandbox.js';
import { selfUpdatingRelease } from '../test/support/self-updater.js';

const root = realpathSync(mkdtempSync(join(tmpdir(), 'tool-demo-')));
const server = await startReleaseServer();
const home = join(root, 'tool-home');
const binDir = join(root, 'bin');
mkdirSync(binDir);
// `tool` itself on PATH, as `npm link` would put it.
spawnSync('sh', ['-c', `printf '#!/bin/sh\\nexec "%s" "%s" "$@"\\n' "${process.execPath}" "${CLI}" > ${binDir}/tool && chmod +x ${binDir}/tool`]);
const env: NodeJS.ProcessEnv = {
  ...process.env,
  HOME: join(root, 'home'),
  XDG_CONFIG_HOME: join(root, 'home/.config'),
  TOOL_HOST: 'desk',
  // tool's own registry first, then aqua's standard registry (here: an excerpt served by the local release server).
  TOOL_REGISTRIES: 'builtin,aqua',
  TOOL_HOME: home,
  TOOL_GITHUB_API_URL: server.apiUrl,
  PATH: `${join(home, 'shims')}:${binDir}:${process.env.PATH}`,
  TOOL_OS: 'linux',
  TOOL_ARCH: 'x64',
  TOOL_LIBC: 'gnu',
};
mkdirSync(join(root, 'home/project/src'), { recursive: true });
mkdirSync(join(root, 'home/elsewhere'), { recursive: true });

const ytDlp = (version: string) =>
  selfUpdatingRelease({ name: 'yt-dlp', version, method: 'rename-dance', apiUrl: server.apiUrl, repo: 'yt-dlp/yt-dlp', asset: 'yt-dlp_linux', tag: version, checksumFile: 'SHA2-256SUMS' });

function say(text: string): void {
  process.stdout.write(`\n\x1b[1m# ${text}\x1b[0m\n`);
}

/** Machine B: its own TOOL_HOME, the same dotfiles (~/.config) and project checkout. */
const machineB: NodeJS.ProcessEnv = { ...env, TOOL_HOME: join(root, 'machine-b'), TOOL_HOST: 'laptop', PATH: `${join(root, 'machine-b/shims')}:${binDir}:${process.env.PATH}` };

/** Runs asynchronously: the release server lives in this process and must keep answering. */
async function $(command: string, dir = 'home', machine = env): Promise<void> {
  const prompt = machine === env ? '' : '[B] ';
  process.stdout.write(`\x1b[36m${prompt}~/${dir.replace(/^home\/?/, '')}$ ${command}\x1b[0m\n`);
  const child = spawn('sh', ['-c', `${command} 2>&1`], { cwd: join(root, dir), env: { ...machine, PWD: join(root, dir) }, stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await new Promise((resolve) => child.once('close', resolve));
  process.stdout.write(output.replaceAll(root, '/tmp/demo'));
}

try {
  server.addRelease('yt-dlp/yt-dlp', ytDlp('2024.07.01'));
  server.addRelease('yt-dlp/yt-dlp', ytDlp('2024.08.06'));
  addRipgrep(server, '13.0.0', '14.0.0', '14.1.1');
  // aqua's standard registry as aqua reads it (contents API at a release tag): the excerpt kept for tests (MIT, see its LICENSE).
  server.addRelease('aquaproj/aqua-registry', { tag: 'v4.400.0', assets: [] });
  server.addContent('aquaproj/aqua-registry', 'v4.400.0', 'registry.yaml', readFileSync(new URL('../../test/fixtures/aqua/registry-excerpt.yaml', import.meta.url)));
  server.addRelease('asciimoo/wuzz', fixtureRelease({ tag: 'v0.5.0', exeName: 'wuzz', version: '0.5.0', assets: ['wuzz_linux_amd64', 'wuzz_darwin_amd64', 'wuzz_linux_arm', 'wuzz_windows_amd64.exe'].map((name) => ({ name, format: 'raw' as const })) }));
  server.addRelease('asciimoo/wuzz', fixtureRelease({ tag: 'v0.4.0', exeName: 'wuzz', version: '0.4.0', assets: ['wuzz_linux_amd64', 'wuzz_darwin_amd64'].map((name) => ({ name, format: 'raw' as const })) }));

  say('Install from GitHub releases (here: the local release server) and run through shims');
  await $('tool add yt-dlp');
  await $('yt-dlp --version');
  await $('tool add BurntSushi/ripgrep@14');
  await $('rg --version');

  say('Pin a version for a project; it holds in every subdirectory');
  await $('tool pin yt-dlp@2024.07.01', 'home/project');
  await $('cat .tools', 'home/project');
  await $('yt-dlp --version', 'home/project/src');
  await $('yt-dlp --version', 'home/elsewhere');
  await $('TOOL_YT_DLP_VERSION=2024.08.06 yt-dlp --version', 'home/project');

  say('Run another version once, without changing any selection');
  await $('tool run rg@13.0.0 -- --version');
  await $('rg --version');

  say('What runs here, and why');
  await $('tool which yt-dlp', 'home/project/src');
  await $('tool list', 'home/project');

  say('A fresh clone: the shim installs what .tools pins, on first use');
  await $('mkdir -p clone && echo "ripgrep 14.0.0" > clone/.tools && cd clone && rg --version');

  say('yt-dlp updates itself; tool captures the new version and keeps the old one');
  server.addRelease('yt-dlp/yt-dlp', ytDlp('2024.09.27'));
  await $('yt-dlp -U');
  await $('yt-dlp --version');
  await $('yt-dlp --version', 'home/project');
  await $('tool history yt-dlp');

  say('Roll back in one command; the tool is held until you say otherwise');
  await $('tool rollback yt-dlp');
  await $('yt-dlp --version');
  await $('tool update');
  await $('tool outdated');
  await $('tool update yt-dlp');

  say('Which asset would be chosen on another platform (nothing is downloaded)');
  await $('TOOL_OS=darwin TOOL_ARCH=arm64 tool add ripgrep --dry-run');

  say('Same tools on every machine: the declared set (~/.config/tool/tools, in dotfiles) and its lock');
  await $('tool add BurntSushi/ripgrep@14 --reason "needs --json output"');
  await $('printf "[host=lap*]\\nripgrep 13.0.0  # the laptop stays on 13\\n" >> ~/.config/tool/tools && cat ~/.config/tool/tools');
  await $('tool lock --global');
  await $('sed -n 1,14p ~/.config/tool/tools.lock | cut -c1-150');
  await $('tool pin ripgrep@14.0.0 --reason "CI uses 14.0.0" && tool lock', 'home/project');

  say('Machine B (another TOOL_HOME, same dotfiles and checkout): sync from the lock, no API request');
  await $('tool sync --check', 'home', machineB);
  await $('TOOL_GITHUB_API_URL=http://127.0.0.1:9 tool sync --locked   # the API address is dead: the lock is enough', 'home', machineB);
  await $('rg --version; yt-dlp --version', 'home', machineB);
  await $('tool install --locked && rg --version', 'home/project', machineB);
  await $('tool sync --check', 'home', machineB);

  say('Every tool aqua knows: its standard registry is the second registry');
  await $('tool search wuzz');
  await $('tool add wuzz && wuzz --version');
  await $('tool info wuzz');
  await $('tool versions wuzz');
  await $('tool add ripgrap');

  say('Clean up versions nothing needs');
  await $('tool prune --keep 1');
  await $('tool remove ripgrep');
  await $('tool list');
} finally {
  await server.close();
  rmSync(root, { recursive: true, force: true });
}
