/**
 * Texts handed to a worker thread as UTF-8 bytes in a transferred buffer rather than as strings,
 * where the sending thread is the one that must not be held: the extension host. A string is
 * copied by the structured clone on the sending thread (two 1 MB articles: 13-15 ms), where
 * encoding them takes 2-10 ms (warm to cold) and transferring the buffer nothing. The receiving
 * thread pays for it: decoding costs it more than reading copied strings, so the CLI, whose two
 * threads both lie on the critical path, keeps posting strings (tried: no faster end to end).
 *
 * Only a well-formed string comes back from UTF-8 unchanged (a lone surrogate would return as
 * U+FFFD), so any other travels as the string itself. Documents reach the extension host without
 * lone surrogates in practice (the workbench replaces them on the way), so this is a guard; the
 * check costs under a millisecond per MB.
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

/** The buffers to list for transfer when posting `packed` texts. */
export function transferListOf(packed: readonly PackedText[]): ArrayBuffer[] {
  return packed.flatMap((text) => (typeof text === 'string' ? [] : [text.buffer as ArrayBuffer]));
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
