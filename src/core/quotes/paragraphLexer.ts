/**
 * The cue tokens of a document's paragraphs, lexed when first asked for and dropped once attribution
 * has moved past them.
 */
import { cueTokens, type CueToken } from './cueTokens';
import type { Attribution } from './attributionPatterns';
import type { QuotedRegion } from './quotedRegions';
import type { Range } from '../model';

export interface ParagraphTokens {
  tokens: CueToken[];
  /** Token index of each region of the paragraph, by region index. */
  quoteToken: ReadonlyMap<number, number>;
  /** The last cue of the paragraph with its subject, once looked for (see `lastCue` in speakerCandidates.ts). */
  lastCue?: Attribution | null;
  /**
   * The paragraph's sentences (token ranges) and the phrases the speaker model weighs beside the
   * patterns' in each (see `clausePhrases`), each sentence's looked for once when first asked.
   */
  clauses?: { sentences: Array<[number, number]>; phrases: Array<Attribution[] | undefined> };
}

const NO_QUOTES: ReadonlyMap<number, number> = new Map();
const NO_SPANS: readonly QuoteSpan[] = [];

type QuoteSpan = { span: Range; index: number; endsWithStop: boolean };

/**
 * Cue tokens of each paragraph, made when first asked for and kept until `forgetBefore` passes
 * them. Tokens are most of the memory attribution uses (an object per word): kept for a paragraph or
 * two they die young, which costs next to nothing, where kept for a whole long text they would
 * survive into the old generation and be copied by the garbage collector.
 */
export class ParagraphLexer {
  /**
   * The regions of paragraph `p` are `byParagraph[firstOf[p]]` to `byParagraph[firstOf[p + 1] - 1]`
   * (in index order): a paragraph's quotations are made into spans only when it is lexed, rather
   * than an array per paragraph and an object per region kept for the whole text.
   */
  private readonly firstOf: Int32Array;
  private readonly byParagraph: Int32Array;
  private readonly kept: Array<ParagraphTokens | undefined>;
  /** Paragraphs before this one have been forgotten. */
  private keptFrom = 0;

  constructor(private readonly text: string, private readonly ranges: readonly Range[], private readonly regions: readonly QuotedRegion[]) {
    this.kept = ranges.map(() => undefined);
    // A counting sort of the regions by paragraph (stable: index order within each).
    const firstOf = new Int32Array(ranges.length + 1);
    for (let i = 0; i < regions.length; i++) firstOf[regions[i].paragraph + 1]++;
    for (let p = 0; p < ranges.length; p++) firstOf[p + 1] += firstOf[p];
    const next = firstOf.slice(0, ranges.length);
    const byParagraph = new Int32Array(regions.length);
    for (let i = 0; i < regions.length; i++) byParagraph[next[regions[i].paragraph]++] = i;
    this.firstOf = firstOf;
    this.byParagraph = byParagraph;
  }

  /** The quotations of paragraph `p`, in region order, as `cueTokens` takes them. */
  private quotesOf(p: number): QuoteSpan[] {
    const quotes: QuoteSpan[] = [];
    for (let k = this.firstOf[p]; k < this.firstOf[p + 1]; k++) {
      const index = this.byParagraph[k];
      const r = this.regions[index];
      quotes.push({ span: [r.open, r.closeEnd], index, endsWithStop: this.text[r.range[1] - 1] === '.' });
    }
    return quotes;
  }

  /** Paragraph `p`'s tokens, quotations folded, with the quotations' places (undefined outside the text). */
  paragraph(p: number): ParagraphTokens | undefined {
    if (p < 0 || p >= this.ranges.length) return undefined;
    let kept = this.kept[p];
    if (!kept) {
      const tokens = cueTokens(this.text, this.ranges[p], this.firstOf[p] === this.firstOf[p + 1] ? NO_SPANS : this.quotesOf(p));
      // (Most paragraphs quote nothing: they share one empty map.)
      let quoteToken = NO_QUOTES;
      if (this.firstOf[p] < this.firstOf[p + 1]) {
        const places = new Map<number, number>();
        for (let i = 0; i < tokens.length; i++) if (tokens[i].kind === 'quote') places.set(tokens[i].region, i);
        quoteToken = places;
      }
      kept = { tokens, quoteToken };
      this.kept[p] = kept;
    }
    return kept;
  }

  /** The number of paragraphs. */
  get count(): number {
    return this.ranges.length;
  }

  /** Drops the tokens of paragraphs before `p`. */
  forgetBefore(p: number): void {
    for (; this.keptFrom < Math.min(p, this.kept.length); this.keptFrom++) this.kept[this.keptFrom] = undefined;
  }
}
