/** One self-overwriting stderr line per download, drawn only when stderr is a terminal. */
import type { ProgressEvent } from '../app/context.js';
import { rateText, speedometer, type Rate } from './download-rate.js';

const MB = 1024 * 1024;

/** Pure: "ripgrep-14.1.1-….tar.gz  45%  12.3/27.1 MB  2.4 MB/s  6s left". */
export function formatProgress(event: ProgressEvent, width = 80, rate?: Rate): string {
  const sizes = event.total ? `${(event.received / MB).toFixed(1)}/${(event.total / MB).toFixed(1)} MB` : `${(event.received / MB).toFixed(1)} MB`;
  const percent = event.total ? `  ${Math.min(100, Math.floor((event.received / event.total) * 100))}%` : '';
  const remaining = event.total === undefined ? undefined : Math.max(0, event.total - event.received);
  const tail = `${percent}  ${sizes}${rateText(rate, remaining)}`;
  const room = Math.max(10, width - tail.length - 2);
  const label = event.label.length > room ? `${event.label.slice(0, room - 1)}…` : event.label;
  return `  ${label}${tail}`;
}

export function terminalProgress(stream: NodeJS.WriteStream, now: () => number = Date.now): ((event: ProgressEvent) => void) | undefined {
  if (!stream.isTTY) return undefined;
  const rateOf = speedometer(now);
  return (event) => {
    const line = formatProgress(event, stream.columns || 80, rateOf(event));
    stream.write(event.done ? '\r\x1b[2K' : `\r\x1b[2K${line}`);
  };
}
