/**
 * Progress while several tools install at once. On a terminal: one status
 * line summarising every download in flight, redrawn in place (at most every
 * REDRAW_MS), with log lines ("installing fd 10.2.0 …") printed above it: the
 * status line is cleared before a log line and redrawn after, so the two never
 * garble each other. Off a terminal (a CI log, a pipe) only the log lines are
 * written, one whole line per write, one per tool installed.
 */
import type { AppContext, ProgressEvent } from '../app/context.js';
import { formatProgress } from './progress.js';

const MB = 1024 * 1024;
const REDRAW_MS = 100;
const LABEL_ROOM = 18;

function share(event: ProgressEvent): string {
  const label = event.label.length > LABEL_ROOM ? `${event.label.slice(0, LABEL_ROOM - 1)}…` : event.label;
  const amount = event.total ? `${Math.min(100, Math.floor((event.received / event.total) * 100))}%` : `${(event.received / MB).toFixed(1)} MB`;
  return `${label} ${amount}`;
}

/** Pure: "  3 downloads  4.1/9.8 MB  ripgrep-14.1.1-x8… 45% · fd-v10.2.0-x86_6… 12% · …", cut to `width`. */
export function formatBoard(events: readonly ProgressEvent[], width = 80): string {
  if (events.length === 1) return formatProgress(events[0]!, width);
  const received = events.reduce((sum, event) => sum + event.received, 0);
  const total = events.every((event) => event.total) ? events.reduce((sum, event) => sum + event.total!, 0) : undefined;
  const sizes = total ? `${(received / MB).toFixed(1)}/${(total / MB).toFixed(1)} MB` : `${(received / MB).toFixed(1)} MB`;
  let line = `  ${events.length} downloads  ${sizes}`;
  for (const [index, event] of events.entries()) {
    const next = `${line}${index === 0 ? '  ' : ' · '}${share(event)}`;
    if (next.length > width - 3) return `${line} …`;
    line = next;
  }
  return line;
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
  let drawn = false;
  let lastDraw = 0;
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
    drawn = false;
  };
  const draw = () => {
    if (active.size === 0) return clear();
    stream.write(`\r\x1b[2K${formatBoard([...active.values()], stream.columns || 80)}`);
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
    if (event.done) active.delete(event.label);
    else active.set(event.label, event);
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
