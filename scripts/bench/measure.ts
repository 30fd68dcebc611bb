/**
 * Timing for the benchmark: run a command (asynchronously, so the release
 * server in this process keeps answering), take its wall time and, under GNU
 * time, its peak RSS; summarize samples as median, min and max.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

export interface Sample {
  ms: number;
  /** Peak resident set size in kB, when measured. */
  rssKb?: number;
}

export interface RunSpec {
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /** Measure peak RSS with /usr/bin/time (GNU). */
  rss?: boolean;
  /** A non-zero exit is expected (offline runs). */
  mayFail?: boolean;
}

const GNU_TIME = '/usr/bin/time';
let rssFile = 0;

export function run(spec: RunSpec): Promise<Sample> {
  const out = `/tmp/tool-bench-rss-${process.pid}-${rssFile++}`;
  const [file, args] = spec.rss && existsSync(GNU_TIME) ? [GNU_TIME, ['-f', '%M', '-o', out, spec.file, ...spec.args]] : [spec.file, spec.args];
  const start = process.hrtime.bigint();
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env: spec.env, cwd: spec.cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('close', (code) => {
      const ms = Number(process.hrtime.bigint() - start) / 1e6;
      if (code !== 0 && !spec.mayFail) return reject(new Error(`${spec.file} ${spec.args.join(' ')} exited ${code}: ${stderr.slice(-400)}`));
      const rss = existsSync(out) ? Number(readFileSync(out, 'utf8').trim().split('\n').pop()) : undefined;
      rmSync(out, { force: true });
      resolve(rss ? { ms, rssKb: rss } : { ms });
    });
  });
}

/** Synchronous, for the shim rows: nothing in this process needs to answer meanwhile. */
export function runSync(file: string, args: string[], env: NodeJS.ProcessEnv, cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(file, args, { env, cwd, stdio: 'ignore' });
  if (result.status !== 0) throw new Error(`${file} ${args.join(' ')} exited ${result.status}`);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

export interface Summary {
  median: number;
  min: number;
  max: number;
}

export function summarize(values: readonly number[]): Summary {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)]!, min: sorted[0]!, max: sorted.at(-1)! };
}

/** "182 ms (170-201)" */
export function formatMs(summary: Summary): string {
  return `${summary.median.toFixed(summary.median < 10 ? 2 : 0)} ms (${summary.min.toFixed(summary.min < 10 ? 2 : 0)}-${summary.max.toFixed(summary.max < 10 ? 2 : 0)})`;
}

export interface Row {
  what: string;
  value: string;
  ratio: string;
  target: string;
  met: boolean | undefined;
}

export function printRows(title: string, rows: readonly Row[]): void {
  console.log(`\n${title}`);
  for (const row of rows) {
    const verdict = row.met === undefined ? '' : row.met ? '  met' : '  NOT MET';
    console.log(`  ${row.what.padEnd(44)} ${row.value.padEnd(26)} ${row.ratio.padEnd(22)} target ${row.target}${verdict}`);
  }
}
