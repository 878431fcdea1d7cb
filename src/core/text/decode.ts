/**
 * Bytes to document text, with the same rules for the CLI (bytes from disk) and the extension
 * (bytes from `workspace.fs`), so that offsets computed by one are valid in the other.
 */
import { DEFAULT_MAX_FILE_BYTES } from '../model';

// The core compiles with `types: []` (no DOM, no Node), yet every runtime it targets has the
// WHATWG TextDecoder; declaring the little we use keeps the core free of either lib.
declare const TextDecoder: {
  new (label: 'utf-8', options: { fatal: boolean; ignoreBOM: boolean }): { decode(bytes: Uint8Array): string };
};

export interface DecodeOptions {
  /** Largest accepted input in bytes (default `DEFAULT_MAX_FILE_BYTES`). */
  maxBytes?: number;
}

export type DecodeResult =
  | { ok: true; text: string; /** Set when the bytes were not valid UTF-8 and got U+FFFD replacements. */ warning?: string }
  | { ok: false; error: string };

/**
 * Decodes UTF-8 the way an editor shows it: a leading BOM is dropped (so it counts as nothing in
 * offsets), invalid sequences become U+FFFD with a warning. NUL bytes mean the file is not text:
 * real articles never contain them, and UTF-16 files (which do) would otherwise decode to noise.
 */
export function decodeText(bytes: Uint8Array, options: DecodeOptions = {}): DecodeResult {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (bytes.length > maxBytes) {
    return { ok: false, error: `file is too large (${formatBytes(bytes.length)}; the limit is ${formatBytes(maxBytes)})` };
  }
  if (bytes.indexOf(0) !== -1) return { ok: false, error: 'binary file (contains NUL bytes), not a text file' };
  try {
    // Strict first: valid input (the usual case) is decoded once, and only bad input pays twice.
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    const text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
    return { ok: true, text, warning: 'invalid UTF-8: undecodable bytes were replaced with U+FFFD' };
  }
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
}
