/**
 * Two machines, one dotfiles directory and one project checkout: two TOOL_HOMEs
 * in one sandbox, against the release server. Pins the user story of "Same
 * tools on every machine": the declared set and its lock written by machine A
 * give machine B the same bytes with no API request, conditions pick per-host
 * lines, drift is found and repaired, and a self-update on A reaches B.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readFileSync, readlinkSync, renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { addRipgrep } from '../support/catalog.js';
import { CLI, createSandbox, run, type RunOptions, type Sandbox } from '../support/sandbox.js';
import { selfUpdatingRelease } from '../support/self-updater.js';

const sha256 = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('the same tools on two machines', () => {
  let box: Sandbox;
  let dotfiles: string;
  let project: string;
  let envB: Record<string, string>;
  const ytDlp = (version: string) =>
    selfUpdatingRelease({ name: 'yt-dlp', version, method: 'rename-dance', apiUrl: box.server.apiUrl, repo: 'yt-dlp/yt-dlp', asset: 'yt-dlp_linux', tag: version, checksumFile: 'SHA2-256SUMS' });
  const toolB = (args: string[], opts: RunOptions = {}) => run(process.execPath, [CLI, ...args], envB, { cwd: envB.HOME, ...opts });
  const shB = (command: string, opts: RunOptions = {}) => run('/bin/sh', ['-c', command], envB, { cwd: envB.HOME, ...opts });
  const apiRequests = () => box.server.requests.filter((request) => request.server === 'api');
  /** Downloads of release assets that are not checksum files. */
  const assetDownloads = () => box.server.requests.filter((r) => r.server === 'github' && r.path.includes('/releases/download/') && !/\.sha256$|SUMS$/.test(r.path));
  const storeBin = (home: string, tool: string, version: string, exe: string) => join(home, 'store', tool, version, 'bin', exe);

  before(async () => {
    box = await createSandbox();
    // The dotfiles repository holds the real file; ~/.config/tool/tools links to it, as stow or chezmoi would.
    dotfiles = box.dir('dotfiles');
    box.write('dotfiles/tools', '# my tools\n\n');
    mkdirSync(join(box.root, 'config/tool'), { recursive: true });
    symlinkSync(join(dotfiles, 'tools'), join(box.root, 'config/tool/tools'));
    box.env.XDG_CONFIG_HOME = join(box.root, 'config');
    box.env.TOOL_HOST = 'desk';
    const homeB = join(box.root, 'machine-b');
    envB = { ...box.env, TOOL_HOME: homeB, PATH: `${join(homeB, 'shims')}:${process.env.PATH}`, TOOL_HOST: 'laptop' };
    addRipgrep(box.server, '13.0.0', '14.1.1');
    box.server.addRelease('yt-dlp/yt-dlp', ytDlp('2024.08.06'));
    project = box.dir('checkout/proj');
  });
  after(() => box.close());

  it('machine A: add writes the declared set (through the symlink, comments kept) and a lock for every platform', async () => {
    box.server.requests.length = 0;
    const yt = await box.tool(['add', 'yt-dlp', '--reason', 'needs same-day fixes']);
    assert.equal(yt.code, 0, yt.stderr);
    const rg = await box.tool(['add', 'BurntSushi/ripgrep@14']);
    assert.equal(rg.code, 0, rg.stderr);
    assert.ok(lstatSync(join(box.root, 'config/tool/tools')).isSymbolicLink(), 'the link is still a link');
    assert.equal(readlinkSync(join(box.root, 'config/tool/tools')), join(dotfiles, 'tools'));
    assert.equal(readFileSync(join(dotfiles, 'tools'), 'utf8'), '# my tools\n\nyt-dlp latest  # needs same-day fixes\nripgrep 14\n');
    const lock = JSON.parse(readFileSync(join(box.root, 'config/tool/tools.lock'), 'utf8'));
    assert.deepEqual(Object.keys(lock.tools), ['ripgrep', 'yt-dlp']);
    assert.deepEqual(Object.keys(lock.tools.ripgrep.assets), ['darwin-arm64', 'darwin-x64', 'linux-arm64', 'linux-x64']);
    assert.equal(lock.tools.ripgrep.assets['darwin-arm64'].name, 'ripgrep-14.1.1-aarch64-apple-darwin.tar.gz');
    for (const asset of Object.values(lock.tools.ripgrep.assets) as { sha256: string }[]) assert.match(asset.sha256, /^[0-9a-f]{64}$/);
    // The yt-dlp fixture publishes a Linux x64 build only: the other platforms say so instead of guessing.
    assert.match(lock.tools['yt-dlp'].assets['linux-x64'].sha256, /^[0-9a-f]{64}$/);
    assert.match(lock.tools['yt-dlp'].assets['darwin-arm64'].missing, /no .*asset/i);
    // Four platforms each, yet only this machine's asset of each tool was downloaded.
    assert.deepEqual(assetDownloads().map((r) => r.path.split('/').pop()), ['yt-dlp_linux', 'ripgrep-14.1.1-x86_64-unknown-linux-musl.tar.gz']);
  });

  it('machine A: pin --reason and tool lock write .tools and .tools.lock for the project', async () => {
    const pin = await box.tool(['pin', 'rg@13.0.0', '--reason', 'CI uses 13'], { cwd: project });
    assert.equal(pin.code, 0, pin.stderr);
    assert.equal(readFileSync(join(project, '.tools'), 'utf8'), 'ripgrep 13.0.0  # CI uses 13\n');
    const lock = await box.tool(['lock'], { cwd: project });
    assert.equal(lock.code, 0, lock.stderr);
    assert.match(lock.stdout, /locked 1 tool in .*proj\/\.tools\.lock for darwin-arm64, darwin-x64, linux-arm64, linux-x64/);
    assert.equal(JSON.parse(readFileSync(join(project, '.tools.lock'), 'utf8')).tools.ripgrep.version, '13.0.0');
    const again = readFileSync(join(project, '.tools.lock'), 'utf8');
    assert.equal((await box.tool(['lock'], { cwd: project })).code, 0);
    assert.equal(readFileSync(join(project, '.tools.lock'), 'utf8'), again, 'locking twice gives the same bytes');
  });

  it('machine B: sync --locked installs the declared set from the lock with zero API requests, byte-identical', async () => {
    box.server.requests.length = 0;
    const sync = await toolB(['sync', '--locked']);
    assert.equal(sync.code, 0, sync.stderr);
    assert.match(sync.stdout, /installed +yt-dlp 2024\.08\.06/);
    assert.deepEqual(apiRequests(), [], 'no GitHub API request under --locked');
    assert.equal((await shB('rg --version')).stdout, 'ripgrep 14.1.1\n');
    assert.equal((await shB('yt-dlp --version')).stdout, 'yt-dlp 2024.08.06\n');
    assert.equal(sha256(storeBin(envB.TOOL_HOME!, 'ripgrep', '14.1.1', 'rg')), sha256(storeBin(box.home, 'ripgrep', '14.1.1', 'rg')));
    assert.equal(sha256(storeBin(envB.TOOL_HOME!, 'yt-dlp', '2024.08.06', 'yt-dlp')), sha256(storeBin(box.home, 'yt-dlp', '2024.08.06', 'yt-dlp')));
    const check = await toolB(['sync', '--check']);
    assert.equal(check.code, 0, check.stdout);
  });

  it('machine B: install --locked in the project gets the same bytes with zero API requests', async () => {
    box.server.requests.length = 0;
    const install = await toolB(['install', '--locked'], { cwd: project });
    assert.equal(install.code, 0, install.stderr);
    assert.deepEqual(apiRequests(), []);
    assert.equal((await shB('rg --version', { cwd: project })).stdout, 'ripgrep 13.0.0\n');
    assert.equal(sha256(storeBin(envB.TOOL_HOME!, 'ripgrep', '13.0.0', 'rg')), sha256(storeBin(box.home, 'ripgrep', '13.0.0', 'rg')));
  });

  it('--locked refuses a .tools line the lock does not satisfy, in one line naming the tool and the fix', async () => {
    box.write('checkout/proj/.tools', 'ripgrep 14.1  # moved on\n');
    const install = await toolB(['install', '--locked'], { cwd: project });
    assert.equal(install.code, 6);
    assert.match(install.stderr, /^tool: .*proj\/\.tools line 1 asks for ripgrep 14\.1, but .*proj\/\.tools\.lock locks 13\.0\.0\. Run `tool lock`.*\n$/);
    box.write('checkout/proj/.tools', 'ripgrep 13.0.0  # CI uses 13\n');
  });

  it('a malformed lock is one line with file and line, and changes nothing', async () => {
    const good = readFileSync(join(project, '.tools.lock'), 'utf8');
    box.write('checkout/proj/.tools.lock', good.replace('"version": "13.0.0"', '"version": 13'));
    const install = await toolB(['install', '--locked'], { cwd: project });
    assert.equal(install.code, 6);
    assert.match(install.stderr, /^tool: .*proj\/\.tools\.lock line \d+: .*Run `tool lock` to rewrite it\.?\n$/);
    box.write('checkout/proj/.tools.lock', good);
  });

  it('a [host=…] section changes one machine only; sync --check finds the drift and sync repairs it', async () => {
    box.write('dotfiles/tools', `${readFileSync(join(dotfiles, 'tools'), 'utf8')}[host=lap*]\nripgrep 13.0.0  # the laptop stays on 13\n`);
    const checkA = await box.tool(['sync', '--check']);
    assert.equal(checkA.code, 0, checkA.stdout);
    const checkB = await toolB(['sync', '--check']);
    assert.equal(checkB.code, 1);
    assert.match(checkB.stdout, /other version +ripgrep: 14\.1\.1 here, 13\.0\.0 declared \(.*tools line 6\)/);
    const json = JSON.parse((await toolB(['sync', '--check', '--json'])).stdout);
    assert.deepEqual(json.differences.map((d: { tool: string; difference: string }) => [d.tool, d.difference]), [['ripgrep', 'other-version']]);
    const sync = await toolB(['sync']);
    assert.equal(sync.code, 0, sync.stderr);
    assert.match(sync.stdout, /switched +ripgrep: 14\.1\.1 → 13\.0\.0/);
    assert.equal((await shB('rg --version')).stdout, 'ripgrep 13.0.0\n');
    assert.equal((await toolB(['sync', '--check'])).code, 0);
    assert.equal((await box.tool(['sync', '--check'])).code, 0, 'machine A is untouched');
    const lock = JSON.parse(readFileSync(join(box.root, 'config/tool/tools.lock'), 'utf8'));
    assert.equal(lock.tools['ripgrep [host=lap*]'].version, '13.0.0');
    assert.equal(lock.tools.ripgrep.version, '14.1.1', 'each machine keeps its own locked version');
  });

  it('conditions follow TOOL_OS and TOOL_ARCH: a darwin-arm64 machine reads its own section', async () => {
    box.write('dotfiles/tools', `${readFileSync(join(dotfiles, 'tools'), 'utf8')}[os=darwin arch=arm64]\nBurntSushi/ripgrep 13  # mac\n`);
    const mac = await run(process.execPath, [CLI, 'sync', '--check', '--json'], { ...envB, TOOL_HOME: join(box.root, 'mac'), TOOL_OS: 'darwin', TOOL_ARCH: 'arm64', TOOL_HOST: 'mac' }, { cwd: envB.HOME });
    assert.equal(mac.code, 1, mac.stderr);
    const wants = JSON.parse(mac.stdout).differences.map((d: { tool: string; difference: string; want: string }) => `${d.tool} ${d.difference} ${d.want}`);
    assert.deepEqual(wants, ['yt-dlp missing 2024.08.06', 'ripgrep missing 13']);
  });

  it('a self-update on machine A reaches machine B through the lock', async () => {
    box.server.addRelease('yt-dlp/yt-dlp', ytDlp('2024.09.27'));
    const update = await box.sh('yt-dlp -U');
    assert.equal(update.code, 0, update.stderr);
    const captured = await box.sh('yt-dlp --version');
    assert.equal(captured.stdout, 'yt-dlp 2024.09.27\n');
    assert.match(captured.stderr, /verified/);
    const lock = JSON.parse(readFileSync(join(box.root, 'config/tool/tools.lock'), 'utf8'));
    assert.equal(lock.tools['yt-dlp'].version, '2024.09.27');
    box.server.requests.length = 0;
    const sync = await toolB(['sync', '--locked']);
    assert.equal(sync.code, 0, sync.stderr);
    assert.deepEqual(apiRequests(), []);
    assert.equal((await shB('yt-dlp --version')).stdout, 'yt-dlp 2024.09.27\n');
    assert.equal(sha256(storeBin(envB.TOOL_HOME!, 'yt-dlp', '2024.09.27', 'yt-dlp')), sha256(storeBin(box.home, 'yt-dlp', '2024.09.27', 'yt-dlp')));
  });

  it('hold --reason writes the exact version and why into the declared set; the other machine holds it too', async () => {
    const hold = await box.tool(['hold', 'yt-dlp', '--reason', 'broke downloads']);
    assert.equal(hold.code, 0, hold.stderr);
    assert.match(readFileSync(join(dotfiles, 'tools'), 'utf8'), /^yt-dlp 2024\.09\.27  # held: broke downloads$/m);
    const check = await toolB(['sync', '--check']);
    assert.match(check.stdout, /other hold +yt-dlp: not held here, held declared/);
    assert.equal((await toolB(['sync', '--locked'])).code, 0);
    assert.match((await toolB(['list'])).stdout, /yt-dlp .*held/);
  });

  it('a download that differs from the lock installs nothing and says how to re-lock', async () => {
    const lockPath = join(project, '.tools.lock');
    const good = readFileSync(lockPath, 'utf8');
    const lock = JSON.parse(good);
    lock.tools.ripgrep.assets['linux-x64'].sha256 = 'f'.repeat(64);
    box.write('checkout/proj/.tools.lock', JSON.stringify(lock));
    const fresh = { ...envB, TOOL_HOME: join(box.root, 'machine-c') };
    const install = await run(process.execPath, [CLI, 'install', '--locked'], fresh, { cwd: project });
    assert.equal(install.code, 5);
    assert.match(install.stderr, /^tool: checksum mismatch for ripgrep-13\.0\.0-x86_64-unknown-linux-musl\.tar\.gz .*\.tools\.lock and the download disagree.*`tool lock`.*\n$/m);
    const list = await run(process.execPath, [CLI, 'list', '--json'], fresh, { cwd: project });
    assert.deepEqual(JSON.parse(list.stdout).tools, []);
    box.write('checkout/proj/.tools.lock', good);
  });

  it('a dangling declared-file symlink is one clear line, and nothing is written', async () => {
    const real = join(dotfiles, 'tools');
    renameSync(real, `${real}.moved`);
    try {
      const before = readFileSync(join(box.home, 'global.tools'), 'utf8');
      const add = await box.tool(['add', 'ripgrep@13.0.0']);
      assert.equal(add.code, 6);
      assert.match(add.stderr, /^tool: .*config\/tool\/tools is a symlink to .*dotfiles\/tools, which does not exist\. Restore .*\n$/m);
      assert.equal(readFileSync(join(box.home, 'global.tools'), 'utf8'), before, 'the global selection did not change');
    } finally {
      renameSync(`${real}.moved`, real);
    }
  });
});
