/**
 * The comparison page's payload, encoder and decoder side by side. The comparison travels as UTF-8
 * JSON, serialized off the host's thread by the worker; the two texts as UTF-8 from the host, which
 * holds them. Both are cut into pieces of their own buffers that the host posts between yields (one
 * message of several MB held the host's thread for hundreds of milliseconds), and the page decodes
 * the whole once the last piece of a run has arrived.
 */
import type { Comparison, ManyComparison } from '../core/model';
import { decodeUtf8Pieces, type PackedText } from './textTransfer';

export interface ComparisonPayload {
  comparison: Comparison;
  texts: { a: string; b: string };
}

/** Which part of the payload a piece belongs to: the comparison's JSON, or the text of article A or B. */
export type PayloadPart = 'comparison' | 'a' | 'b';

export interface PayloadPiece {
  part: PayloadPart;
  /** UTF-8 bytes in a buffer of their own (a piece may end inside a character). */
  data: Uint8Array;
}

/**
 * Bytes per piece. VS Code passes typed arrays to webviews as binary, so a piece costs the host
 * about the copy VS Code makes of it, where a string is encoded and copied again.
 */
export const PAYLOAD_PIECE_BYTES = 128 * 1024;

const encoder = new TextEncoder();

/** `bytes` cut into pieces of at most `size` bytes, each in a buffer of its own: VS Code sends a typed array's whole buffer with each message. */
export function cutIntoPieces(bytes: Uint8Array, size: number): Uint8Array[] {
  const pieces: Uint8Array[] = [];
  for (let start = 0; start < bytes.length; start += size) pieces.push(bytes.slice(start, start + size));
  return pieces;
}

/** The comparison's pieces (on the worker). JSON.stringify escapes lone surrogates, so its output survives UTF-8. */
export function encodeComparison(comparison: Comparison | ManyComparison, pieceBytes = PAYLOAD_PIECE_BYTES): Uint8Array[] {
  return cutIntoPieces(encoder.encode(JSON.stringify(comparison)), pieceBytes);
}

/**
 * The whole payload's pieces (on the host), from the worker's comparison pieces and the texts as
 * the host packed them for the worker. A text that stayed a string (it holds a lone surrogate) is
 * encoded here, its lone surrogates as U+FFFD: one UTF-16 unit as well, so every offset holds.
 */
export function encodePayload(comparisonPieces: readonly Uint8Array[], texts: { a: PackedText; b: PackedText }, pieceBytes = PAYLOAD_PIECE_BYTES): PayloadPiece[] {
  const textPieces = (part: 'a' | 'b'): PayloadPiece[] => {
    const text = texts[part];
    return cutIntoPieces(typeof text === 'string' ? encoder.encode(text) : text, pieceBytes).map((data) => ({ part, data }));
  };
  return [...comparisonPieces.map((data): PayloadPiece => ({ part: 'comparison', data })), ...textPieces('a'), ...textPieces('b')];
}

/** The payload from every piece of one run, in the order posted (on the page). */
export function decodePayload(pieces: readonly PayloadPiece[]): ComparisonPayload {
  const bytesOf = (part: PayloadPart): Uint8Array[] => pieces.filter((piece) => piece.part === part).map((piece) => piece.data);
  return {
    comparison: JSON.parse(decodeUtf8Pieces(bytesOf('comparison'))) as Comparison,
    texts: { a: decodeUtf8Pieces(bytesOf('a')), b: decodeUtf8Pieces(bytesOf('b')) },
  };
}
