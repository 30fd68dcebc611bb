/** One self-overwriting stderr line per download, drawn only when stderr is a terminal. */
import type { ProgressEvent } from '../app/context.js';

const MB = 1024 * 1024;

/** Pure: "ripgrep-14.1.1-….tar.gz  45%  12.3/27.1 MB". */
export function formatProgress(event: ProgressEvent, width = 80): string {
  const sizes = event.total ? `${(event.received / MB).toFixed(1)}/${(event.total / MB).toFixed(1)} MB` : `${(event.received / MB).toFixed(1)} MB`;
  const percent = event.total ? `  ${Math.min(100, Math.floor((event.received / event.total) * 100))}%` : '';
  const tail = `${percent}  ${sizes}`;
  const room = Math.max(10, width - tail.length - 2);
  const label = event.label.length > room ? `${event.label.slice(0, room - 1)}…` : event.label;
  return `  ${label}${tail}`;
}

export function terminalProgress(stream: NodeJS.WriteStream): ((event: ProgressEvent) => void) | undefined {
  if (!stream.isTTY) return undefined;
  return (event) => {
    const line = formatProgress(event, stream.columns || 80);
    stream.write(event.done ? '\r\x1b[2K' : `\r\x1b[2K${line}`);
  };
}
