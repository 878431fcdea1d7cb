/**
 * Word-run fingerprints: what the archive index keeps of each document so that the documents sharing
 * text with an article can be found without comparing the article with all of them.
 *
 * A shared passage is a run of words that both texts hold after the core's normalisation, so the
 * fingerprints are made of the very same words: the tokens of `tokenize`, each word hashed by the
 * vocabulary (a hash of its normalised form, stable from one run to the next), and every run of
 * `gramWords` words hashed as the passage seeds hash theirs (`gramHashes`). Keeping every run would
 * make the index as large as the text; winnowing (Schleimer, Wilkerson & Aiken, SIGMOD 2003) keeps
 * the smallest hash of each `window` consecutive runs, about 2 / (window + 1) of them, and still
 * guarantees that two texts sharing a run of `gramWords + window - 1` words share a fingerprint.
 * MinHash was the alternative: a fixed-size sketch estimates the resemblance of two whole documents,
 * which is the wrong question for a 40-word passage copied into an 800-word article.
 */
import { gramHashes } from '../passages/seeds';
import { tokenize, Vocabulary, type Tokens } from '../text/tokenize';

export interface FingerprintSettings {
  /** Words per hashed run. */
  gramWords: number;
  /** Runs per winnowing window: one fingerprint is kept from every `window` consecutive runs. */
  window: number;
}

/**
 * Runs of 5 words, windows of 6: a shared run of 10 words or more is always seen, and a document
 * keeps a fingerprint for about every 3.5 words. Measured on the find bench (docs/performance.md).
 */
export const DEFAULT_FINGERPRINT_SETTINGS: FingerprintSettings = { gramWords: 5, window: 6 };

/** Bumped whenever the same text would get other fingerprints (tokenising, normalising, hashing). */
export const FINGERPRINT_VERSION = 1;

export const FINGERPRINT_LIMITS = { gramWords: { min: 2, max: 12 }, window: { min: 1, max: 50 } } as const;

/** The settings with each value brought into its limits (they may come from a user's setting). */
export function checkedSettings(settings: FingerprintSettings): FingerprintSettings {
  const clamp = (value: number, { min, max }: { min: number; max: number }): number =>
    Number.isFinite(value) ? Math.min(max, Math.max(min, Math.floor(value))) : min;
  return { gramWords: clamp(settings.gramWords, FINGERPRINT_LIMITS.gramWords), window: clamp(settings.window, FINGERPRINT_LIMITS.window) };
}

export function sameSettings(x: FingerprintSettings, y: FingerprintSettings): boolean {
  return x.gramWords === y.gramWords && x.window === y.window;
}

/** The shortest shared run of words that two texts always share a fingerprint for. */
export function guaranteedRunWords(settings: FingerprintSettings): number {
  return settings.gramWords + settings.window - 1;
}

// A vocabulary is kept across documents (a word met before is looked up, not hashed again) but not
// for ever: an archive of odd words would grow it without bound.
const VOCABULARY_LIMIT = 1 << 20;

/** Fingerprints texts one after another, reusing one vocabulary. */
export class Fingerprinter {
  readonly settings: FingerprintSettings;
  private vocabulary = new Vocabulary();

  constructor(settings: FingerprintSettings = DEFAULT_FINGERPRINT_SETTINGS) {
    this.settings = checkedSettings(settings);
  }

  /** The sorted, distinct fingerprints of a text. */
  fingerprint(text: string): Uint32Array {
    if (this.vocabulary.words.length > VOCABULARY_LIMIT) this.vocabulary = new Vocabulary();
    return fingerprintTokens(tokenize(text, this.vocabulary), this.settings);
  }
}

/** The sorted, distinct fingerprints of tokenized text. */
export function fingerprintTokens(tokens: Tokens, settings: FingerprintSettings): Uint32Array {
  const { gramWords, window } = checkedSettings(settings);
  const words = new Int32Array(tokens.count);
  for (let k = 0; k < tokens.count; k++) words[k] = tokens.vocabulary.hashOf(tokens.ids[k]);
  const grams = gramHashes(words, gramWords);
  const mixed = new Uint32Array(grams.length);
  for (let p = 0; p < grams.length; p++) mixed[p] = finalMix(grams[p]);
  return sortedDistinct(winnow(mixed, window));
}

/**
 * MurmurHash3's finaliser. The runs' FNV hashes differ little in their high bits for runs that
 * differ in one word; winnowing keeps minima, which should fall anywhere in a window.
 */
function finalMix(hash: number): number {
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/**
 * Robust winnowing: the smallest hash of each window (the rightmost of equal ones), recorded when
 * the chosen position changes. A text with fewer runs than a window keeps its smallest. The window's
 * minima are kept in a monotonic queue, so the work is linear whatever the window.
 */
export function winnow(hashes: Uint32Array, window: number): Uint32Array {
  const count = hashes.length;
  // At most one fingerprint per run (about 2 / (window + 1) of them on text).
  const out = new Uint32Array(count);
  let kept = 0;
  const queue = new Int32Array(Math.max(1, Math.min(window, count)) + 1);
  let head = 0;
  let tail = 0; // queue[head .. tail) as a ring over queue.length
  const size = queue.length;
  let chosen = -1;
  for (let i = 0; i < count; i++) {
    while (tail !== head && hashes[queue[(tail - 1 + size) % size]] >= hashes[i]) tail = (tail - 1 + size) % size;
    queue[tail] = i;
    tail = (tail + 1) % size;
    if (queue[head] <= i - window) head = (head + 1) % size;
    if (i >= window - 1 || i === count - 1) {
      const smallest = queue[head];
      if (smallest !== chosen) {
        chosen = smallest;
        out[kept++] = hashes[smallest];
      }
    }
  }
  return out.subarray(0, kept);
}

function sortedDistinct(values: Uint32Array): Uint32Array {
  const sorted = Uint32Array.from(values).sort();
  let kept = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[kept++] = sorted[k];
  return sorted.slice(0, kept);
}
