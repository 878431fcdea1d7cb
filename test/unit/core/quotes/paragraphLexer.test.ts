import * as assert from 'assert';
import fc from 'fast-check';
import { cueTokens } from '../../../../src/core/quotes/cueTokens';
import { ParagraphLexer } from '../../../../src/core/quotes/paragraphLexer';
import { extractQuotedRegions, type QuotedRegion } from '../../../../src/core/quotes/quotedRegions';
import type { Range } from '../../../../src/core/model';

/** Paragraph `p`'s tokens and quotation places as the lexer made them when it kept a span array per paragraph. */
function plain(text: string, ranges: readonly Range[], regions: readonly QuotedRegion[], p: number): { tokens: unknown; quoteToken: Map<number, number> } {
  const spans = regions.flatMap((r, index) => (r.paragraph === p ? [{ span: [r.open, r.closeEnd] as Range, index, endsWithStop: text[r.range[1] - 1] === '.' }] : []));
  const tokens = cueTokens(text, ranges[p], spans);
  const quoteToken = new Map<number, number>();
  tokens.forEach((t, i) => {
    if (t.kind === 'quote') quoteToken.set(t.region, i);
  });
  return { tokens, quoteToken };
}

const piece = fc.constantFrom('Mr Raab said', ' ', '“We will go.”', '"No," she said. ', '‘Yes’', 'the minister', '.', ', ', '\n', '\n\n', '“Open', 'end.”', 'Leeds', '"', '“', '”');

describe('ParagraphLexer', () => {
  it('lexes each paragraph with its quotations as a span list per paragraph did, whatever the order of the regions', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 60 }), fc.integer(), (pieces, seed) => {
        const text = pieces.join('');
        const { paragraphs, regions } = extractQuotedRegions(text);
        // Also with the regions out of paragraph order (the lexer takes each paragraph's in index order).
        const shuffled = [...regions];
        let state = seed >>> 0;
        for (let i = shuffled.length - 1; i > 0; i--) {
          state = (Math.imul(state, 1103515245) + 12345) >>> 0;
          const j = state % (i + 1);
          [shuffled[i], shuffled[j]] = [shuffled[j], shuffled[i]];
        }
        for (const list of [regions, shuffled]) {
          const lexer = new ParagraphLexer(text, paragraphs, list);
          assert.strictEqual(lexer.count, paragraphs.length);
          assert.strictEqual(lexer.paragraph(-1), undefined);
          assert.strictEqual(lexer.paragraph(paragraphs.length), undefined);
          for (let p = 0; p < paragraphs.length; p++) {
            const got = lexer.paragraph(p);
            assert.ok(got);
            assert.deepStrictEqual({ tokens: got.tokens, quoteToken: new Map(got.quoteToken) }, plain(text, paragraphs, list, p), `paragraph ${p} of ${JSON.stringify(text)}`);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('makes a forgotten paragraph afresh, equal to what it was', () => {
    const text = 'He said: “We will go.”\nThen “no” and “yes.”\nLeeds.';
    const { paragraphs, regions } = extractQuotedRegions(text);
    const lexer = new ParagraphLexer(text, paragraphs, regions);
    const first = paragraphs.map((_, p) => lexer.paragraph(p)?.tokens);
    lexer.forgetBefore(paragraphs.length);
    assert.ok(regions.length >= 3);
    assert.deepStrictEqual(paragraphs.map((_, p) => lexer.paragraph(p)?.tokens), first);
  });
});
