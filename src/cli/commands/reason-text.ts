/** How a user's --reason is shown in tables: quoted, on one line, so it reads as their words, not ours. */

export function quoteReason(reason: string): string {
  return `"${reason.replace(/\s+/g, ' ').trim()}"`;
}

/** "held", "held: broke downloads", or the reason alone for a tool that is not held. */
export function reasonNote(held: boolean, reason: string | undefined): string {
  if (held) return reason ? `held: ${reason.replace(/\s+/g, ' ').trim()}` : 'held';
  return reason ? quoteReason(reason) : '';
}
