/**
 * An exact map from offsets in an article's text to offsets in the source it was read from (a web
 * page, a Markdown file), both in UTF-16 code units.
 *
 * The article text is a sequence of pieces. A piece whose text has the same length as its source
 * span maps character by character (text copied from the source, possibly with a different
 * character, as a line break read from `\r`); any other piece maps as a whole: a character reference
 * (`&amp;` read as `&`), a run of whitespace read as one space, a paragraph break read from the tags
 * between two paragraphs. A range that starts inside a whole piece starts at the piece's source
 * start, and one that ends inside it ends at the piece's source end, so a range over `&` covers all
 * of `&amp;`. Text between pieces (tags, markup) belongs to no piece: a range that spans it covers
 * it, a range that ends before it stops at the last word.
 *
 * Consecutive pieces that copy contiguous source are one piece, so a page's map holds about one
 * piece per text node or reference: building is linear, a look-up is a binary search.
 */
import type { Range } from '../model';

export class OffsetMap {
  /**
   * Piece k covers article offsets `[articleStarts[k], articleStarts[k + 1])` (the last one up to
   * `length`) and source offsets `[sourceStarts[k], sourceEnds[k])`.
   */
  private constructor(
    /** Length of the article text. */
    readonly length: number,
    private readonly articleStarts: Int32Array,
    private readonly sourceStarts: Int32Array,
    private readonly sourceEnds: Int32Array,
  ) {}

  /** The map of a text read as itself (plain text): every offset maps to itself. */
  static identity(length: number): OffsetMap {
    return new OffsetMap(length, Int32Array.of(0), Int32Array.of(0), Int32Array.of(length));
  }

  /** A map from its pieces (`OffsetMapBuilder.finish`, or `pieces()` sent from another thread). */
  static fromPieces(length: number, articleStarts: Int32Array, sourceStarts: Int32Array, sourceEnds: Int32Array): OffsetMap {
    return new OffsetMap(length, articleStarts, sourceStarts, sourceEnds);
  }

  /** How many pieces the map holds (its size, for tests and measurements). */
  get pieceCount(): number {
    return this.length === 0 ? 0 : this.articleStarts.length;
  }

  /** True when every offset maps to itself. */
  get isIdentity(): boolean {
    return this.articleStarts.length === 1 && this.sourceStarts[0] === 0 && this.sourceEnds[0] === this.length;
  }

  /** Where the article character at `offset` begins in the source (`offset` up to `length`). */
  sourceStart(offset: number): number {
    if (offset >= this.length) return this.sourceEnd(this.length);
    const k = this.pieceAt(offset);
    return this.isWhole(k) ? this.sourceStarts[k] : this.sourceStarts[k] + (offset - this.articleStarts[k]);
  }

  /** Where the article character just before `offset` ends in the source (`offset` from 0). */
  sourceEnd(offset: number): number {
    if (this.length === 0) return this.sourceEnds[0] ?? 0;
    if (offset <= 0) return this.sourceStart(0);
    const k = this.pieceAt(Math.min(offset, this.length) - 1);
    return this.isWhole(k) ? this.sourceEnds[k] : this.sourceStarts[k] + (Math.min(offset, this.length) - this.articleStarts[k]);
  }

  /**
   * The source range of an article range: its start and end mapped separately. An empty range
   * stays empty (a point: where something is missing). Pieces come in the source's order except
   * where the HTML parser moves text (misplaced text in a table), so the two ends are sorted.
   */
  toSource(range: Range): Range {
    const [start, end] = range;
    if (start === end) {
      const point = start < this.length ? this.sourceStart(start) : this.sourceEnd(start);
      return [point, point];
    }
    const from = this.sourceStart(start);
    const to = this.sourceEnd(end);
    return from <= to ? [from, to] : [to, from];
  }

  /**
   * The article range of a source range, the inverse of `toSource` on the ranges it makes: a start
   * inside a piece maps to its article offset (a whole piece's first), a start in markup to the
   * next piece; an end to the last article character it covers. Pieces are in the source's order
   * (the HTML reader keeps document order), so this is a binary search too.
   */
  toArticle(range: Range): Range {
    const [start, end] = range;
    const from = this.articleAtSourceStart(start);
    if (end <= start) return [from, from];
    return [from, Math.max(from, this.articleAtSourceEnd(end))];
  }

  /** The article pieces, for sending the map to another thread (`fromPieces` rebuilds it). */
  pieces(): { length: number; articleStarts: Int32Array; sourceStarts: Int32Array; sourceEnds: Int32Array } {
    return { length: this.length, articleStarts: this.articleStarts, sourceStarts: this.sourceStarts, sourceEnds: this.sourceEnds };
  }

  private articleEnd(k: number): number {
    return k + 1 < this.articleStarts.length ? this.articleStarts[k + 1] : this.length;
  }

  /** The article offset of the first character at or after source offset `offset`. */
  private articleAtSourceStart(offset: number): number {
    const k = this.lastPieceStartingAtOrBefore(offset);
    if (k < 0) return 0;
    if (offset < this.sourceEnds[k]) return this.isWhole(k) ? this.articleStarts[k] : this.articleStarts[k] + (offset - this.sourceStarts[k]);
    return this.articleEnd(k);
  }

  /** The article offset just past the last character ending at or before source offset `offset`. */
  private articleAtSourceEnd(offset: number): number {
    const k = this.lastPieceStartingAtOrBefore(offset - 1);
    if (k < 0) return 0;
    if (offset < this.sourceEnds[k]) return this.isWhole(k) ? this.articleEnd(k) : this.articleStarts[k] + (offset - this.sourceStarts[k]);
    return this.articleEnd(k);
  }

  private lastPieceStartingAtOrBefore(offset: number): number {
    const starts = this.sourceStarts;
    if (this.length === 0 || starts[0] > offset) return -1;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private isWhole(k: number): boolean {
    return this.articleEnd(k) - this.articleStarts[k] !== this.sourceEnds[k] - this.sourceStarts[k];
  }

  /** The last piece starting at or before `offset`. */
  private pieceAt(offset: number): number {
    const starts = this.articleStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >>> 1;
      if (starts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** Collects pieces in article order; merges a copy that continues the previous one. */
export class OffsetMapBuilder {
  private articleStarts: number[] = [];
  private sourceStarts: number[] = [];
  private sourceEnds: number[] = [];
  private length = 0;
  /** True while the last piece is a character-by-character copy that the next one may extend. */
  private lastIsCopy = false;

  /** Appends `articleLength` characters read from source `[sourceStart, sourceEnd)`. */
  add(articleLength: number, sourceStart: number, sourceEnd: number): void {
    if (articleLength <= 0) return;
    const isCopy = articleLength === sourceEnd - sourceStart;
    const last = this.sourceEnds.length - 1;
    if (isCopy && this.lastIsCopy && this.sourceEnds[last] === sourceStart) {
      this.sourceEnds[last] = sourceEnd;
    } else {
      this.articleStarts.push(this.length);
      this.sourceStarts.push(sourceStart);
      this.sourceEnds.push(sourceEnd);
      this.lastIsCopy = isCopy;
    }
    this.length += articleLength;
  }

  finish(): OffsetMap {
    if (this.length === 0) return OffsetMap.identity(0);
    return OffsetMap.fromPieces(this.length, Int32Array.from(this.articleStarts), Int32Array.from(this.sourceStarts), Int32Array.from(this.sourceEnds));
  }
}
