/**
 * Drives a generated completion script in the real shell, the way pressing TAB
 * would: bash through COMP_WORDS/COMP_CWORD and the _tool function (as
 * readline calls it), fish through `complete -C` (its own completion engine),
 * zsh in an interactive shell on a pseudo-terminal (zsh/zpty), where TAB runs
 * compsys and a key bound to a widget reports the line it left.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The shell's path, or false when this machine does not have it. */
export function shellPath(name: string): string | false {
  return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).stdout.trim() || false;
}

const shq = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`;
const fishq = (text: string) => `'${text.replace(/[\\']/g, '\\$&')}'`;

function withScript<T>(script: string, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tool-completion-'));
  try {
    const file = join(dir, 'script');
    writeFileSync(file, script);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function checked(result: ReturnType<typeof spawnSync>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} exited ${result.status}: ${String(result.stderr)}`);
  return String(result.stdout);
}

/**
 * COMPREPLY for each line. A line is the words typed so far, split at spaces
 * ("tool add " ends in an empty word at the cursor), or the words themselves
 * as bash splits them ("--shell=f" is "--shell", "=", "f").
 */
export function completeInBash(script: string, lines: Array<string | string[]>, env: NodeJS.ProcessEnv): string[][] {
  return withScript(script, (file) => {
    const calls = lines.map((line) => `c ${(typeof line === 'string' ? line.split(' ') : line).map(shq).join(' ')}`);
    const program = [
      `source ${shq(file)}`,
      'c() { COMP_WORDS=("$@"); COMP_CWORD=$(( $# - 1 )); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}; COMPREPLY=(); _tool; printf "%s\\n" "${COMPREPLY[*]}"; }',
      ...calls,
    ].join('\n');
    const out = checked(spawnSync('bash', ['--norc', '--noprofile', '-c', program], { env, encoding: 'utf8' }), 'bash');
    return out.split('\n').slice(0, lines.length).map((reply) => reply.split(' ').filter(Boolean));
  });
}

/** The candidates fish offers for each line (its descriptions dropped). */
export function completeInFish(fish: string, script: string, lines: string[], env: NodeJS.ProcessEnv): string[][] {
  return withScript(script, (file) => {
    const program = [`source ${fishq(file)}`, ...lines.flatMap((line) => [`complete -C ${fishq(line)}`, "echo '<<end>>'"])].join('\n');
    const out = checked(spawnSync(fish, ['--no-config', '-c', program], { env, encoding: 'utf8' }), 'fish');
    return out.split('<<end>>\n').slice(0, lines.length).map((block) => block.split('\n').filter(Boolean).map((candidate) => candidate.split('\t')[0]!));
  });
}

/**
 * The line zsh leaves after TAB, for each line typed, in an interactive zsh
 * with compinit and the script sourced (unique candidates complete in place).
 */
export function completeInZsh(zsh: string, script: string, lines: string[], env: NodeJS.ProcessEnv): string[] {
  return withScript(script, (file, dir) => {
    const out = join(dir, 'lines');
    const driver = [
      'zmodload zsh/zpty',
      `zpty z ${shq(`${zsh} -f -i`)}`,
      'drain() { local chunk; while zpty -rt z chunk 2>/dev/null; do :; done }',
      `zpty -w z ${shq(`PS1=; autoload -U compinit; compinit -u -d ${dir}/zcompdump; source ${file}`)}`,
      `zpty -w z ${shq(`zle -N report; report() { print -r -- "$BUFFER" >> ${out} }; bindkey "^T" report; : > ${dir}/ready`)}`,
      // zsh drops what was typed ahead while it starts: type only once it is ready.
      `for try in {1..300}; do drain; [[ -f ${dir}/ready ]] && break; sleep 0.1; done`,
      // Each line: type it, TAB, report (^T), clear the line (^U); wait until reported (at most 30 s), so no step depends on timing.
      ...lines.flatMap((line, index) => [
        `zpty -w -n z ${shq(line)}$'\\t\\x14\\x15'`,
        `for try in {1..300}; do drain; [[ -f ${out} && $(wc -l < ${out}) -ge ${index + 1} ]] && break; sleep 0.1; done`,
      ]),
      'zpty -d z',
      `cat ${out}`,
    ].join('\n');
    const result = checked(spawnSync(zsh, ['-f', '-c', driver], { env, encoding: 'utf8' }), 'zsh');
    return result.split('\n').slice(0, lines.length);
  });
}
