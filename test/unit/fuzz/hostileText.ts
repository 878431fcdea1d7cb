/**
 * fast-check generators of article-like and hostile texts for the property tests.
 *
 * Purely random strings almost never contain two equal runs of six words, so they would never
 * exercise passages or quote matching; most generators therefore build texts from a small
 * vocabulary of our own, mixed with the characters real articles break parsers with (curly and
 * straight quote marks, CR/LF/CRLF, NBSP, combining marks, astral letters and emoji, lone
 * surrogates, NUL and control characters, bidi overrides), and the near-copy generator derives B
 * from A by word edits so that shared passages with differences actually occur.
 */
import fc from 'fast-check';

/** Scales the number of runs: `npm run fuzz` sets FUZZ_SCALE (default 1 in the unit run). */
export function runs(base: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/** Seed and path of a failure are printed by fast-check; FUZZ_SEED replays one. */
export function fuzzParameters(numRuns: number): fc.Parameters<unknown> {
  const seed = process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED);
  return { numRuns: runs(numRuns), ...(seed === undefined ? {} : { seed }), endOnFailure: false };
}

const VOCABULARY = [
  'the', 'a', 'of', 'to', 'and', 'in', 'on', 'said', 'says', 'told', 'added', 'according', 'council', 'mayor', 'river',
  'bridge', 'ferry', 'harbour', 'budget', 'vote', 'Friday', 'Monday', 'Ms', 'Mr', 'Mr.', 'Dr', 'Okafor', 'Lindqvist',
  'Petrov', 'O’Brien', "don't", 'won’t', 'pull-out', 'U.S', '1,000', '3.5', '’90s', 'rock', 'n', 'roll', 'She', 'He',
  'They', 'spokesperson', 'ministry', 'officials', 'we', 'will', 'not', 'be', 'silenced', 'it', 'was', 'never', 'about',
  'money', 'İstanbul', 'ΣΟΦΙΑ', 'Straße', 'ﬁnal', 'café', 'cafe\u0301', 'Zürich', '東京', 'مرحبا', '𝐁𝐨𝐥𝐝', '𒀀𒀁',
  'naïve', 'Ǆemal', 'ǅ', 'I', 'PENCE', 'WALLACE', 'so-called', 'film', 'called',
];

const QUOTE_MARKS = ['"', "'", '“', '”', '„', '‟', '«', '»', '‘', '’', '‚', '‹', '›', "''", '``', '〝', '〞', '＂'];
const SPACES = [' ', ' ', ' ', '  ', '\t', '\u00a0', '\u2009', '\u200b', '\u3000'];
const BREAKS = ['\n', '\r\n', '\r', '\n\n', '\r\n\r\n', '\u2028', '\u2029', '\u0085', '\n \n', '\f', '\v'];
const PUNCTUATION = ['.', ',', ':', ';', '!', '?', '…', '—', '–', '-', '(', ')', '[', ']', '/', '=', '*', '#', '<', '>', '&'];
const HOSTILE = [
  '\0', '\u0001', '\u0007', '\u001b', '\u007f', '\ufeff', '\ufffd', '\u202e', '\u202d', '\u2066', '\u2069', '\u200d',
  '\u0301', '\u0308\u0301', '\ud83d\ude00', '\ud83d\udc69\u200d\ud83d\udc69\u200d\ud83d\udc67', '\ud800', '\udc00',
  '\udbff', '\udfff', '\ud83d', '\ude00', 'e\u0301', '\u0130', 'Σ', 'ß', '\u1e9e', '\uffff', '\ufdd0', '\u00ad',
];

const pick = (items: readonly string[]) => fc.constantFrom(...items);

/** One UTF-16 code unit, any value: lone surrogates and all. */
const anyCodeUnit = fc.integer({ min: 0, max: 0xffff }).map((unit) => String.fromCharCode(unit));

/** A piece of an article: mostly words and spaces, sometimes something hostile. */
export const piece: fc.Arbitrary<string> = fc.oneof(
  { weight: 30, arbitrary: pick(VOCABULARY) },
  { weight: 25, arbitrary: pick(SPACES) },
  { weight: 6, arbitrary: pick(BREAKS) },
  { weight: 8, arbitrary: pick(QUOTE_MARKS) },
  { weight: 6, arbitrary: pick(PUNCTUATION) },
  { weight: 3, arbitrary: pick(HOSTILE) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 2, arbitrary: fc.string({ unit: anyCodeUnit, maxLength: 4 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-composite', maxLength: 4 }) },
);

/** A short article-like text (a few dozen to a few hundred pieces). */
export const articleText = (maxPieces = 160): fc.Arbitrary<string> => fc.array(piece, { maxLength: maxPieces, size: 'max' }).map((pieces) => pieces.join(''));

/** Sentence-like text: words between spaces, quotes opened and (mostly) closed, paragraph breaks. */
export const proseText = (maxSentences = 12): fc.Arbitrary<string> => fc.array(
  fc.tuple(
    fc.array(pick(VOCABULARY), { minLength: 3, maxLength: 14 }),
    fc.constantFrom('plain', 'quoted', 'open', 'said'),
    pick(QUOTE_MARKS),
    fc.constantFrom('.', '.', ',', '!', '?', ':'),
    fc.constantFrom(' ', ' ', '\n', '\r\n', '\n\n', '\r'),
  ).map(([words, shape, mark, stop, gap]) => {
    const body = words.join(' ');
    if (shape === 'quoted') return `${mark}${body}${stop}${closing(mark)} ${words[0]} said${gap}`;
    if (shape === 'open') return `${mark}${body}${stop}${gap}`;
    if (shape === 'said') return `${words[words.length - 1]} said: ${mark}${body}${stop}${closing(mark)}${gap}`;
    return `${body[0]?.toUpperCase() ?? ''}${body.slice(1)}${stop}${gap}`;
  }),
  { maxLength: maxSentences, size: 'max' },
).map((sentences) => sentences.join(''));

function closing(mark: string): string {
  const pairs: Record<string, string> = { '“': '”', '„': '“', '«': '»', '‘': '’', '‚': '‘', '‹': '›', '〝': '〞' };
  return pairs[mark] ?? mark;
}

/** Word-level edits turning A into a near copy B, so that passages with differences occur. */
type Edit = { at: number; kind: 'delete' | 'insert' | 'replace' | 'case' | 'requote' | 'rebreak'; with: string };

const edit: fc.Arbitrary<Edit> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('delete', 'insert', 'replace', 'case', 'requote', 'rebreak'),
  with: fc.oneof({ weight: 4, arbitrary: pick(VOCABULARY) }, { weight: 1, arbitrary: piece }),
});

/** Splits a text into words and separators (a word keeps its inner apostrophes and hyphens). */
function splitWords(text: string): string[] {
  return text.split(/(\s+)/u).filter((part) => part.length > 0);
}

export function applyEdits(text: string, edits: readonly Edit[]): string {
  const parts = splitWords(text);
  for (const { at, kind, with: replacement } of edits) {
    if (parts.length === 0) {
      parts.push(replacement);
      continue;
    }
    const i = at % parts.length;
    if (kind === 'delete') parts.splice(i, 1);
    else if (kind === 'insert') parts.splice(i, 0, ` ${replacement} `);
    else if (kind === 'replace') parts[i] = replacement;
    else if (kind === 'case') parts[i] = parts[i] === parts[i].toUpperCase() ? parts[i].toLowerCase() : parts[i].toUpperCase();
    else if (kind === 'requote') parts[i] = parts[i].replace(/["“”„«»]/gu, (mark) => (mark === '"' ? '“' : '"'));
    else parts[i] = parts[i].replace(/\r\n|\n|\r/gu, (lineBreak) => (lineBreak === '\n' ? '\r\n' : '\n'));
  }
  return parts.join('');
}

/** A text and a near copy of it, sometimes wrapped in other text or cut. */
export const nearCopies: fc.Arbitrary<[string, string]> = fc.tuple(
  fc.oneof(proseText(14), articleText(220)),
  fc.array(edit, { maxLength: 8 }),
  fc.constantFrom('edit', 'wrap', 'cut', 'swap'),
  articleText(30),
).map(([a, edits, shape, other]) => {
  const b = applyEdits(a, edits);
  if (shape === 'wrap') return [a, `${other}\n${b}\n${other}`];
  if (shape === 'cut') return [a, b.slice(Math.floor(b.length / 3))];
  if (shape === 'swap') return [b, a];
  return [a, b];
});

/** Small degenerate texts the parsers could loop or stumble on. */
export const degenerateText: fc.Arbitrary<string> = fc.oneof(
  // only quote marks (and the spaces and breaks between them)
  fc.array(fc.oneof(pick(QUOTE_MARKS), pick(SPACES), pick(BREAKS)), { maxLength: 300, size: 'max' }).map((parts) => parts.join('')),
  // empty lines only, in every line-break convention
  fc.array(fc.oneof(pick(BREAKS), fc.constant(' '), fc.constant('\t')), { maxLength: 200, size: 'max' }).map((parts) => parts.join('')),
  // NUL and control characters everywhere
  fc.array(fc.oneof(pick(VOCABULARY), fc.integer({ min: 0, max: 0x1f }).map((unit) => String.fromCharCode(unit))), { maxLength: 200, size: 'max' }).map((parts) => parts.join('')),
  // raw UTF-16: lone surrogates and all
  fc.string({ unit: anyCodeUnit, maxLength: 400, size: 'max' }),
  fc.string({ unit: 'binary', maxLength: 300, size: 'max' }),
);

/** Thousands of quote marks, most of them unbalanced, in one paragraph or one per line. */
export const unbalancedQuotes: fc.Arbitrary<string> = fc.tuple(
  pick(QUOTE_MARKS),
  fc.integer({ min: 1000, max: 3000 }),
  fc.constantFrom('', ' ', 'word ', 'x', '\n', ' said Ann.\n', '\r\n'),
).map(([mark, count, filler]) => `${mark}${filler}`.repeat(count));

/** A 10,000-character word, alone or inside a quoted sentence. */
export const hugeWord: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('a', 'é', 'e\u0301', '𝐁', 'x-', "o'", '1,'),
  fc.integer({ min: 9000, max: 10000 }),
  fc.boolean(),
).map(([unit, length, inSentence]) => {
  const word = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
  return inSentence ? `The mayor said “${word}” on Friday.\n${word} ${word}` : word;
});

/**
 * Three to six versions of one story: each a near copy of one text (its own word edits, sometimes
 * wrapped in other text or cut), sometimes with an unrelated text among them, so that passages and
 * quotes are shared by some documents and not others.
 */
export const storyFamily: fc.Arbitrary<string[]> = fc.tuple(
  fc.oneof(proseText(14), articleText(200)),
  fc.array(fc.tuple(fc.array(edit, { maxLength: 6 }), fc.constantFrom('edit', 'edit', 'wrap', 'cut', 'unrelated'), articleText(30)), { minLength: 3, maxLength: 6 }),
).map(([base, versions]) => versions.map(([edits, shape, other]) => {
  const text = applyEdits(base, edits);
  if (shape === 'wrap') return `${other}\n${text}\n${other}`;
  if (shape === 'cut') return text.slice(Math.floor(text.length / 3));
  if (shape === 'unrelated') return other;
  return text;
}));

const EMOJI = ['😀', '👩\u200d👩\u200d👧', '🇫🇷', '𝐁', '👍🏽', '‼\ufe0f', '𒀀', '🙂', '\ud83d\udc4d'];
const DENSE_PUNCTUATION = ['…', '...', '.', ',', '“', '”', '"', "'", '’', '(', ')', '—', '-', '!', '?', '«', '»', '*'];

/**
 * A text dense with emoji and punctuation next to its words, and a near copy of it: the shapes
 * whose passage edges once split a surrogate pair or took in punctuation only one side has.
 */
export const emojiNearCopies: fc.Arbitrary<[string, string]> = fc.tuple(
  fc.array(fc.oneof(
    { weight: 6, arbitrary: pick(VOCABULARY.filter((word) => /^[a-z]+$/i.test(word))) },
    { weight: 3, arbitrary: fc.array(fc.oneof(pick(EMOJI), pick(DENSE_PUNCTUATION)), { minLength: 1, maxLength: 4 }).map((marks) => marks.join('')) },
    { weight: 6, arbitrary: fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\u00a0') },
  ), { minLength: 10, maxLength: 120 }).map((pieces) => pieces.reduce((text, piece) => {
    // Words and marks mostly stand apart, sometimes touch: both kinds of edge occur.
    const touch = /\S$/u.test(text) && /^\S/u.test(piece) && (/\p{L}$/u.test(text) !== /^\p{L}/u.test(piece));
    return text + (touch || /^\s/u.test(piece) || text === '' ? '' : ' ') + piece;
  }, '')),
  fc.array(fc.record({ at: fc.nat(), with: fc.oneof(pick(EMOJI), pick(DENSE_PUNCTUATION), fc.constant('')) }), { maxLength: 6 }),
).map(([a, edits]) => {
  // B: A with some runs of marks replaced, so that the edges of shared passages differ.
  const runs = a.split(/([^\p{L}\s]+)/u);
  for (const { at, with: mark } of edits) {
    const i = 2 * (at % Math.max(1, runs.length >> 1)) + 1;
    if (i < runs.length) runs[i] = mark;
  }
  return [a, runs.join('')];
});

/**
 * `count` words drawn evenly from `size` made-up words, the same every run (a seeded generator):
 * over a handful of words every 4-word run recurs, the shape that makes matching work grow.
 */
export function smallVocabularyText(size: number, count: number, seed = 1): string {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 8;
  };
  return Array.from({ length: count }, () => `w${next() % size}`).join(' ');
}
