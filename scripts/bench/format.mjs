// Small formatting and statistics helpers shared by the benchmark scripts.

export function median(values) {
  const sorted = [...values].sort((x, y) => x - y);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** The value below which `fraction` of the values lie (nearest rank). */
export function percentile(values, fraction) {
  const sorted = [...values].sort((x, y) => x - y);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)];
}

/** `10k`, `1m`, `5MB`, `300000` -> bytes (binary units: 1k = 1024). */
export function parseSize(text) {
  const match = /^(\d+(?:\.\d+)?)\s*([km]?)b?$/i.exec(text.trim());
  if (!match) throw new Error(`not a size: ${text}`);
  const unit = { '': 1, k: 1024, m: 1024 * 1024 }[match[2].toLowerCase()];
  return Math.round(Number(match[1]) * unit);
}

export function formatBytes(bytes) {
  if (bytes >= 1024 * 1024) return `${Number((bytes / 1048576).toFixed(1))} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}

/** A Markdown table, columns padded so that it also reads in a terminal. */
export function table(header, rows) {
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => String(row[column]).length)));
  const line = (cells) => `| ${cells.map((cell, column) => String(cell).padEnd(widths[column])).join(' | ')} |`;
  return [line(header), `|${widths.map((width) => '-'.repeat(width + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}
