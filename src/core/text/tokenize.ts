/**
 * Word tokens with their normalised form and their exact place in the original text.
 *
 * Matching works on words, not characters: two outlets that print the same sentence differ in
 * quote marks (“ ” vs "), dashes (– vs -), spacing and line wrapping (CRLF, NBSP, reflowed lines),
 * the case of a sentence's first letter, and `Mr` vs `Mr.`. All of that lives between or around
 * words, so a token is a run of letters and digits (with the marks that combine with them, and
 * apostrophes, hyphens, dots and commas *inside* it: `Afghanistan’s`, `pull-out`, `U.S`, `1,000`),
 * and everything else is a separator that matching never sees. Punctuation-only differences are
 * therefore not reported as word differences, which is what a reader comparing wording wants.
 *
 * The normalised form lower-cases the whole word (simpler and more robust than tracking sentence
 * starts; a reused passage that differs only in the case of a word is still the same passage),
 * folds curly apostrophes to `'`, and unicode hyphens/dashes inside a word to `-`.
 *
 * Tokens are stored column-wise in typed arrays: a 5 MB text has about a million tokens, and
 * objects per token would cost ten times the memory and time.
 */

import { bmpClass, classAt, LETTER_OR_DIGIT, MARK, widthAt } from './charClass';
import { firstAbove } from './binarySearch';

/**
 * Word tokens of one text: token `i` is `text.slice(start[i], end[i])`, normalised to word number
 * `ids[i]` of `vocabulary` (`wordAt`; texts tokenized with one vocabulary share ids).
 */
export interface Tokens {
  readonly text: string;
  readonly count: number;
  readonly start: Int32Array;
  readonly end: Int32Array;
  readonly ids: Int32Array;
  readonly vocabulary: Vocabulary;
  /**
   * 1 where the characters between token `k - 1` and token `k` (before the first token, for `k = 0`)
   * hold a sentence-final mark or a line break (`. ! ? … \n \r`): the only gaps where a sentence may
   * end (sentences.ts), noted while the tokenizer reads them anyway.
   */
  readonly mayEndBefore: Uint8Array;
}

/**
 * Normalised words numbered in order of first appearance. Matching compares numbers, not strings.
 * Interning inside the tokenizer rather than through a Map of strings afterwards: a plain ASCII
 * word (most words) is hashed while it is found and compared in place in the text, so no string is
 * made for a word already known.
 */
export class Vocabulary {
  /** The words, by id. */
  readonly words: string[] = [];
  // The hash of each word, by id: the same for a word in every vocabulary (see `hashOf`).
  private wordHashes: Int32Array = new Int32Array(1024);
  private hashes: Int32Array = new Int32Array(1024);
  // Id + 1 in each slot of an open-addressing table (0: free).
  private slots: Int32Array = new Int32Array(1024);

  /** The id of a normalised word. */
  idOf(word: string): number {
    let hash = FNV_OFFSET;
    for (let k = 0; k < word.length; k++) hash = Math.imul(hash ^ word.charCodeAt(k), FNV_PRIME);
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const id = this.slots[slot] - 1;
      if (id < 0) return this.add(word, hash, slot);
      if (this.hashes[slot] === hash && this.words[id] === word) return id;
    }
  }

  /**
   * The ids of the words of `spans` into `ids`. A plain ASCII word (hashed lower-cased by
   * `findWords`, as `idOf` would hash it) is compared in place in the text; the others are
   * normalised and go through `idOf`. The table is probed here, in one loop with it in locals,
   * rather than by a method call per word: a CLI process runs this loop once, cold, and V8
   * optimises one function sooner than a loop and the method it calls.
   */
  /** @internal (for `tokenize`) */
  numberSpans(text: string, spans: WordSpans, ids: Int32Array): void {
    const { count, start, end, hashes: wordHashes, foldable } = spans;
    const words = this.words;
    let slots = this.slots;
    let hashes = this.hashes;
    let mask = slots.length - 1;
    for (let k = 0; k < count; k++) {
      const s = start[k];
      const e = end[k];
      if (foldable[k] === 0) {
        const hash = wordHashes[k];
        let slot = hash & mask;
        for (;;) {
          const held = slots[slot];
          if (held === 0) {
            ids[k] = this.add(text.slice(s, e).toLowerCase(), hash, slot);
            slots = this.slots;
            hashes = this.hashes;
            mask = slots.length - 1;
            break;
          }
          if (hashes[slot] === hash && sameAsciiLower(words[held - 1], text, s, e)) {
            ids[k] = held - 1;
            break;
          }
          slot = (slot + 1) & mask;
        }
      } else {
        // Only words with a non-ASCII character come here (a few in a hundred on news): each is
        // lower-cased alone, which costs less than lower-casing the whole text for them did.
        ids[k] = this.idOf(normalizeWord(text.slice(s, e)));
        slots = this.slots;
        hashes = this.hashes;
        mask = slots.length - 1;
      }
    }
  }

  /**
   * FNV-1a of word `id`'s normalised form: unlike the id, it does not depend on the order in which
   * words were met, so it can be stored (the fingerprints of Find Sources are made of it).
   */
  hashOf(id: number): number {
    return this.wordHashes[id];
  }

  private add(word: string, hash: number, slot: number): number {
    const id = this.words.length;
    this.words.push(word);
    if (id === this.wordHashes.length) {
      const wider = new Int32Array(id * 2);
      wider.set(this.wordHashes);
      this.wordHashes = wider;
    }
    this.wordHashes[id] = hash;
    this.hashes[slot] = hash;
    this.slots[slot] = id + 1;
    // At most half full, so that probes stay short.
    if (2 * this.words.length > this.slots.length) this.grow();
    return id;
  }

  private grow(): void {
    const { hashes, slots } = this;
    this.hashes = new Int32Array(hashes.length * 2);
    this.slots = new Int32Array(slots.length * 2);
    const mask = this.slots.length - 1;
    for (let old = 0; old < slots.length; old++) {
      if (slots[old] === 0) continue;
      let slot = hashes[old] & mask;
      while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
      this.slots[slot] = slots[old];
      this.hashes[slot] = hashes[old];
    }
  }
}

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 16777619;

/** Whether `word` is `text.slice(start, end)` with ASCII capitals lower-cased. */
function sameAsciiLower(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let k = 0; k < word.length; k++) {
    const unit = text.charCodeAt(start + k);
    if (word.charCodeAt(k) !== (unit >= 65 && unit <= 90 ? unit + 32 : unit)) return false;
  }
  return true;
}

// A word: letters/digits (each may carry combining marks), joined by single inner connectors.
// The `u` flag makes \p{…} match whole code points, so a token never splits a surrogate pair.
// This is the definition; `tokenize` runs a hand-written scanner that matches exactly the same
// words (a property test checks the two against each other).
export const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’‘ʼ\-‐‑–.,·][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*/gu;

const APOSTROPHES = /[’‘ʼ]/g;
const INNER_DASHES = /[‐‑–]/g;
// Only words holding one of these need the replacements above (most words are plain ASCII).
const FOLDABLE = /[’‘ʼ‐‑–]/;

/** The form a word is matched by. */
export function normalizeWord(word: string): string {
  let normal = word.toLowerCase();
  if (normal.length > 1 && FOLDABLE.test(normal)) normal = normal.replace(APOSTROPHES, "'").replace(INNER_DASHES, '-');
  return normal;
}

// Marks that join two runs of letters or digits into one word (`pull-out`, `U.S`, `1,000`).
const CONNECTORS = "'’‘ʼ-‐‑–.,·";
const CONNECTOR_UNITS = new Set([...CONNECTORS].map((char) => char.charCodeAt(0)));

/** How many words `tokenize` finds in `text`, without building its vocabulary. */
export function countWords(text: string): number {
  return findWords(text).count;
}

/** The words of `text`; texts that are to be compared share one `vocabulary`. */
export function tokenize(text: string, vocabulary: Vocabulary = new Vocabulary()): Tokens {
  // Two phases in two functions, so that V8 optimises each long loop once: in one function it threw
  // the first loop's optimised code away on reaching the second (no type feedback there yet).
  const words = findWords(text);
  const ids = numberWords(text, words, vocabulary);
  return { text, count: words.count, start: words.start, end: words.end, ids, vocabulary, mayEndBefore: words.mayEndBefore };
}

/**
 * The normalised form of token `k`, looked up through the vocabulary rather than kept in an array of
 * strings per text: matching compares ids, and such an array (a pointer per word into young
 * strings) is walked by every scavenge of the garbage collector.
 */
export function wordAt(tokens: Tokens, k: number): string {
  return tokens.vocabulary.words[tokens.ids[k]];
}

/** The normalised forms of tokens `[from, to)`. */
export function wordsOf(tokens: Tokens, from = 0, to = tokens.count): string[] {
  const words = new Array<string>(Math.max(0, to - from));
  for (let k = from; k < to; k++) words[k - from] = wordAt(tokens, k);
  return words;
}

interface WordSpans {
  count: number;
  start: Int32Array;
  end: Int32Array;
  /** FNV-1a of each plain ASCII word lower-cased (as `Vocabulary.idOf` hashes it); 0 for the others. */
  hashes: Int32Array;
  /** 1 for a word holding a non-ASCII character (’, –, ʼ), which may need folding. */
  foldable: Uint8Array;
  mayEndBefore: Uint8Array;
}

function findWords(text: string): WordSpans {
  const length = text.length;
  // Room for a word every four characters: news averages one every six, so the arrays seldom grow.
  let starts = new Int32Array(16 + (length >> 2));
  let ends = new Int32Array(starts.length);
  let hashes = new Int32Array(starts.length);
  let foldable = new Uint8Array(starts.length);
  let mayEndBefore = new Uint8Array(starts.length);
  // Whether the gap since the last word holds . ! ? … or a line break (see Tokens.mayEndBefore).
  let mayEnd = 0;
  let count = 0;
  let at = 0;
  // The ASCII cases are written out inline: this loop sees every character of the text, and a
  // function call per character made it the slowest step of a comparison. A plain ASCII word is
  // hashed as it is read (its code units are in hand here), so that numbering it reads it once more.
  while (at < length) {
    const unit = text.charCodeAt(at);
    const kind = unit < 0x80 ? bmpClass[unit] : classAt(text, at);
    if (kind !== LETTER_OR_DIGIT) {
      if (unit === 32) {
        at++;
        continue;
      }
      if (unit === 46 || unit === 33 || unit === 63 || unit === 10 || unit === 13 || unit === 0x2026) mayEnd = 1;
      at += unit < 0xd800 ? 1 : widthAt(text, at);
      continue;
    }
    if (count === starts.length) {
      starts = grow(starts);
      ends = grow(ends);
      hashes = grow(hashes);
      foldable = growBytes(foldable, starts.length);
      mayEndBefore = growBytes(mayEndBefore, starts.length);
    }
    starts[count] = at;
    if (mayEnd !== 0) {
      mayEndBefore[count] = 1;
      mayEnd = 0;
    }
    let hash = FNV_OFFSET;
    let folds = 0;
    if (unit >= 0x80) folds = 1;
    else hash = Math.imul(hash ^ (unit <= 90 && unit >= 65 ? unit + 32 : unit), FNV_PRIME);
    at += unit < 0xd800 ? 1 : widthAt(text, at);
    for (;;) {
      while (at < length) {
        const next = text.charCodeAt(at);
        if (next < 0x80) {
          if (bmpClass[next] !== LETTER_OR_DIGIT) break;
          hash = Math.imul(hash ^ (next <= 90 && next >= 65 ? next + 32 : next), FNV_PRIME);
          at++;
        } else {
          const nextKind = classAt(text, at);
          if (nextKind !== LETTER_OR_DIGIT && nextKind !== MARK) break;
          folds = 1;
          at += next < 0xd800 ? 1 : widthAt(text, at);
        }
      }
      // A connector joins only when a word character follows it (`U.S` but not `U.S.`).
      if (at + 1 >= length) break;
      const connector = text.charCodeAt(at);
      if (connector < 0x80 ? !ASCII_CONNECTOR[connector] : !CONNECTOR_UNITS.has(connector)) break;
      const after = text.charCodeAt(at + 1);
      if (after < 0x80) {
        if (bmpClass[after] !== LETTER_OR_DIGIT) break;
        if (connector >= 0x80) folds = 1;
        hash = Math.imul(Math.imul(hash ^ connector, FNV_PRIME) ^ (after <= 90 && after >= 65 ? after + 32 : after), FNV_PRIME);
        at += 2;
      } else {
        if (classAt(text, at + 1) !== LETTER_OR_DIGIT) break;
        folds = 1;
        at += 1 + widthAt(text, at + 1);
      }
    }
    if (folds !== 0) foldable[count] = 1;
    else hashes[count] = hash;
    ends[count++] = at;
  }
  return { count, start: starts.slice(0, count), end: ends.slice(0, count), hashes, foldable, mayEndBefore: mayEndBefore.slice(0, count) };
}

const ASCII_CONNECTOR = new Uint8Array(0x80);
for (const char of CONNECTORS) if (char.charCodeAt(0) < 0x80) ASCII_CONNECTOR[char.charCodeAt(0)] = 1;

function numberWords(text: string, words: WordSpans, vocabulary: Vocabulary): Int32Array {
  const ids = new Int32Array(words.count);
  vocabulary.numberSpans(text, words, ids);
  return ids;
}

function growBytes(array: Uint8Array<ArrayBuffer>, length: number): Uint8Array<ArrayBuffer> {
  const wider = new Uint8Array(length);
  wider.set(array);
  return wider;
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const wider = new Int32Array(array.length * 2);
  wider.set(array);
  return wider;
}

/** Index of the first token that ends after `offset` (tokens.count if none). */
export function tokenAtOrAfter(tokens: Tokens, offset: number): number {
  return firstAbove(tokens.end, tokens.count, offset);
}
