/**
 * Progress while several tools install at once. On a terminal: one status
 * line summarising every download in flight, redrawn in place (at most every
 * REDRAW_MS), with log lines ("installing fd 10.2.0 …") printed above it: the
 * status line is cleared before a log line and redrawn after, so the two never
 * garble each other. Off a terminal (a CI log, a pipe) only the log lines are
 * written, one whole line per write, one per tool installed.
 */
import type { AppContext, ProgressEvent } from '../app/context.js';
import { rateText, speedometer, type Rate } from './download-rate.js';
import { formatProgress } from './progress.js';

const MB = 1024 * 1024;
const REDRAW_MS = 100;
const LABEL_ROOM = 18;

function share(event: ProgressEvent): string {
  const label = event.label.length > LABEL_ROOM ? `${event.label.slice(0, LABEL_ROOM - 1)}…` : event.label;
  const amount = event.total ? `${Math.min(100, Math.floor((event.received / event.total) * 100))}%` : `${(event.received / MB).toFixed(1)} MB`;
  return `${label} ${amount}`;
}

/** Pure: "  3 downloads  4.1/9.8 MB  5.2 MB/s  1s left  ripgrep-14.1.1-x8… 45% · …", cut to `width`; `rate` is all of them together. */
export function formatBoard(events: readonly ProgressEvent[], width = 80, rate?: Rate): string {
  if (events.length === 1) return formatProgress(events[0]!, width, rate);
  const received = events.reduce((sum, event) => sum + event.received, 0);
  const total = events.every((event) => event.total) ? events.reduce((sum, event) => sum + event.total!, 0) : undefined;
  const sizes = total ? `${(received / MB).toFixed(1)}/${(total / MB).toFixed(1)} MB` : `${(received / MB).toFixed(1)} MB`;
  let line = `  ${events.length} downloads  ${sizes}${rateText(rate, total === undefined ? undefined : Math.max(0, total - received))}`;
  for (const [index, event] of events.entries()) {
    const next = `${line}${index === 0 ? '  ' : ' · '}${share(event)}`;
    if (next.length > width - 3) return `${line} …`;
    line = next;
  }
  return line;
}

/** The downloads' speeds added up, once every one of them has a speed. */
function combined(rates: readonly (Rate | undefined)[]): Rate | undefined {
  if (rates.length === 0 || rates.some((rate) => rate === undefined)) return undefined;
  return { bytesPerSecond: rates.reduce((sum, rate) => sum + rate!.bytesPerSecond, 0) };
}

export interface ProgressBoard {
  /** The context to run the command with: its log and progress go through the board. */
  ctx: AppContext;
  /** Clears the status line; call before printing results. */
  close(): void;
}

export function withProgressBoard(ctx: AppContext, stream: NodeJS.WriteStream, now: () => number = Date.now): ProgressBoard {
  if (!stream.isTTY) return { ctx: { ...ctx, progress: () => {} }, close: () => {} };
  const active = new Map<string, ProgressEvent>();
  const rateOf = speedometer(now);
  const rates = new Map<string, Rate | undefined>();
  let drawn = false;
  let lastDraw = 0;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = () => {
    if (active.size === 0) return clear();
    stream.write(`\r\x1b[2K${formatBoard([...active.values()], stream.columns || 80, combined([...active.keys()].map((label) => rates.get(label))))}`);
    drawn = true;
    lastDraw = now();
  };
  const log = (line: string) => {
    clear();
    ctx.log(line);
    draw();
  };
  const progress = (event: ProgressEvent) => {
    const fresh = !active.has(event.label);
    const rate = rateOf(event);
    if (event.done) {
      active.delete(event.label);
      rates.delete(event.label);
    } else {
      active.set(event.label, event);
      rates.set(event.label, rate);
    }
    if (fresh || event.done || now() - lastDraw >= REDRAW_MS) draw();
  };
  return {
    ctx: { ...ctx, log, progress },
    close: () => {
      active.clear();
      clear();
    },
  };
}
