/**
 * Texts handed to a worker thread as UTF-8 bytes in a transferred buffer rather than as strings.
 * A string is copied by the structured clone on the sending thread: two 1 MB articles held it
 * 13-15 ms (the CLI's main thread, the extension host), where encoding them takes about 2 ms and
 * transferring the buffer nothing. Decoding on the receiving thread costs about what reading the
 * copied strings did.
 *
 * Only a well-formed string comes back from UTF-8 unchanged (a lone surrogate, which an editor
 * buffer may hold, would return as U+FFFD), so any other travels as the string itself.
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
