/**
 * Texts as they cross threads: UTF-8 bytes rather than strings where the sending thread must not be
 * held (the extension host), because encoding a text once costs that thread less than the structured
 * clone of a string, and the same bytes then serve the worker and the page.
 *
 * Only a well-formed string comes back from UTF-8 unchanged (a lone surrogate would return as
 * U+FFFD), so any other travels as the string itself. Documents reach the extension host without
 * lone surrogates in practice (the workbench replaces them on the way), so this is a guard.
 */
export type PackedText = string | Uint8Array;

const encoder = new TextEncoder();
// ignoreBOM: a text that begins with U+FEFF keeps it (the default decoder would drop it, and every offset after with it).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

export function packText(text: string): PackedText {
  return text.isWellFormed() ? encoder.encode(text) : text;
}

export function unpackText(packed: PackedText): string {
  return typeof packed === 'string' ? packed : decoder.decode(packed);
}

/** The text of UTF-8 `pieces` cut anywhere (inside a character too): joined as bytes, then decoded once. */
export function decodeUtf8Pieces(pieces: readonly Uint8Array[]): string {
  const whole = new Uint8Array(pieces.reduce((sum, piece) => sum + piece.length, 0));
  let at = 0;
  for (const piece of pieces) {
    whole.set(piece, at);
    at += piece.length;
  }
  return decoder.decode(whole);
}
