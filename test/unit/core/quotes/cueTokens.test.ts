import * as assert from 'assert';
import fc from 'fast-check';
import { cueTokens, firstWordIndex, TOKEN, type CueToken } from '../../../../src/core/quotes/cueTokens';
import type { Range } from '../../../../src/core/model';

type QuoteSpan = { span: Range; index: number; endsWithStop?: boolean };

/**
 * The tokens as `TOKEN` defines them: the regular expression run over a slice of each piece between
 * quotations, each word lower-cased on its own. `cueTokens` scans the text instead; this is what it must equal.
 */
function byDefinition(text: string, [start, end]: Range, quotes: readonly QuoteSpan[]): CueToken[] {
  const tokens: CueToken[] = [];
  const word = (chars: string, at: number): CueToken => {
    let lower = chars.toLowerCase().replace(/’/g, "'");
    let possessive = false;
    if (lower.endsWith("'s") && lower.length > 2) {
      lower = lower.slice(0, -2);
      possessive = true;
    } else if (lower.endsWith("'")) {
      lower = lower.slice(0, -1);
      possessive = lower.endsWith('s');
    }
    const capital = /^[\p{Lu}\p{N}]/u.test(chars) && !(chars.includes('-') && /^\p{Lu}\p{Ll}+-\p{Ll}/u.test(chars));
    return { kind: 'word', start: at, end: at + chars.length, text: chars, lower, capital, possessive, region: -1, index: -1 };
  };
  const punct = (chars: string, at: number): CueToken =>
    ({ kind: 'punct', start: at, end: at + chars.length, text: chars, lower: chars, capital: false, possessive: false, region: -1, index: -1 });
  let at = start;
  const lexUntil = (limit: number): void => {
    if (limit <= at) return;
    for (const m of text.slice(at, limit).matchAll(TOKEN)) {
      const s = at + (m.index ?? 0);
      const chars = m[0];
      // The first code unit decides, as it did: a word opening with an astral letter (`𝐀`) is punctuation.
      if (!/^[\p{L}\p{N}]/u.test(chars[0])) tokens.push(punct(chars, s));
      else if (/['’]$/.test(chars) && !/s['’]$/i.test(chars)) tokens.push(word(chars.slice(0, -1), s), punct(chars.slice(-1), s + chars.length - 1));
      else tokens.push(word(chars, s));
    }
    at = limit;
  };
  for (const quote of quotes) {
    if (quote.span[1] <= start || quote.span[0] >= end) continue;
    lexUntil(Math.max(start, quote.span[0]));
    const s = Math.max(start, quote.span[0]);
    const e = Math.min(end, quote.span[1]);
    tokens.push({ kind: 'quote', start: s, end: e, text: '', lower: quote.endsWithStop ? '.' : '', capital: false, possessive: false, region: quote.index, index: -1 });
    at = e;
  }
  lexUntil(end);
  tokens.forEach((t, i) => { t.index = i; });
  return tokens;
}

describe('cueTokens', () => {
  it('reads words with their lower-case form, capital and possessive', () => {
    const text = 'The ministers’ plan: Mr. Raab’s “so-called” U.S. deal, Anti-war G7 talks\' end.';
    const words = cueTokens(text, [0, text.length], []).filter((t) => t.kind === 'word');
    assert.deepStrictEqual(words.map((t) => [t.text, t.lower, t.capital, t.possessive]), [
      ['The', 'the', true, false], ['ministers’', 'ministers', false, true], ['plan', 'plan', false, false],
      ['Mr', 'mr', true, false], ['Raab’s', 'raab', true, true], ['so-called', 'so-called', false, false],
      ['U.S', 'u.s', true, false], ['deal', 'deal', false, false], ['Anti-war', 'anti-war', false, false],
      ['G7', 'g7', true, false], ["talks'", 'talks', false, true], ['end', 'end', false, false],
    ]);
  });

  it('folds each quotation into one token that knows its region', () => {
    const text = 'He said “Stop.” and left.';
    const tokens = cueTokens(text, [0, text.length], [{ span: [8, 15], index: 4, endsWithStop: true }]);
    assert.deepStrictEqual(tokens.map((t) => t.kind === 'quote' ? `quote ${t.region} ${t.lower}` : t.text), ['He', 'said', 'quote 4 .', 'and', 'left', '.']);
    assert.deepStrictEqual(tokens.map((t) => t.index), [0, 1, 2, 3, 4, 5]);
    assert.strictEqual(firstWordIndex(tokens), 0);
    assert.strictEqual(firstWordIndex(tokens.slice(2, 3)), 1);
  });

  it('finds exactly the tokens of the TOKEN regular expression, on any text and range (property)', () => {
    const pieces = ['a', 'B', 's', 'S', 'é', 'É', 'e\u0301', '\u0301', '7', ' ', '\n', '\r\n', '\t', '\u00a0', '.', ',', '/', ':', "'", '’',
      '-', '–', '“', '”', '"', '(', '😀', '𝐀', 'İ', 'Σ', 'ß', '\ud835', '\udc00', 'Anti-', 'Mr', "'s", '’s'];
    const input = fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).chain((parts) => {
      const length = parts.join('').length;
      const offset = fc.integer({ min: 0, max: length });
      return fc.tuple(fc.constant(parts.join('')), offset, offset, fc.array(fc.tuple(offset, offset, fc.boolean()), { maxLength: 3 }));
    });
    fc.assert(fc.property(input, ([text, a, b, spans]) => {
      const range: Range = [Math.min(a, b), Math.max(a, b)];
      const quotes = spans.map(([x, y, stop], index) => ({ span: [Math.min(x, y), Math.max(x, y) + 1] as Range, index, endsWithStop: stop }))
        .sort((x, y) => x.span[0] - y.span[0]);
      assert.deepStrictEqual(cueTokens(text, range, quotes), byDefinition(text, range, quotes));
    }), { numRuns: 2000 });
  });
});
