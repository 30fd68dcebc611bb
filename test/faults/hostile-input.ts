/**
 * Hostile input: tool names and specs with shell metacharacters, path
 * traversal, NUL bytes, huge lines and files, and a clone whose .tools and
 * .tools.lock ask for sources the user never approved. Nothing may run,
 * nothing may be written outside TOOL_HOME, nothing may be downloaded from an
 * unapproved source, and each refusal is one clear line.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createSandbox, type Sandbox } from '../support/sandbox.js';
import { addWidgets } from '../support/widgets.js';
import { count, figure, hasStackTrace, isOneClearLine, type FaultGroup, type Figure, type Scale } from './figure.js';

const ARGUMENTS = ['x;touch MARK', '$(touch MARK)', '`touch MARK`', '../../MARK', '/tmp/MARK', 'a b', 'widget1@$(touch MARK)', 'acme/widget1@../../../MARK', 'acme/../../widget1', '-rf', 'widget1@1.0.0;touch MARK'];
const SPECS = ['$(touch MARK)', '`touch MARK`', ';touch MARK', '../../../../MARK', '/MARK', '1.0.0 $(touch MARK)', '1.0.0 ;touch MARK', '..', '@global', '|touch MARK'];

async function commandLine(box: Sandbox, mark: string): Promise<Figure> {
  const bad: string[] = [];
  for (const text of ARGUMENTS.map((a) => a.replace('MARK', mark))) {
    for (const command of ['add', 'pin', 'run', 'which', 'remove']) {
      const result = await box.tool([command, text]);
      if (result.code === 0 || !isOneClearLine(result.stderr) || /internal error/.test(result.stderr)) bad.push(`${command} ${JSON.stringify(text)}: exit ${result.code} ${result.stderr.trim()}`);
    }
  }
  const ok = bad.length === 0 && !existsSync(mark);
  return figure(`${ARGUMENTS.length * 5} commands with hostile tool names`, ok, ok ? 'each refused in one line; nothing ran' : `${bad.join(' | ')}${existsSync(mark) ? ' | THE MARK FILE WAS CREATED' : ''}`);
}

async function toolsFileSpecs(box: Sandbox, mark: string): Promise<Figure> {
  const dir = box.dir('user/hostile');
  const bad: string[] = [];
  for (const spec of SPECS.map((s) => s.replace('MARK', mark))) {
    writeFileSync(join(dir, '.tools'), `acme/widget1 ${spec}\n`);
    const ran = await box.sh('widget1 --version', { cwd: dir });
    if (ran.code === 0 || hasStackTrace(ran.stderr) || /internal error/.test(ran.stderr)) bad.push(`${JSON.stringify(spec)}: exit ${ran.code} ${ran.stdout.trim()} ${ran.stderr.trim()}`);
  }
  const ok = bad.length === 0 && !existsSync(mark);
  return figure(`${SPECS.length} hostile specs in a .tools, run through the shim`, ok, ok ? 'each refused in one line; nothing ran, no path outside the store was executed' : `${bad.join(' | ')}${existsSync(mark) ? ' | THE MARK FILE WAS CREATED' : ''}`);
}

async function hugeFiles(box: Sandbox, scale: Scale): Promise<Figure> {
  const dir = box.dir('user/huge');
  const cases: [string, Buffer][] = [
    ['a NUL byte in a line', Buffer.from('acme/widget1 1.0.\u00000\n')],
    ['a 1 MB line', Buffer.from(`acme/widget1 ${'9'.repeat(1 << 20)}\n`)],
    [scale === 'full' ? 'a 4 MB file of comments before the line' : 'a 256 KB file of comments before the line', Buffer.from(`${'# padding\n'.repeat(scale === 'full' ? 400_000 : 25_000)}acme/widget1 1.0.0\n`)],
  ];
  const outcomes: string[] = [];
  let bad = 0;
  for (const [name, bytes] of cases) {
    writeFileSync(join(dir, '.tools'), bytes);
    const started = Date.now();
    const ran = await box.sh('widget1 --version', { cwd: dir });
    const ms = Date.now() - started;
    const clean = ran.code === 0 ? ran.stdout === 'widget1 1.0.0\n' : isOneClearLine(ran.stderr) && !/internal error/.test(ran.stderr) && ran.stderr.length < 1000;
    if (!clean) bad++;
    outcomes.push(`${name}: ${ran.code === 0 ? `ran ${ran.stdout.trim()}` : `refused "${ran.stderr.trim().slice(0, 120)}"`} in ${ms} ms`);
  }
  return figure('NUL bytes, huge lines and huge .tools files', bad === 0, outcomes.join('; '));
}

async function untrustedClone(box: Sandbox): Promise<Figure> {
  const clone = box.dir('user/clone');
  writeFileSync(join(clone, '.tools'), 'evil/payload 1.0.0\nacme/widget1 1.0.0\n');
  box.server.clearRequests();
  const install = await box.tool(['install'], { cwd: clone });
  const evilRequests = count(box.server.requests, (r) => r.path.includes('evil/payload') && r.server !== 'api');
  const ok = install.code !== 0 && isOneClearLine(install.stderr) && /evil\/payload/.test(install.stderr) && evilRequests === 0;
  return figure('a clone whose .tools names a repository never approved', ok, `tool install: exit ${install.code} "${install.stderr.trim().split('\n').at(-1)}"; downloads from evil/payload: ${evilRequests}`);
}

async function hostile(scale: Scale): Promise<Figure[]> {
  const box = await createSandbox();
  try {
    addWidgets(box.server, 1, '1.0.0');
    box.server.addRelease('evil/payload', { tag: 'v1.0.0', assets: [{ name: 'payload_linux_amd64', body: Buffer.from('#!/bin/sh\ntouch /tmp/evil-ran\n') }] });
    await box.tool(['add', 'acme/widget1@1.0.0']);
    const mark = join(box.root, 'MARK-created');
    return [await commandLine(box, mark), await toolsFileSpecs(box, mark), await hugeFiles(box, scale), await untrustedClone(box)];
  } finally {
    await box.close();
  }
}

export const hostileInput: FaultGroup = { name: 'hostile-input', run: hostile };
