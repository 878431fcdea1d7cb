// Deterministic benchmark inputs: news-like article pairs of any size, and the pathological shapes
// of the reliability issue. Everything comes from one seeded PRNG, so a bench run is reproducible
// byte for byte and two runs on different machines compare the same texts.
//
// Why a Zipf vocabulary rather than a repeated sample article: a matcher's cost depends on how often
// words and n-grams recur. Repeating one real article to 5 MB would make every 8-gram occur
// hundreds of times (a pathological input, not a large one); words drawn from a Zipf law
// (frequency ~ 1/rank) recur like real prose: "the" everywhere, most words rarely.

/** mulberry32: tiny, fast, good enough for text generation, and identical on every platform. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (list) => list[Math.floor(next() * list.length)],
  };
}

// The most frequent ranks are real function and news words so that sentences read like prose;
// the long tail is made-up words (syllable chains), which also keeps the texts clearly our own.
const COMMON_WORDS = (
  'the of and to a in that is for on was with as it by at from he said his be are have has ' +
  'not but were this an they which their had been its or who after would will more new also ' +
  'one two year people we there than about she her when up out government could other into ' +
  'over last first state years some all time may police report minister told city council ' +
  'plan week officials public local before against under most because where while since ' +
  'three can what during between many any no only both these those now them over then said ' +
  'country health money court water school village harbour bridge road election party vote ' +
  'budget million percent company workers union strike hospital news statement spokesman'
).split(' ');

const SYLLABLES = (
  'ka ro mi sen tal ver pan dor li ma ne strum bel fo quin ar te zu hal mon ri cas ob ent ' +
  'gra vel tor pri sca nu del fin ga mor sil ub tra ho pen ra lu cor dem vin es'
).split(' ');

const TITLES = ['the mayor', 'the minister', 'a spokesman', 'the chief executive', 'a resident',
  'the union leader', 'the inspector', 'a council member', 'the harbour master', 'the director'];

function makeWord(random) {
  let word = '';
  const syllables = random.int(1, 4);
  for (let i = 0; i < syllables; i++) word += random.pick(SYLLABLES);
  return word;
}

function capitalize(word) {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** A ranked vocabulary and a sampler that draws rank r with probability ~ 1/r^exponent. */
function makeVocabulary(random, size = 30000, exponent = 1.05) {
  const seen = new Set(COMMON_WORDS);
  const words = [...new Set(COMMON_WORDS)];
  while (words.length < size) {
    const word = makeWord(random);
    if (!seen.has(word)) {
      seen.add(word);
      words.push(word);
    }
  }
  const cumulative = new Float64Array(size);
  let total = 0;
  for (let rank = 0; rank < size; rank++) {
    total += 1 / Math.pow(rank + 1, exponent);
    cumulative[rank] = total;
  }
  const sample = () => {
    const target = random.next() * total;
    let low = 0;
    let high = size - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return words[low];
  };
  return { words, sample };
}

/**
 * A writer of news paragraphs with its own cast of named speakers. `quoteStyle` is the outlet's
 * house style: curly (“…”) or straight ("…") quote marks.
 */
function makeWriter(random, vocabulary, quoteStyle) {
  const cast = Array.from({ length: 40 }, () => ({
    name: `${capitalize(makeWord(random))} ${capitalize(makeWord(random))}`,
    pronoun: random.chance(0.5) ? 'she' : 'he',
    title: random.pick(TITLES),
  }));
  const [open, close] = quoteStyle === 'curly' ? ['“', '”'] : ['"', '"'];

  const words = (count) => {
    const out = [];
    for (let i = 0; i < count; i++) {
      const roll = random.next();
      if (roll < 0.03) out.push(String(random.int(2, 2000)));
      else if (roll < 0.06) out.push(capitalize(vocabulary.sample()));
      else out.push(vocabulary.sample());
      if (i < count - 1 && random.chance(0.07)) out[out.length - 1] += ',';
    }
    out[0] = capitalize(out[0]);
    return out.join(' ');
  };
  const sentence = () => `${words(random.int(6, 30))}.`;

  const quoteParagraph = () => {
    const speaker = random.pick(cast);
    const quoted = words(random.int(6, 28));
    const lastName = speaker.name.split(' ')[1];
    switch (random.int(0, 3)) {
      case 0: return `${open}${quoted},${close} ${speaker.pronoun} said.`;
      case 1: return `${open}${quoted},${close} said ${speaker.name}, ${speaker.title}. ${sentence()}`;
      case 2: return `${speaker.name} said: ${open}${quoted}.${close}`;
      default: return `${sentence()} ${open}${quoted},${close} Mr ${lastName} added.`;
    }
  };

  const paragraph = () => {
    if (random.chance(0.3)) return quoteParagraph();
    const sentences = [];
    const count = random.int(1, 4);
    for (let i = 0; i < count; i++) sentences.push(sentence());
    return sentences.join(' ');
  };

  /** Paragraphs until their text reaches `chars` characters. */
  const paragraphs = (chars) => {
    const out = [];
    let length = 0;
    while (length < chars) {
      const next = paragraph();
      out.push(next);
      length += next.length + 2;
    }
    return out;
  };
  return { paragraphs, sentence };
}

/**
 * `count` unrelated news-like articles of about `chars` characters each, from two writers with their
 * own house style: the find bench's stand-in for real news when ../shared is not there.
 */
export function generateArticles(count, chars, { seed = 11 } = {}) {
  const random = createRandom(seed);
  const vocabulary = makeVocabulary(random);
  const writers = [makeWriter(random, vocabulary, 'curly'), makeWriter(random, vocabulary, 'straight')];
  return Array.from({ length: count }, (_, k) => writers[k % 2].paragraphs(chars).join('\n\n'));
}

// ---- light edits of a reused paragraph (the obfuscations a real reprint shows) ----

function dropWord(random, text) {
  const words = text.split(' ');
  if (words.length < 8) return text;
  words.splice(random.int(2, words.length - 3), 1);
  return words.join(' ');
}

function changeWord(random, text, vocabulary) {
  const words = text.split(' ');
  const at = random.int(1, words.length - 2);
  if (/^[a-z]+$/.test(words[at])) words[at] = vocabulary.sample();
  return words.join(' ');
}

export function swapQuoteStyle(text) {
  if (text.includes('“')) return text.replace(/“/g, '"').replace(/”/g, '"');
  let opening = false;
  return text.replace(/"/g, () => {
    opening = !opening;
    return opening ? '“' : '”';
  });
}

/** Re-wraps a paragraph at about `width` columns, as a wire service or a PDF export does. */
export function reflow(text, width = 64) {
  const lines = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line && line.length + word.length + 1 > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

function lightlyEdit(random, text, vocabulary) {
  switch (random.int(0, 5)) {
    case 0: return dropWord(random, text);
    case 1: return changeWord(random, text, vocabulary);
    case 2: return swapQuoteStyle(text);
    case 3: return reflow(text);
    case 4: return text.replace(/ /g, () => (random.chance(0.05) ? '  ' : ' '));
    default: return text.replace(/\bMr /g, 'Mr. ');
  }
}

/**
 * Spreads the reused paragraphs over the gaps between an outlet's own: gap i gets the reused
 * paragraphs whose share of the sequence has been reached by then, so they keep their order and are
 * evenly spaced.
 */
export function interleave(own, reused) {
  const paragraphs = [];
  let next = 0;
  for (let i = 0; i < own.length; i++) {
    paragraphs.push(own[i]);
    const due = Math.floor(((i + 1) * reused.length) / own.length);
    while (next < due) paragraphs.push(reused[next++]);
  }
  while (next < reused.length) paragraphs.push(reused[next++]);
  return paragraphs;
}

/**
 * A pair of articles of about `chars` characters each, and `sharedB`, the share of B's characters
 * that come from A (what a perfect aligner would cover). `kind`:
 * - `news`: B is another article with 30% of A's paragraphs injected at paragraph gaps (in A's
 *   order), half of them lightly edited (a word dropped or changed, quote style swapped, reflowed);
 * - `reprint`: B is A with half of its paragraphs lightly edited (similar texts);
 * - `unrelated`: A and B share no passage (dissimilar texts).
 */
export function generatePair(chars, { seed = 1, kind = 'news', share = 0.3 } = {}) {
  const random = createRandom(seed);
  const vocabulary = makeVocabulary(random);
  const writerA = makeWriter(random, vocabulary, 'curly');
  const writerB = makeWriter(random, vocabulary, 'straight');
  const paragraphsA = writerA.paragraphs(chars);
  const a = paragraphsA.join('\n\n') + '\n';
  if (kind === 'unrelated') return { a, b: writerB.paragraphs(chars).join('\n\n') + '\n', sharedB: 0 };
  if (kind === 'reprint') {
    const edited = paragraphsA.map((p) => (random.chance(0.5) ? lightlyEdit(random, p, vocabulary) : p));
    return { a, b: edited.join('\n\n') + '\n', sharedB: 1 };
  }
  const reused = paragraphsA.filter(() => random.chance(share))
    .map((p) => (random.chance(0.5) ? lightlyEdit(random, p, vocabulary) : p));
  const b = interleave(writerB.paragraphs(chars * (1 - share)), reused).join('\n\n') + '\n';
  const reusedChars = reused.reduce((sum, paragraph) => sum + paragraph.length, 0);
  return { a, b, sharedB: reusedChars / b.length };
}

/**
 * `text` (paragraphs separated by blank lines) saved as a news site's web page: head with scripts
 * and styles, navigation, an <article> whose paragraphs carry links, emphasis and character
 * references, a sidebar and a footer. Its article text is the headline and `text`'s paragraphs.
 */
export function webPage(text, { seed = 7, headline = 'Harbour news' } = {}) {
  const random = createRandom(seed);
  const escape = (value) => value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const word = (value) => {
    if (random.chance(0.03)) return `<a href="/topic/${value.length}">${value}</a>`;
    if (random.chance(0.03)) return `<em>${value}</em>`;
    return value;
  };
  const paragraphs = text.split(/\n\s*\n/).filter((paragraph) => paragraph.trim() !== '')
    .map((paragraph) => `<p>${escape(paragraph).split(' ').map(word).join(' ').replace(/“/g, () => (random.chance(0.5) ? '&ldquo;' : '“'))}</p>`);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>${escape(headline)} | Harbour Times</title>
<script>window.dataLayer = [{ "page": "article" }];</script><style>p { margin: 0 0 1em; }</style></head>
<body><header><a class="logo" href="/">Harbour Times</a><nav><a href="/news">News</a> <a href="/sport">Sport</a></nav></header>
<main><article><h1>${escape(headline)}</h1>
${paragraphs.join('\n')}
</article><aside><h2>Most read</h2><ul><li><a href="/1">Ferry timetable changes</a></li></ul></aside></main>
<footer>&copy; Harbour Times</footer></body></html>
`;
}

/**
 * One story told by `count` outlets of about `chars` characters each: article 0 is the wire copy,
 * and every other outlet prints a share of its paragraphs (each with probability `share`, half of
 * them lightly edited, in the wire's order) among paragraphs of its own. What outlets share is what
 * they took from the wire, so passages recur across many of them, as a wire story does.
 */
export function generateStory(chars, count, { seed = 1, share = 0.4 } = {}) {
  const random = createRandom(seed);
  const vocabulary = makeVocabulary(random);
  const wire = makeWriter(random, vocabulary, 'curly').paragraphs(chars);
  const articles = [wire.join('\n\n') + '\n'];
  for (let k = 1; k < count; k++) {
    const writer = makeWriter(random, vocabulary, k % 2 ? 'straight' : 'curly');
    const reused = wire.filter(() => random.chance(share)).map((p) => (random.chance(0.5) ? lightlyEdit(random, p, vocabulary) : p));
    articles.push(interleave(writer.paragraphs(chars * (1 - share)), reused).join('\n\n') + '\n');
  }
  return articles;
}

// ---- pathological shapes (reliability issue): inputs designed to be slow ----

const STRAY_QUOTES = ['"', '“', '”', '‘', '’', '«', '»', "'", '„'];

function sprinkleStrayQuotes(random, text) {
  let count = 0;
  const out = text.replace(/ /g, () => {
    if (!random.chance(1 / 12)) return ' ';
    count++;
    const mark = random.pick(STRAY_QUOTES);
    return random.chance(0.5) ? ` ${mark}` : `${mark} `;
  });
  return { text: out, count };
}

function longWord(random, length) {
  let word = '';
  while (word.length < length) word += random.pick(SYLLABLES);
  return word.slice(0, length);
}

/** Inserts `count` 10,000-character words evenly into A; about half of them also go into B. */
function insertLongWords(random, a, b, count) {
  const paragraphsA = a.split('\n\n');
  const paragraphsB = b.split('\n\n');
  const every = Math.max(1, Math.floor(paragraphsA.length / count));
  for (let i = 0; i < paragraphsA.length; i += every) {
    const word = longWord(random, 10000);
    paragraphsA[i] = `${word} ${paragraphsA[i]}`;
    if (random.chance(0.5)) {
      const j = Math.min(paragraphsB.length - 1, Math.floor((i / paragraphsA.length) * paragraphsB.length));
      paragraphsB[j] = `${paragraphsB[j]} ${word}`;
    }
  }
  return { a: paragraphsA.join('\n\n'), b: paragraphsB.join('\n\n') };
}

/** The names of the pathological shapes, in report order. */
export const PATHOLOGICAL_SHAPES = ['one-long-line', 'repeated-sentence', 'repeated-word', 'long-words', 'unbalanced-quotes'];

/**
 * One pathological pair. `chars` is the size per side, except for `repeated-sentence`, which is one
 * sentence `sentenceRepetitions` times (50,000 as the reliability issue specifies: about 3.6 MB).
 */
export function generatePathological(shape, chars, { seed = 7, sentenceRepetitions = 50000 } = {}) {
  const random = createRandom(seed);
  switch (shape) {
    case 'one-long-line': {
      const { a, b } = generatePair(chars, { seed });
      return { a: a.replace(/\s*\n\s*/g, ' '), b: b.replace(/\s*\n\s*/g, ' ') };
    }
    case 'repeated-sentence': {
      const sentence = 'The harbour board said the ferry timetable would change again next spring.';
      const a = Array(sentenceRepetitions).fill(sentence).join(' ');
      // Same words, different layout: a line break after every fifth sentence.
      const b = Array.from({ length: sentenceRepetitions }, (_, i) => sentence + (i % 5 === 4 ? '\n' : ' ')).join('');
      return { a, b };
    }
    case 'repeated-word': {
      const a = 'harbour '.repeat(Math.ceil(chars / 8));
      return { a, b: a.replace(/harbour harbour harbour harbour /g, 'harbour harbour harbour harbour\n') };
    }
    case 'long-words': {
      // A fifth of each side is 10,000-character words: long enough to stress per-word work.
      const pair = generatePair(chars * 0.8, { seed });
      return insertLongWords(random, pair.a, pair.b, Math.max(1, Math.round((chars * 0.2) / 10000)));
    }
    case 'unbalanced-quotes': {
      const pair = generatePair(chars, { seed });
      return { a: sprinkleStrayQuotes(random, pair.a).text, b: sprinkleStrayQuotes(random, pair.b).text };
    }
    default:
      throw new Error(`unknown pathological shape: ${shape}`);
  }
}
