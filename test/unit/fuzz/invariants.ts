/**
 * What must hold of every comparison, whatever the input: the checks the property tests run on
 * each generated pair. Each failure message names the item, so a shrunk counterexample reads
 * on its own.
 */
import * as assert from 'assert';
import type { Comparison, Difference, Range, Side } from '../../../src/core/model';
import { MAX_REGION_CHARS } from '../../../src/core/quotes/quotedRegions';
import { tokenize, wordAt, type Tokens } from '../../../src/core/text/tokenize';

/** Every character the core may read as a quotation mark (the backtick only as ``` `` ```, which opens like “). */
export const QUOTE_MARKS = `"'“”„‟«»‘’‚‹›\``;
const QUOTE_MARK = new RegExp(`[${QUOTE_MARKS}]`, 'u');
// A transcript label that the quote extraction keeps out of the quote (`PENCE: `).
const LABEL_AFTER_MARK = /^\s*(?:[\p{Lu}][\p{Lu}.'’\- ]{1,40}:\s+)?$/u;
// A further turn inside one quote (`"HOST: Welcome back. GUEST: Thanks."`) starts at its label after a sentence's end, and ends at the next one.
const TURN_LABEL_BEFORE = /[.?!…"”'’)]\s+[\p{Lu}][\p{Lu}.'’\- ]{1,40}:\s+$/u;
const TURN_LABEL_AFTER = /^\s+[\p{Lu}][\p{Lu}.'’\- ]{1,40}:\s/u;

const isHigh = (unit: number) => unit >= 0xd800 && unit <= 0xdbff;
const isLow = (unit: number) => unit >= 0xdc00 && unit <= 0xdfff;

/** True when `offset` falls between the two halves of a surrogate pair. */
export function splitsSurrogatePair(text: string, offset: number): boolean {
  return offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset));
}

export function assertRange(text: string, range: Range, what: string, allowEmpty = true): void {
  assert.ok(Array.isArray(range) && range.length === 2, `${what}: not a range: ${JSON.stringify(range)}`);
  const [start, end] = range;
  assert.ok(Number.isInteger(start) && Number.isInteger(end), `${what}: non-integer offsets ${JSON.stringify(range)}`);
  assert.ok(start >= 0 && end <= text.length, `${what}: ${JSON.stringify(range)} outside a text of ${text.length}`);
  assert.ok(allowEmpty ? start <= end : start < end, `${what}: start after end ${JSON.stringify(range)}`);
  assert.ok(!splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end), `${what}: ${JSON.stringify(range)} splits a surrogate pair`);
}

/** Indices of the tokens lying wholly inside `range`; asserts that no token straddles its edges. */
function tokensIn(tokens: Tokens, [start, end]: Range, what: string): number[] {
  const inside: number[] = [];
  for (let t = 0; t < tokens.count; t++) {
    const s = tokens.start[t];
    const e = tokens.end[t];
    if (e <= start || s >= end) continue;
    assert.ok(s >= start && e <= end, `${what}: range [${start}, ${end}) cuts the word ${JSON.stringify(tokens.text.slice(s, e))}`);
    inside.push(t);
  }
  return inside;
}

const within = (inner: Range, outer: Range) => inner[0] >= outer[0] && inner[1] <= outer[1];

/**
 * A passage's ranges end on the real edges of its words: beyond its first and last word each takes
 * in only punctuation (and the spaces of an ellipsis standing beside it), never part of a word, and
 * only what the other text has there too, compared with quote marks, dashes and ellipses folded.
 */
function assertSharedEdges(tokens: { a: Tokens; b: Tokens }, passage: Comparison['passages'][number], words: { a: number[]; b: number[] }, what: string): void {
  const edges = (side: Side): [string, string] => {
    const { text, start, end } = tokens[side];
    const inside = words[side];
    const [from, to] = passage[side];
    return [text.slice(from, start[inside[0]]), text.slice(end[inside[inside.length - 1]], to)];
  };
  const fold = (edge: string): string => edge.replace(/[\s\p{M}\u200d]/gu, '').replace(/["“”„‟«»＂〝〞]/gu, '"').replace(/['‘’‚‛‹›ʼ]/gu, "'")
    .replace(/[-‐‑‒–—―]/gu, '-').replace(/\.\.\./gu, '…');
  const [beforeA, afterA] = edges('a');
  const [beforeB, afterB] = edges('b');
  for (const edge of [beforeA, afterA, beforeB, afterB]) assert.ok(!/[\p{L}\p{N}]/u.test(edge), `${what}: takes in part of a word beyond its edge: ${JSON.stringify(edge)}`);
  assert.strictEqual(fold(beforeA), fold(beforeB), `${what}: takes in ${JSON.stringify(beforeA)} before it in A, ${JSON.stringify(beforeB)} in B`);
  assert.strictEqual(fold(afterA), fold(afterB), `${what}: takes in ${JSON.stringify(afterA)} after it in A, ${JSON.stringify(afterB)} in B`);
}

/** The shared passage's words that no difference covers are the same words, in order, on both sides. */
function assertPassageMatches(tokens: { a: Tokens; b: Tokens }, passage: Comparison['passages'][number]): void {
  const what = `passage ${passage.id}`;
  const words = { a: tokensIn(tokens.a, passage.a, what), b: tokensIn(tokens.b, passage.b, what) };
  assert.strictEqual(words.a.length, passage.words.a, `${what}: words.a is ${passage.words.a}, the range holds ${words.a.length}`);
  assert.strictEqual(words.b.length, passage.words.b, `${what}: words.b is ${passage.words.b}, the range holds ${words.b.length}`);
  assert.strictEqual(passage.identical, passage.differences.length === 0, `${what}: identical=${passage.identical} with ${passage.differences.length} differences`);
  assertSharedEdges(tokens, passage, words, what);
  const outsideDifferences = (side: Side) => {
    const covered = (t: number) => passage.differences.some((difference: Difference) => {
      const [start, end] = difference[side];
      return tokens[side].start[t] >= start && tokens[side].end[t] <= end && end > start;
    });
    return words[side].filter((t) => !covered(t)).map((t) => wordAt(tokens[side], t));
  };
  passage.differences.forEach((difference, k) => {
    for (const side of ['a', 'b'] as const) {
      assertRange(tokens[side].text, difference[side], `${what} difference ${k} (${side})`);
      assert.ok(within(difference[side], passage[side]), `${what}: difference ${k} lies outside the passage on side ${side}`);
      tokensIn(tokens[side], difference[side], `${what} difference ${k} (${side})`);
    }
    assert.ok(difference.a[1] > difference.a[0] || difference.b[1] > difference.b[0], `${what}: difference ${k} is empty on both sides`);
  });
  assert.deepStrictEqual(outsideDifferences('a'), outsideDifferences('b'), `${what}: the words outside its differences do not match`);
}

function assertQuotes(text: string, comparison: Comparison, side: Side): void {
  const { quotes, nonSpeech } = comparison[side];
  let previousEnd = 0;
  let previousStatement = -1;
  quotes.forEach((quote, index) => {
    const what = `quote ${side}${index}`;
    assert.strictEqual(quote.id, index, `${what}: id ${quote.id} is not its ordinal`);
    assertRange(text, quote.range, what, false);
    assert.strictEqual(quote.text, text.slice(quote.range[0], quote.range[1]), `${what}: text is not the slice of its range`);
    // Sorted and disjoint: the hover and the decorations look quotes up by binary search.
    assert.ok(quote.range[0] >= previousEnd, `${what}: overlaps or precedes the previous quote`);
    previousEnd = quote.range[1];
    assert.ok(quote.statement >= previousStatement && quote.statement <= previousStatement + 1, `${what}: statement ${quote.statement} after ${previousStatement}`);
    previousStatement = quote.statement;
    assert.ok(!/[\r\n]/u.test(quote.text), `${what}: runs across a line break`);
    const before = text.slice(0, quote.range[0]);
    const mark = Math.max(...[...QUOTE_MARKS].map((ch) => before.lastIndexOf(ch)));
    assert.ok(mark >= 0 && (LABEL_AFTER_MARK.test(before.slice(mark + 1)) || TURN_LABEL_BEFORE.test(before.slice(mark + 1))), `${what}: ${JSON.stringify(quote.text)} does not follow a quote mark`);
    const after = text.slice(quote.range[1]);
    const next = /^[^\S\r\n]*(.|\r|\n|$)/u.exec(after)?.[1] ?? '';
    // A region that would run past MAX_REGION_CHARS is cut at a space (see quotes.ts).
    // (After half the bound when a sentence ends there, else before a word that crosses the bound.)
    const nextWord = /^(\s*)(\S*)/u.exec(after) ?? ['', '', ''];
    const cut = quote.range[1] - mark > MAX_REGION_CHARS / 2 || quote.range[1] + nextWord[0].length > mark + MAX_REGION_CHARS;
    assert.ok(next === '' || next === '\n' || next === '\r' || QUOTE_MARK.test(next) || cut || TURN_LABEL_AFTER.test(after), `${what}: ${JSON.stringify(quote.text)} is followed by ${JSON.stringify(next)}, neither a quote mark nor a paragraph end`);
    if (quote.speaker) {
      assertRange(text, quote.speaker.range, `${what} speaker mention`);
      const speaker = comparison.speakers[quote.speaker.speaker];
      assert.ok(speaker, `${what}: speaker ${quote.speaker.speaker} does not exist`);
      assert.ok(speaker.quotes[side].includes(quote.id), `${what}: its speaker does not list it`);
    }
  });
  nonSpeech.forEach((quote, index) => assertRange(text, quote.range, `non-speech quote ${side}${index}`));
}

/** Asserts every invariant of `comparison`, the comparison of texts `a` and `b`. */
export function assertComparisonInvariants(a: string, b: string, comparison: Comparison): void {
  const tokens = { a: tokenize(a), b: tokenize(b) };
  const texts = { a, b };
  for (const side of ['a', 'b'] as const) {
    const stats = comparison[side].stats;
    assert.strictEqual(stats.characters, texts[side].length, `stats ${side}: characters`);
    assert.strictEqual(stats.words, tokens[side].count, `stats ${side}: words`);
    assert.ok(stats.share >= 0 && stats.share <= 1 && !Number.isNaN(stats.share), `stats ${side}: share ${stats.share}`);
    assert.ok(stats.sharedWords >= 0 && stats.sharedWords <= stats.words, `stats ${side}: sharedWords ${stats.sharedWords} of ${stats.words}`);
    assert.ok(stats.sharedCharacters >= 0 && stats.sharedCharacters <= stats.characters, `stats ${side}: sharedCharacters ${stats.sharedCharacters} of ${stats.characters}`);
    assertQuotes(texts[side], comparison, side);
  }
  comparison.passages.forEach((passage, index) => {
    assert.strictEqual(passage.id, index, `passage ${index}: id ${passage.id}`);
    assertRange(a, passage.a, `passage ${index} (a)`, false);
    assertRange(b, passage.b, `passage ${index} (b)`, false);
    assert.ok(Math.min(passage.words.a, passage.words.b) >= comparison.options.minWords, `passage ${index}: shorter than minWords`);
    assertPassageMatches(tokens, passage);
  });
  comparison.speakers.forEach((speaker, index) => {
    assert.strictEqual(speaker.id, index, `speaker ${index}: id`);
    for (const side of ['a', 'b'] as const) {
      for (const id of speaker.quotes[side]) assert.strictEqual(comparison[side].quotes[id]?.speaker?.speaker, index, `speaker ${index}: lists quote ${side}${id}, which is not theirs`);
    }
  });
  comparison.quoteMatches.forEach((match, index) => {
    const what = `quote match ${index}`;
    assert.ok(comparison.a.quotes[match.a] && comparison.b.quotes[match.b], `${what}: quote ids ${match.a}/${match.b} do not exist`);
    assert.strictEqual(match.container !== undefined, match.kind === 'contained', `${what}: container set for a ${match.kind} match`);
    match.differences.forEach((difference, k) => {
      assertRange(a, difference.a, `${what} difference ${k} (a)`);
      assertRange(b, difference.b, `${what} difference ${k} (b)`);
    });
  });
}
