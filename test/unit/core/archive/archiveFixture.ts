// Deterministic articles for the archive tests: prose of made-up words over a few common ones, so
// that unrelated articles share words and short phrases (as real ones do) but no passages.

export function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const COMMON = 'the of and to a in that is for on was with as it by at from he said his be are have has not but were this'.split(' ');
const SYLLABLES = 'ka ro mi sen tal ver pan dor li ma ne strum bel fo quin ar te zu hal mon ri cas ob ent gra vel tor'.split(' ');

export class ArticleWriter {
  private readonly next: () => number;
  private readonly words: string[] = [];

  constructor(seed: number, vocabulary = 4000) {
    this.next = random(seed);
    const vocab = random(12345); // one vocabulary for every writer: articles share their words
    while (this.words.length < vocabulary) {
      let word = '';
      const count = 1 + Math.floor(vocab() * 3);
      for (let k = 0; k < count; k++) word += SYLLABLES[Math.floor(vocab() * SYLLABLES.length)];
      this.words.push(word);
    }
  }

  private word(): string {
    if (this.next() < 0.35) return COMMON[Math.floor(this.next() * COMMON.length)];
    // Zipf-like: low ranks far more often.
    return this.words[Math.floor(this.words.length * this.next() ** 3)];
  }

  sentence(words = 8 + Math.floor(this.next() * 16)): string {
    const out = Array.from({ length: words }, () => this.word());
    return `${out[0][0].toUpperCase()}${out.join(' ').slice(1)}.`;
  }

  /** An article of about `words` words in paragraphs of a few sentences. */
  article(words: number): string {
    const paragraphs: string[] = [];
    let count = 0;
    while (count < words) {
      const sentences = Array.from({ length: 1 + Math.floor(this.next() * 3) }, () => this.sentence());
      paragraphs.push(sentences.join(' '));
      count += sentences.join(' ').split(' ').length;
    }
    return paragraphs.join('\n\n');
  }

  /** A passage of exactly `words` words (no sentence end inside). */
  passage(words: number): string {
    return Array.from({ length: words }, () => this.word()).join(' ');
  }

  integer(below: number): number {
    return Math.floor(this.next() * below);
  }
}

/** `text` with `passage` put in as a paragraph of its own after paragraph `after`. */
export function plant(text: string, passage: string, after: number): string {
  const paragraphs = text.split('\n\n');
  paragraphs.splice(Math.min(after, paragraphs.length), 0, passage);
  return paragraphs.join('\n\n');
}
