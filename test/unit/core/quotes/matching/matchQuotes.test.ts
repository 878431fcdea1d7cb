import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { compareTexts } from '../../../../../src/core/compare';
import type { Quote } from '../../../../../src/core/model';
import fc from 'fast-check';
import { analyzeQuotes } from '../../../../../src/core/quotes/attribution';
import { matchQuotes, pairQuotes } from '../../../../../src/core/quotes/matching/matchQuotes';
import { MAX_PARTNERS, maxQuoteMatches, QuotePairing, type QuoteSide } from '../../../../../src/core/quotes/matching/quotePairing';
import { extractQuotedRegions } from '../../../../../src/core/quotes/quotedRegions';
import { tokenize, Vocabulary } from '../../../../../src/core/text/tokenize';
import { fuzzParameters } from '../../../fuzz/hostileText';

const fixture = (name: string): string => fs.readFileSync(path.join(__dirname, '../../../../fixtures/quotes', name), 'utf8');

/** Quotes at each occurrence of `pieces` in `text`, the i-th spoken by speaker `speakers[i]`. */
function quotesOf(text: string, pieces: string[], speakers: Array<number | null>): Quote[] {
  return pieces.map((piece, id) => {
    const start = text.indexOf(piece);
    assert.ok(start >= 0, piece);
    const s = speakers[id];
    return { id, range: [start, start + piece.length], text: piece, statement: id, speaker: s === null ? null : { speaker: s, name: `S${s}`, range: [0, 1], cue: { kind: 'verb', range: null } } };
  });
}

function match(textA: string, piecesA: string[], speakersA: Array<number | null>, textB: string, piecesB: string[], speakersB: Array<number | null>) {
  return matchQuotes(
    { tokens: tokenize(textA), quotes: quotesOf(textA, piecesA, speakersA) },
    { tokens: tokenize(textB), quotes: quotesOf(textB, piecesB, speakersB) },
  );
}

describe('matchQuotes', () => {
  it('pairs the same words as identical, whatever the punctuation and case', () => {
    const a = '“We will rebuild the old bridge,” she said.';
    const b = '"we will rebuild the old bridge." She said so.';
    const result = match(a, ['We will rebuild the old bridge,'], [0], b, ['we will rebuild the old bridge.'], [0]);
    assert.deepStrictEqual(result, [{ a: 0, b: 0, kind: 'identical', differences: [], conflict: false }]);
  });

  it('pairs a partial quote as contained, naming the side that holds the other', () => {
    const a = 'She said they were “deeply worried”.';
    const b = '“We are deeply worried by the floods,” she said.';
    assert.deepStrictEqual(match(a, ['deeply worried'], [0], b, ['We are deeply worried by the floods,'], [0]), [
      { a: 0, b: 0, kind: 'contained', container: 'b', differences: [], conflict: false },
    ]);
  });

  it('flags an altered quote with its word differences, ranges in the original texts', () => {
    const a = '“We cannot let the town run out of food and medicine,” he said.';
    const b = '"We cannot let the town run out of bread and medicine," he said.';
    const [m] = match(a, ['We cannot let the town run out of food and medicine,'], [0], b, ['We cannot let the town run out of bread and medicine,'], [0]);
    assert.strictEqual(m.kind, 'altered');
    assert.deepStrictEqual(m.differences.map((d) => [a.slice(d.a[0], d.a[1]), b.slice(d.b[0], d.b[1])]), [['food', 'bread']]);
  });

  it('includes a word changed at the first or last position of the quote in the differences', () => {
    const a = '“Residents waited for the ferry that never came to the island for generations,” she said.';
    const b = '"Families waited for the ferry that never came to the island for decades," she said.';
    const [m] = match(a, ['Residents waited for the ferry that never came to the island for generations,'], [0],
      b, ['Families waited for the ferry that never came to the island for decades,'], [0]);
    assert.strictEqual(m.kind, 'altered');
    assert.deepStrictEqual(m.differences.map((d) => [a.slice(d.a[0], d.a[1]), b.slice(d.b[0], d.b[1])]),
      [['Residents', 'Families'], ['generations', 'decades']]);
  });

  it('flags the same words given to different speakers as a conflict', () => {
    const a = 'Managers said crews were “back at work by Monday”.';
    const b = 'The union said crews would be “back at work by Monday”.';
    const [m] = match(a, ['back at work by Monday'], [1], b, ['back at work by Monday'], [2]);
    assert.strictEqual(m.conflict, true);
    const [unknown] = match(a, ['back at work by Monday'], [1], b, ['back at work by Monday'], [null]);
    assert.strictEqual(unknown.conflict, false, 'no conflict where a speaker is unknown');
  });

  it('avoids false alarms: one-word quotes, generic pairs, and quotes sharing only a few words', () => {
    assert.deepStrictEqual(match('He said “No.”', ['No.'], [0], 'She said: “No.”', ['No.'], [1]), []);
    assert.deepStrictEqual(match('It was “in the end”.', ['in the end'], [0], '“In the end we won,” he said.', ['In the end we won,'], [1]), []);
    const a = '“The council must publish the budget before the vote,” she said.';
    const b = '“The council must resign and the mayor must go now,” he said.';
    assert.deepStrictEqual(match(a, ['The council must publish the budget before the vote,'], [0], b, ['The council must resign and the mayor must go now,'], [1]), []);
  });
});

describe('matchQuotes with many quotes sharing an opening', () => {
  // 300 quotes a side that all open `we will not accept`: every pair shares a four-word run, so
  // this takes the prefix-filtered path; the matches must be exactly the ones that share enough words.
  const tail = (i: number, side: string): string => [0, 1, 2, 3, 4, 5].map((k) => `${side}${i}w${k}`).join(' ');
  const quotesText = (side: (i: number) => string, count: number): { text: string; pieces: string[] } => {
    const pieces = Array.from({ length: count }, (_, i) => `We will not accept ${side(i)}`);
    return { text: pieces.map((p) => `“${p},” said a spokesman.`).join('\n\n'), pieces };
  };
  it('finds the identical, contained and altered pairs and nothing else', () => {
    const a = quotesText((i) => tail(i, 'a'), 300);
    const b = quotesText((i) => (i === 7 ? tail(7, 'a') : i === 8 ? tail(8, 'a').replace('a8w2', 'other') : i === 9 ? tail(9, 'a').split(' ').slice(0, 4).join(' ') : tail(i, 'b')), 300);
    const result = match(a.text, a.pieces, a.pieces.map(() => 0), b.text, b.pieces, b.pieces.map(() => 0));
    assert.deepStrictEqual(result.map((m) => [m.a, m.b, m.kind]), [[7, 7, 'identical'], [8, 8, 'altered'], [9, 9, 'contained']]);
  });
});

describe('matchQuotes with one quote repeated many times', () => {
  const piece = 'We will not accept this plan from the council, not now and not ever';
  const copies = (count: number): { text: string; pieces: string[]; speakers: number[] } => {
    const pieces = Array.from({ length: count }, () => piece);
    return { text: pieces.map((p) => `“${p},” he said.`).join('\n\n'), pieces, speakers: pieces.map(() => 0) };
  };

  it('pairs each quote with its first copies in the other text, all quotes alike, no more matches than the cap', () => {
    const { text, pieces, speakers } = copies(MAX_PARTNERS * 3);
    const result = match(text, pieces, speakers, text, pieces, speakers);
    const cap = maxQuoteMatches(pieces.length, pieces.length);
    assert.ok(cap < pieces.length * MAX_PARTNERS, 'the case must reach the cap');
    assert.strictEqual(result.length, cap);
    assert.ok(result.every((m) => m.kind === 'identical' && m.b < MAX_PARTNERS));
    // A fair share: every quote keeps its first partners, none loses them to another's copies.
    for (let a = 0; a < pieces.length; a++) {
      const partners = result.filter((m) => m.a === a).map((m) => m.b);
      assert.ok(partners.length >= Math.floor(cap / pieces.length), `quote ${a} keeps ${partners.length}`);
      assert.deepStrictEqual(partners, partners.map((_, k) => k), `quote ${a} keeps its first partners`);
    }
    const tokens = tokenize(text);
    const pairing = new QuotePairing({ tokens, quotes: quotesOf(text, pieces, speakers) }, tokens, quotesOf(text, pieces, speakers).map((q) => q.range));
    pairing.finish(quotesOf(text, pieces, speakers));
    assert.strictEqual(pairing.truncated, true, 'the cut is reported');
  });

  it('pairs every copy with every copy when there are a few (the cap leaves ordinary repetition alone)', () => {
    const { text, pieces, speakers } = copies(5);
    assert.strictEqual(match(text, pieces, speakers, text, pieces, speakers).length, 25);
  });
});

describe('matchQuotes with a long quote printed many times among quotes that share its words', () => {
  // A text that repeats its stories: ten copies of a long quote a side (a word changed in A's, so
  // that no copy is the other's twin, which would be tried first), so that its runs lead to
  // more than OVERLAP_FILTER_ABOVE entries; 200 quotes made of its words (not in its order), so
  // that the prefix filter's lists are the longer and the quote's own lists are read instead; and,
  // first in B, quotes that share one run with it but too few words, which those lists hold and the
  // filter must keep out, or they would take its partners' places.
  const long = Array.from({ length: 30 }, (_, k) => `q${k}`).join(' ');
  const decoy = (i: number): string => `q0 q1 q2 q3 ${Array.from({ length: 10 }, (_, k) => `d${i}x${k}`).join(' ')}`;
  const filler = 'q0 q2 q4 q6 q8 q10 q12';
  /** Quotes at the pieces, in order (a piece printed twice gets two ranges). */
  const side = (pieces: string[]): QuoteSide & { text: string } => {
    const text = pieces.map((p) => `“${p},” said the mayor.`).join('\n\n');
    let from = 0;
    const quotes: Quote[] = pieces.map((piece, id) => {
      const start = text.indexOf(piece, from);
      from = start + piece.length;
      return { id, range: [start, start + piece.length], text: piece, statement: id, speaker: null };
    });
    return { text, tokens: tokenize(text), quotes };
  };

  it('pairs each copy with copies of itself, not with the quotes that share a run', () => {
    const copies = Array.from({ length: 10 }, () => long);
    const a = side(copies.map((copy) => copy.replace('q29', 'changed')));
    const b = side([...Array.from({ length: 10 }, (_, i) => decoy(i)), ...copies, ...Array.from({ length: 200 }, () => filler)]);
    const pairs = pairQuotes(a, b);
    const copyInB = (id: number): boolean => id >= 10 && id < 20;
    assert.ok(pairs.every((pair) => copyInB(pair.b) && pair.kind === 'altered'), JSON.stringify(pairs.filter((pair) => !copyInB(pair.b)).slice(0, 3)));
    for (let id = 0; id < 10; id++) assert.strictEqual(pairs.filter((pair) => pair.a === id).length, MAX_PARTNERS, `copy ${id}`);
  });
});

describe("QuotePairing: pairing quotes before B's quotes are known", function () {
  this.timeout(0);
  // Sides as compareTexts makes them: one vocabulary for both texts.
  const sides = (textA: string, quotesA: Quote[], textB: string): { a: QuoteSide; tokensB: QuoteSide['tokens'] } => {
    const vocabulary = new Vocabulary();
    return { a: { tokens: tokenize(textA, vocabulary), quotes: quotesA }, tokensB: tokenize(textB, vocabulary) };
  };
  // Quotes that all open `We will not accept`, then four words of quote i % 40 of a side.
  const openings = (count: number, side: (i: number) => string): { text: string; pieces: string[] } => {
    const pieces = Array.from({ length: count }, (_, i) => `We will not accept ${[0, 1, 2, 3].map((k) => `${side(i)}${i % 40}w${k}`).join(' ')}`);
    return { text: pieces.map((p) => `“${p},” said a spokesman.`).join('\n\n'), pieces };
  };
  // B has A's quotes (each several times) among quotes of its own.
  const pairingCase = (count: number): { a: QuoteSide; tokensB: QuoteSide['tokens']; candidatesB: Quote[] } => {
    const a = openings(count, () => 'a');
    const b = openings(count, (i) => (i % 3 === 0 ? 'b' : 'a'));
    const quotesA = quotesOf(a.text, a.pieces, a.pieces.map(() => 0)).map((q, i) => ({ ...q, range: rangeOfNth(a.text, a.pieces[i], i) }));
    const candidatesB = quotesOf(b.text, b.pieces, b.pieces.map(() => 1)).map((q, i) => ({ ...q, range: rangeOfNth(b.text, b.pieces[i], i) }));
    return { ...sides(a.text, quotesA, b.text), candidatesB };
  };

  // About one gram-list entry per B quote for each A quote: over 256 entries, candidates are found by
  // prefix filtering. With 300 candidates the first step leaves every A quote's lists to `finish`;
  // with 200 it collects and compares the candidates ahead. All 300 or 270 of them as quotes take
  // prefix filtering, 20 do not.
  for (const count of [300, 200]) {
    it(`gives exactly what pairQuotes gives for any of ${count} candidates as B's quotes, in any order`, () => {
      const { a: sideA, tokensB, candidatesB } = pairingCase(count);
      const all = candidatesB.map((_, i) => i);
      const examples: Array<[number[]]> = [[all], [all.slice(0, 20)], [all.slice(0, 270).reverse()]];
      fc.assert(fc.property(fc.shuffledSubarray(all), (chosen) => {
        // B's quotes: the chosen candidates, numbered in the order chosen.
        const quotesB = chosen.map((i, id) => ({ ...candidatesB[i], id }));
        const pairing = new QuotePairing(sideA, tokensB, candidatesB.map((q) => q.range));
        assert.deepStrictEqual(pairing.finish(quotesB), pairQuotes(sideA, { tokens: tokensB, quotes: quotesB }));
      }), { ...fuzzParameters(40), examples });
    });
  }

  it('gives what pairQuotes gives when B\'s quotes are some of its quoted regions, and starts again when one is not', () => {
    const textA = fixture('harbour-a.txt');
    const textB = fixture('harbour-b.txt');
    const { a: sideA, tokensB } = sides(textA, analyzeQuotes(textA).quotes, textB);
    const quotesB = analyzeQuotes(textB).quotes;
    const regions = extractQuotedRegions(textB).regions.map((r) => r.range);
    const expected = pairQuotes(sideA, { tokens: tokensB, quotes: quotesB });
    assert.ok(expected.length > 0);
    assert.deepStrictEqual(new QuotePairing(sideA, tokensB, regions).finish(quotesB), expected);
    assert.deepStrictEqual(new QuotePairing(sideA, tokensB, regions.slice(1)).finish(quotesB), expected, 'a quote missing from the candidates');
    assert.deepStrictEqual(new QuotePairing(sideA, tokensB, []).finish(quotesB), expected, 'no candidates at all');
  });
});

/** The range of the n-th occurrence (counting every piece before it) of `piece` placed by `openings`. */
function rangeOfNth(text: string, piece: string, n: number): [number, number] {
  let at = -1;
  for (let k = 0; k <= n; k++) at = text.indexOf('“', at + 1);
  assert.strictEqual(text.slice(at + 1, at + 1 + piece.length), piece);
  return [at + 1, at + 1 + piece.length];
}

describe('compareTexts: quotes across two hand-written articles', () => {
  const comparison = compareTexts({ name: 'a', text: fixture('harbour-a.txt') }, { name: 'b', text: fixture('harbour-b.txt') });
  const pairs = comparison.quoteMatches.map((m) => [
    comparison.a.quotes[m.a].text.slice(0, 20), comparison.b.quotes[m.b].text.slice(0, 20), m.kind, m.container ?? null, m.conflict,
  ]);

  it('fills quotes, non-speech quotations and one speaker list', () => {
    assert.strictEqual(comparison.a.quotes.length, 7);
    assert.strictEqual(comparison.b.quotes.length, 10);
    assert.deepStrictEqual(comparison.a.nonSpeech.map((n) => n.kind), ['scare', 'title']);
    assert.strictEqual(comparison.speakers[0].name, 'Elena Marsh');
    assert.deepStrictEqual(comparison.speakers[0].quotes, { a: [0, 1, 2, 3, 4], b: [0, 1, 2, 3, 4] });
  });

  it('pairs the quotes, flags the misquote and the conflicting attribution', () => {
    assert.deepStrictEqual(pairs, [
      ['gravely worried', 'gravely worried by t', 'contained', 'b', false],
      ['The government has o', 'The government has o', 'identical', null, false],
      ['We cannot allow the ', 'We cannot allow the ', 'altered', null, false],
      ['Every day of this di', 'Every day of this di', 'identical', null, false],
      ['too little, too late', 'too little, too late', 'identical', null, false],
      ['back to the cranes', 'back to the cranes', 'identical', null, true],
    ]);
  });
});
