// Worst-case input shapes: families of generated article pairs that aim at each internal cap and
// each superlinear step of the comparison (seed occurrences, chain candidates, extension walks,
// quote pairing and its word diff, quoted regions, paragraphs, ranges next to astral characters).
// Deterministic: one seeded PRNG per shape, so a reported worst case can be regenerated exactly.
import { createRandom } from './generate.mjs';

const SYLLABLES = 'ka ro mi sen tal ver pan dor li ma ne strum bel fo quin ar te zu hal mon ri cas ob ent gra vel tor pri sca nu del fin ga mor sil ub tra ho pen ra lu cor dem vin es'.split(' ');

/** `size` distinct made-up words (deterministic for a size). */
export function wordList(size, seed = 11) {
  const random = createRandom(seed);
  const seen = new Set();
  const words = [];
  while (words.length < size) {
    let word = '';
    const syllables = size > 400 ? random.int(2, 4) : random.int(1, 3);
    for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  return words;
}

/** A sampler over `words`: uniform, or Zipf-like (rank r with weight 1/r). */
function sampler(random, words, zipf = false) {
  if (!zipf) return () => words[Math.floor(random.next() * words.length)];
  const cumulative = new Float64Array(words.length);
  let total = 0;
  for (let r = 0; r < words.length; r++) cumulative[r] = total += 1 / (r + 1);
  return () => {
    const target = random.next() * total;
    let low = 0;
    let high = words.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return words[low];
  };
}

const capitalize = (word) => word.charAt(0).toUpperCase() + word.slice(1);

/** `count` words from `sample`, joined by spaces. */
function run(sample, count) {
  const out = new Array(count);
  for (let i = 0; i < count; i++) out[i] = sample();
  return out.join(' ');
}

/**
 * Prose of about `chars` characters: sentences of 6-30 words, 1-4 to a paragraph; a share
 * `quoted` of the sentences is an attributed quote (`"…," he said.`) in `marks`.
 */
function prose(random, sample, chars, { quoted = 0, marks = ['"', '"'], paragraphBreak = '\n\n', minWords = 6, maxWords = 30 } = {}) {
  const paragraphs = [];
  let length = 0;
  while (length < chars) {
    const sentences = [];
    const count = random.int(1, 4);
    for (let s = 0; s < count; s++) {
      const body = run(sample, random.int(minWords, maxWords));
      sentences.push(random.chance(quoted) ? `${marks[0]}${capitalize(body)},${marks[1]} ${random.chance(0.5) ? 'he' : 'she'} said.` : `${capitalize(body)}.`);
    }
    const paragraph = sentences.join(' ');
    paragraphs.push(paragraph);
    length += paragraph.length + paragraphBreak.length;
  }
  return paragraphs.join(paragraphBreak) + '\n';
}

/** B as A with a word changed, dropped or inserted about every `every` words. */
function nearCopy(random, text, sample, every = 40) {
  return text.replace(/\S+/g, (word) => {
    if (!random.chance(1 / every)) return word;
    switch (random.int(0, 2)) {
      case 0: return sample();
      case 1: return '';
      default: return `${word} ${sample()}`;
    }
  });
}

/** The pair of a text `a`: compared with itself, with a near copy, or with an independent text. */
function pairOf(kind, random, makeText, sample) {
  const a = makeText();
  if (kind === 'self') return { a, b: a };
  if (kind === 'near') return { a, b: nearCopy(random, a, sample) };
  return { a, b: makeText() };
}

const STRAY_MARKS = ['"', '“', '”', '‘', '’', '«', '»', "'", '„', '‚', '‹', '›', '‟'];

const EMOJI = ['😀', '👩‍👩‍👧', '🇫🇷', '𝐁𝐨𝐥𝐝', '👍🏽', '🙂', '𒀀', '🤔', '‼️', '…'];
const PUNCT = ['.', ',', ';', ':', '!', '?', '…', '...', '—', '–', '-', '(', ')', '"', '“', '”', "'", '’', '*', '/'];

/**
 * Every shape: `{ family, name, make(chars) -> { a, b } }`. Families sweep the parameter that moves
 * a step across its cap: the vocabulary size sets how often each 4-word run recurs (a text of n
 * words over V words repeats each run about n / V^4 times, crossing the 50-occurrence seed cap
 * near V = (n / 50)^(1/4): 4.3 at 100 KB, 5.6 at 300 KB, 7.6 at 1 MB).
 */
export function worstShapes() {
  const shapes = [];
  const add = (family, name, make) => shapes.push({ family, name, make });

  // 1. Small vocabularies: every run count from far above the seed cap to far below it.
  for (const v of [2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 14, 17, 20, 30, 60, 200]) {
    for (const kind of ['self', 'near', 'independent']) {
      add('vocabulary', `V=${v} ${kind}`, (chars) => {
        const random = createRandom(1000 + v);
        const sample = sampler(random, wordList(v));
        return pairOf(kind, random, () => prose(random, sample, chars), sample);
      });
    }
    // The same with most sentences quoted: quote pairing over a small vocabulary.
    for (const kind of ['self', 'independent']) {
      add('vocabulary quoted', `V=${v} ${kind}`, (chars) => {
        const random = createRandom(2000 + v);
        const sample = sampler(random, wordList(v));
        return pairOf(kind, random, () => prose(random, sample, chars, { quoted: 0.8 }), sample);
      });
    }
  }

  // 2. Many short attributed quotes, `"…," he said.`, short to medium, repeated or distinct wording.
  for (const words of [2, 3, 4, 5, 8, 16]) {
    for (const v of [10, 100, 30000]) {
      for (const kind of ['self', 'independent']) {
        add('attributed quotes', `${words} words V=${v} ${kind}`, (chars) => {
          const random = createRandom(3000 + words * 7 + v);
          const sample = sampler(random, wordList(v), v > 1000);
          const make = () => {
            const out = [];
            let length = 0;
            while (length < chars) {
              const line = `"${capitalize(run(sample, words))}," ${random.chance(0.5) ? 'he' : 'she'} said.`;
              out.push(line);
              length += line.length + 1;
            }
            return out.join(random.chance(0.5) ? '\n' : ' ') + '\n';
          };
          return pairOf(kind, random, make, sample);
        });
      }
    }
  }

  // 3. Long quotes that share some words: one long quote per side (or a few), the shared share swept.
  for (const quoteChars of [10_000, 100_000, 0]) {
    for (const share of [0.6, 0.75, 0.95]) {
      add('long quotes', `${quoteChars ? `${quoteChars / 1000} KB` : 'whole text'} share ${share}`, (chars) => {
        const random = createRandom(4000 + Math.round(share * 100) + quoteChars);
        const sample = sampler(random, wordList(5000), true);
        const length = Math.min(quoteChars || chars, chars);
        const quotesA = [];
        const quotesB = [];
        let total = 0;
        while (total < chars) {
          const words = run(sample, Math.max(8, Math.round(Math.min(length, chars - total) / 7.5))).split(' ');
          // B keeps `share` of A's words in place and replaces the rest, so runs of four survive.
          const other = words.map((word) => (random.chance(share) ? word : sample()));
          quotesA.push(`“${words.join(' ')},” the minister said.`);
          quotesB.push(`“${other.join(' ')},” the minister said.`);
          total += quotesA[quotesA.length - 1].length + 2;
        }
        return { a: quotesA.join('\n\n') + '\n', b: quotesB.join('\n\n') + '\n' };
      });
    }
  }

  // 4. Stray, unbalanced quote marks of every kind in long paragraphs (or one line).
  for (const rate of [1 / 50, 1 / 12, 1 / 4]) {
    for (const marks of ['all', 'double', 'single', 'open']) {
      for (const v of [8, 30000]) {
        for (const breaks of ['none', 'paragraphs']) {
          add('stray quotes', `1/${Math.round(1 / rate)} ${marks} V=${v} ${breaks}`, (chars) => {
            const random = createRandom(5000 + Math.round(1 / rate) + v + breaks.length);
            const sample = sampler(random, wordList(v), v > 1000);
            const pool = marks === 'all' ? STRAY_MARKS : marks === 'double' ? ['"', '“', '”', '«', '»', '„'] : marks === 'single' ? ["'", '‘', '’', '‹', '›', '‚'] : ['“', '‘', '«', '„'];
            const sprinkle = (text) => text.replace(/ /g, () => (random.chance(rate) ? (random.chance(0.5) ? ` ${random.pick(pool)}` : `${random.pick(pool)} `) : ' '));
            const make = () => sprinkle(prose(random, sample, chars, { paragraphBreak: breaks === 'none' ? ' ' : '\n\n', quoted: 0.2 }));
            const a = make();
            return { a, b: a };
          });
        }
      }
    }
  }

  // 5. Lone CR line ends (old Mac exports) with stray opening marks.
  for (const v of [30, 30000]) {
    for (const kind of ['self', 'near']) {
      add('lone CR', `V=${v} ${kind}`, (chars) => {
        const random = createRandom(6000 + v);
        const sample = sampler(random, wordList(v), v > 1000);
        const make = () => prose(random, sample, chars, { paragraphBreak: '\r', quoted: 0.3, marks: ['“', '”'] })
          .replace(/\r/g, () => (random.chance(0.1) ? '\r“' : '\r'));
        return pairOf(kind, random, make, sample);
      });
    }
  }

  // 6. Emoji- and punctuation-dense near copies (range edges next to astral characters).
  for (const density of [0.1, 0.5]) {
    add('emoji', `density ${density} near`, (chars) => {
      const random = createRandom(7000 + density * 10);
      const sample = sampler(random, wordList(2000), true);
      const make = () => prose(random, sample, chars, { quoted: 0.3, marks: ['“', '”'] })
        .replace(/ /g, () => (random.chance(density) ? ` ${random.pick(EMOJI)}${random.chance(0.3) ? random.pick(EMOJI) : ''} ` : ' '));
      return pairOf('near', random, make, sample);
    });
    add('punctuation', `density ${density} near`, (chars) => {
      const random = createRandom(7100 + density * 10);
      const sample = sampler(random, wordList(2000), true);
      const make = () => prose(random, sample, chars, { quoted: 0.3 })
        .replace(/ /g, () => (random.chance(density) ? ` ${random.pick(PUNCT)}${random.chance(0.3) ? random.pick(PUNCT) : ''} ` : ' '));
      return pairOf('near', random, make, sample);
    });
  }

  // 7. Repetition: one paragraph (with a quote in it) printed over and over; its length sets the count.
  for (const paragraphWords of [6, 12, 40, 200, 2000]) {
    for (const kind of ['self', 'independent']) {
      add('repetition', `${paragraphWords}-word paragraph ${kind}`, (chars) => {
        const random = createRandom(8000 + paragraphWords);
        const sample = sampler(random, wordList(3000), true);
        const make = () => {
          const paragraph = `${capitalize(run(sample, paragraphWords))}. “${capitalize(run(sample, Math.max(4, paragraphWords >> 1)))},” said Ann Okafor.`;
          return Array(Math.ceil(chars / (paragraph.length + 2))).fill(paragraph).join('\n\n') + '\n';
        };
        return pairOf(kind, random, make, sample);
      });
    }
  }
  // Repeated blocks of two alternating paragraphs with different counts in A and B.
  add('repetition', 'A repeats x, B repeats x and y', (chars) => {
    const random = createRandom(8100);
    const sample = sampler(random, wordList(3000), true);
    const x = `${capitalize(run(sample, 9))}. “${capitalize(run(sample, 9))},” she said.`;
    const y = `${capitalize(run(sample, 9))}.`;
    const count = Math.ceil(chars / (x.length + 2));
    return { a: Array(count).fill(x).join('\n\n'), b: Array.from({ length: count }, (_, i) => (i % 3 ? x : y)).join('\n\n') };
  });

  // 8. Names: many speakers, roles and attributions (name resolution, speaker merge).
  for (const cast of [20, 2000, 50000]) {
    add('names', `cast ${cast}`, (chars) => {
      const random = createRandom(9000 + cast);
      const names = wordList(Math.min(cast * 2, 60000), 17).map(capitalize);
      const sample = sampler(random, wordList(5000), true);
      const roles = ['minister', 'mayor', 'spokesman', 'chief executive', 'president', 'secretary', 'director', 'inspector'];
      const make = () => {
        const out = [];
        let length = 0;
        while (length < chars) {
          const first = random.pick(names);
          const last = random.pick(names);
          const role = random.pick(roles);
          const line = random.pick([
            `“${capitalize(run(sample, random.int(5, 20)))},” said ${first} ${last}, the ${role}.`,
            `${first} ${last}, the ${role} of ${capitalize(random.pick(names))}, said: “${capitalize(run(sample, random.int(5, 20)))}.”`,
            `“${capitalize(run(sample, random.int(5, 20)))},” the ${role} said. Mr ${last} added: “${capitalize(run(sample, 8))}.”`,
            `${capitalize(run(sample, random.int(8, 20)))}, according to ${first} ${last}.`,
          ]);
          out.push(line);
          length += line.length + 2;
        }
        return out.join('\n\n') + '\n';
      };
      return pairOf('near', random, make, sample);
    });
  }

  // 9. Lines: a word per line, blank lines, CRLF, no line break at all.
  for (const layout of ['word per line', 'blank lines', 'crlf blank', 'one line']) {
    add('lines', layout, (chars) => {
      const random = createRandom(9500 + layout.length);
      const sample = sampler(random, wordList(3000), true);
      const text = prose(random, sample, chars, { quoted: 0.3 });
      const out = layout === 'word per line' ? text.replace(/ /g, '\n')
        : layout === 'blank lines' ? text.replace(/ /g, () => (random.chance(0.3) ? '\n\n\n' : ' '))
          : layout === 'crlf blank' ? text.replace(/\n/g, '\r\n').replace(/ /g, () => (random.chance(0.1) ? '\r\n \r\n' : ' '))
            : text.replace(/\s+/g, ' ');
      return { a: out, b: nearCopy(random, out, sample, 60) };
    });
  }
  return shapes;
}
