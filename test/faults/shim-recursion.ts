/**
 * A shim that finds itself: a tool whose executable runs its own name (by
 * exec, and as a child that waits) comes back through the shim every time.
 * The shims count their nesting and stop at 32 with one line and exit 126,
 * so neither loop runs forever nor becomes a fork bomb.
 */
import { createSandbox } from '../support/sandbox.js';
import { figure, isOneClearLine, type FaultGroup, type Figure } from './figure.js';

const LOOPS: Record<string, string> = {
  'a tool that execs its own name': '#!/bin/sh\nexec selfexec "$@"\n',
  'a tool that runs its own name as a child': '#!/bin/sh\nselfchild "$@"\nexit $?\n',
};

async function recursion(): Promise<Figure[]> {
  const box = await createSandbox();
  try {
    const figures: Figure[] = [];
    for (const [name, script] of Object.entries(LOOPS)) {
      const exe = script.includes('exec selfexec') ? 'selfexec' : 'selfchild';
      box.server.addRelease(`loop/${exe}`, { tag: 'v1.0.0', assets: [{ name: `${exe}_linux_amd64`, body: Buffer.from(script) }] });
      await box.tool(['add', `loop/${exe}`]);
      const started = Date.now();
      const ran = await box.sh(exe);
      const ms = Date.now() - started;
      const lines = ran.stderr.split('\n').filter(Boolean);
      const ok = ran.code === 126 && isOneClearLine(lines[0] ? `${lines[0]}\n` : '') && /came through its shim 32 times nested/.test(ran.stderr);
      figures.push(figure(name, ok, `exit ${ran.code} after ${ms} ms: ${lines[0] ?? '(no message)'}${lines.length > 1 ? ` (+${lines.length - 1} lines)` : ''}`));
    }
    return figures;
  } finally {
    await box.close();
  }
}

export const shimRecursion: FaultGroup = { name: 'shim-recursion', run: recursion };
