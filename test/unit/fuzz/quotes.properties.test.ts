// Property tests of the quote extraction and attribution on their own: where regions open and close.
import * as assert from 'assert';
import fc from 'fast-check';
import { analyzeQuotes } from '../../../src/core/quotes/attribution';
import { extractQuotedRegions, MAX_REGION_CHARS, paragraphRanges } from '../../../src/core/quotes/quotedRegions';
import { articleText, degenerateText, fuzzParameters, proseText } from './hostileText';
import { assertRange, QUOTE_MARKS } from './invariants';

const anyText = fc.oneof({ weight: 3, arbitrary: articleText(200) }, { weight: 3, arbitrary: proseText(14) }, { weight: 1, arbitrary: degenerateText });

describe('quote extraction properties (fuzz)', function () {
  this.timeout(0);

  it('opens every region on a quote mark and closes it on one or at its paragraph end', () => {
    fc.assert(fc.property(anyText, (text) => {
      const { paragraphs, regions } = extractQuotedRegions(text);
      paragraphs.forEach((paragraph, index) => {
        assertRange(text, paragraph, `paragraph ${index}`, false);
        assert.ok(!/[\r\n]/u.test(text.slice(paragraph[0], paragraph[1])), `paragraph ${index} holds a line break`);
      });
      regions.forEach((region, index) => {
        const what = `region ${index}`;
        assertRange(text, region.range, what, false);
        // A further turn inside one quote (`… back. GUEST: …`) opens on its label, where the turn before it ends.
        const previous = regions[index - 1];
        const turn = previous !== undefined && previous.close < 0 && previous.closeEnd === region.open && region.label?.[0] === region.open;
        assert.ok(QUOTE_MARKS.includes(text[region.open]) || turn, `${what}: opens on ${JSON.stringify(text[region.open])}`);
        assert.ok(region.open < region.range[0], `${what}: content starts at or before its mark`);
        const paragraph = paragraphs[region.paragraph];
        assert.ok(paragraph && region.open >= paragraph[0] && region.range[1] <= paragraph[1], `${what}: outside its paragraph`);
        if (region.close >= 0) {
          assert.ok(QUOTE_MARKS.includes(text[region.close]), `${what}: closes on ${JSON.stringify(text[region.close])}`);
          assert.ok(region.range[1] <= region.close && region.close < region.closeEnd && region.closeEnd <= paragraph[1], `${what}: close mark misplaced`);
        } else {
          // Open: to its paragraph's end, unless cut at MAX_REGION_CHARS (at a space).
          const cut = region.closeEnd < paragraph[1] && /\s/u.test(text[region.closeEnd]) && region.closeEnd > region.open;
          const next = regions[index + 1];
          const turnAfter = next !== undefined && next.open === region.closeEnd && next.label?.[0] === region.closeEnd;
          assert.ok(region.closeEnd === paragraph[1] || cut || turnAfter, `${what}: an open region must run to its paragraph end, be cut at a space or end at the next turn's label`);
          assert.ok(region.range[1] - region.open <= MAX_REGION_CHARS || !/\s/u.test(text.slice(region.open + 1, region.open + MAX_REGION_CHARS)), `${what}: longer than MAX_REGION_CHARS`);
        }
      });
    }), fuzzParameters(2000));
  });

  it('gives paragraphs as the non-blank lines, whatever the line breaks', () => {
    fc.assert(fc.property(anyText, (text) => {
      // Lines as the editor counts them: a lone CR ends one too.
      const lines = text.split(/\r\n?|\n/u).filter((line) => /\S/u.test(line));
      const paragraphs = paragraphRanges(text).map(([start, end]) => text.slice(start, end));
      assert.deepStrictEqual(paragraphs, lines.map((line) => line.trim()));
    }), fuzzParameters(1000));
  });

  it('attributes quotes only to words of the text, and keeps quotes sorted and disjoint', () => {
    fc.assert(fc.property(anyText, (text) => {
      const { quotes, nonSpeech, speakers } = analyzeQuotes(text);
      let previousEnd = 0;
      for (const quote of quotes) {
        assertRange(text, quote.range, `quote ${quote.id}`, false);
        assert.strictEqual(quote.text, text.slice(quote.range[0], quote.range[1]));
        assert.ok(quote.range[0] >= previousEnd, `quote ${quote.id} overlaps the previous one`);
        previousEnd = quote.range[1];
        if (quote.speaker) {
          assertRange(text, quote.speaker.range, `speaker mention of quote ${quote.id}`, false);
          assert.strictEqual(speakers[quote.speaker.speaker]?.name, quote.speaker.name);
        }
      }
      for (const item of nonSpeech) assertRange(text, item.range, 'non-speech quote', false);
    }), fuzzParameters(1000));
  });
});
