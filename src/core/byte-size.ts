/**
 * Byte sizes as people write them in settings ("4G", "500M", "1.5GiB", "65536")
 * and as messages show them ("4 GiB"). Units are binary: K = 1024, as in
 * `du -h` and `ls -lh`, so "4G" means 4 GiB. Pure.
 */

const unitPowers: Readonly<Record<string, number>> = { '': 0, k: 1, m: 2, g: 3, t: 4 };

/** The number of bytes `text` names, or undefined when it is not a size or not positive. */
export function parseByteSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmgt]?)(?:i?b)?$/i.exec(text.trim());
  if (!match) return undefined;
  const bytes = Math.floor(Number(match[1]) * 1024 ** unitPowers[match[2]!.toLowerCase()]!);
  return Number.isSafeInteger(bytes) && bytes > 0 ? bytes : undefined;
}

const names = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];

/** "4 GiB", "1.5 MiB", "512 bytes": the largest unit that keeps the number at least 1. */
export function formatByteSize(bytes: number): string {
  let power = 0;
  while (power < names.length - 1 && bytes >= 1024 ** (power + 1)) power++;
  const value = bytes / 1024 ** power;
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1).replace(/\.0$/, '');
  return `${text} ${names[power]}`;
}

/** The way to write `bytes` in a setting: "8G", "1536M", or a plain number of bytes. */
export function byteSizeSetting(bytes: number): string {
  for (const [unit, power] of [['T', 4], ['G', 3], ['M', 2], ['K', 1]] as const) {
    if (bytes % 1024 ** power === 0) return `${bytes / 1024 ** power}${unit}`;
  }
  return String(bytes);
}
