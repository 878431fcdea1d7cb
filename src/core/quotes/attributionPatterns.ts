/**
 * The attribution patterns of news copy, read off a paragraph's cue tokens: given the token of a
 * quotation, where is the phrase naming its speaker?
 *
 * Tried from the most to the least reliable (see `findAttribution`):
 * 1. a cue right after the closing mark: `“…,” he said`, `“…,” said Mr Raab`, `“…,” according to X`,
 *    `“…” ― Jane Doe`, and later in the sentence after a comma: `“…” to the crowd, she said`;
 * 2. a cue earlier in the quote's sentence: `X said: “…”`, `X told reporters “…”`, `X said the
 *    ministers had “…”`, `According to X, “…”`, `X was quoted as telling Y that “…”`, `X: “…”`;
 * 3. the subject of the quote's sentence when its verb is not a speech verb (`X praised Y as a
 *    “strong leader”`): annotators and readers alike give partial quotes to the sentence's subject.
 */
import {
  ABBREVIATIONS, ARTICLES, BE_FORMS, BETWEEN_SUBJECT_AND_VERB, CLAUSE_STARTERS, DETERMINER_START, GROUP_WORDS, HONORIFICS,
  INSIDE_PHRASE, INVERTING_VERBS, NOT_ADVERBS, NOUN_LIKE_VERBS, ORGANISATION_WORDS, PHRASE_BREAKERS, PREPOSITIONS, PRONOUNS,
  RELATIVE_PRONOUNS, SENTENCE_OPENERS, SPEECH_NOUNS, SPEECH_VERBS, TITLE_WORDS, WEEKDAYS,
} from './wordLists';
import { firstWordIndex, MAX_SENTENCE_TOKENS, sentenceAround, type CueToken } from './cueTokens';
import { isNumber, readSpeakerPhrase, type SpeakerPhrase } from './speakerPhrases';
import { partitionPoint } from '../text/binarySearch';

/** A found attribution: the speaker phrase and, for an apposition, the role it gives. */
export interface Attribution {
  phrase: SpeakerPhrase;
  role: { text: string; words: string[] } | null;
}

interface Found {
  words: CueToken[];
  role: CueToken[];
  /** A relative pronoun after the phrase (`the department, which reported`): the mention covers it too. */
  through?: CueToken;
}

const MAX_PHRASE_WORDS = 9;

export const isWord = (t: CueToken | undefined): t is CueToken => t !== undefined && t.kind === 'word';
const isPunct = (t: CueToken | undefined, chars: string): boolean => t !== undefined && t.kind === 'punct' && chars.includes(t.text);
const isAdverb = (t: CueToken): boolean => !t.capital && t.lower.length > 4 && t.lower.endsWith('ly') && !NOT_ADVERBS.has(t.lower);

export function isCue(tokens: readonly CueToken[], i: number): boolean {
  const t = tokens[i];
  if (!isWord(t) || t.capital) return false;
  // `as the paper put it, “…”`: the one idiom of attribution whose verb is not a speech verb.
  return SPEECH_VERBS.has(t.lower) || t.lower === 'put' && isWord(tokens[i + 1]) && tokens[i + 1].lower === 'it';
}

export function isAccordingTo(tokens: readonly CueToken[], i: number): boolean {
  return isWord(tokens[i]) && tokens[i].lower === 'according' && isWord(tokens[i + 1]) && tokens[i + 1].lower === 'to';
}

/** A dot that belongs to a name: after an initial (`George W.`) or an abbreviation (`Sen.`, `Mr.`). */
function isNameDot(tokens: readonly CueToken[], i: number): boolean {
  const t = tokens[i];
  const before = tokens[i - 1];
  if (!isPunct(t, '.') || !isWord(before) || before.end !== t.start) return false;
  return before.text.length === 1 && before.capital || ABBREVIATIONS.has(before.lower) || HONORIFICS.has(before.lower);
}

/** Index of the `(` matching the `)` at `close`, or -1 when it is not a short parenthesis. */
function parenthesisStart(tokens: readonly CueToken[], close: number, lo: number): number {
  if (!isPunct(tokens[close], ')')) return -1;
  for (let k = close - 1; k >= lo && k > close - 10; k--) if (isPunct(tokens[k], '(')) return k;
  return -1;
}

/** Is this word sequence something that can speak? */
function plausibleSpeaker(words: readonly CueToken[], sentenceStart: number): boolean {
  if (words.length === 0 || words.length > MAX_PHRASE_WORDS) return false;
  if (words.length === 1 && PRONOUNS.has(words[0].lower)) return true;
  const first = words[0];
  const head = words[words.length - 1];
  if (ARTICLES.has(head.lower) || words.length === 1 && DETERMINER_START.has(head.lower)) return false;
  if (!head.capital && (PHRASE_BREAKERS.has(head.lower) || SPEECH_VERBS.has(head.lower))) return false;
  if (isNumber(head.text)) return false;
  const capitals = words.filter((w, i) => w.capital && !(i === 0 && w.index === sentenceStart && SENTENCE_OPENERS.has(w.lower)));
  if (capitals.length > 0) return true;
  if (DETERMINER_START.has(first.lower) || first.possessive) return true;
  return GROUP_WORDS.has(head.lower) || ORGANISATION_WORDS.has(head.lower) || TITLE_WORDS.has(head.lower);
}

/** Drops a sentence opener (`Yesterday`, `But`) glued to the front of a phrase. */
export function trimOpeners(words: CueToken[]): CueToken[] {
  let i = 0;
  while (i < words.length - 1 && (SENTENCE_OPENERS.has(words[i].lower) || INSIDE_PHRASE.has(words[i].lower) && !DETERMINER_START.has(words[i].lower))) i++;
  return words.slice(i);
}

/** The noun phrase that ends at token `end` (inclusive), walking left no further than `lo`. */
function phraseEndingAt(tokens: readonly CueToken[], end: number, lo: number): CueToken[] {
  const t = tokens[end];
  if (!isWord(t)) return [];
  if (PRONOUNS.has(t.lower) && !t.possessive) return [t];
  const words: CueToken[] = [];
  let k = end;
  while (k >= lo && words.length < MAX_PHRASE_WORDS) {
    const w = tokens[k];
    if (isNameDot(tokens, k) && words.length > 0) {
      k--;
      continue;
    }
    if (!isWord(w)) break;
    if (!w.capital && PHRASE_BREAKERS.has(w.lower) && !(INSIDE_PHRASE.has(w.lower) && words.length > 0 && isWord(tokens[k - 1]))) break;
    if (!w.capital && SPEECH_VERBS.has(w.lower) || PRONOUNS.has(w.lower) && (words.length > 0 || w.possessive)) break;
    words.unshift(w);
    k--;
  }
  return trimOpeners(words);
}

/** The noun phrase starting at `start` (`said Mr Raab`, `according to the ministry`). */
function phraseStartingAt(tokens: readonly CueToken[], start: number, hi: number): CueToken[] {
  const words: CueToken[] = [];
  for (let k = start; k < hi && words.length < MAX_PHRASE_WORDS; k++) {
    const w = tokens[k];
    if (isNameDot(tokens, k) && isWord(tokens[k + 1]) && tokens[k + 1].capital) continue;
    if (!isWord(w)) break;
    if (words.length === 0 && PRONOUNS.has(w.lower)) return [w];
    // A capital at the start of a sentence may be a preposition or conjunction (`In January`, `If`).
    if (words.length === 0 && (PHRASE_BREAKERS.has(w.lower) || PREPOSITIONS.has(w.lower) || SENTENCE_OPENERS.has(w.lower) && !DETERMINER_START.has(w.lower))) break;
    if (!w.capital && PHRASE_BREAKERS.has(w.lower) && !(INSIDE_PHRASE.has(w.lower) && words.length > 0 && isWord(tokens[k + 1]))) break;
    if (!w.capital && (SPEECH_VERBS.has(w.lower) || isAdverb(w))) break;
    // `said Smith Tuesday`: a weekday after a name ends it.
    if (WEEKDAYS.has(w.lower) && words.length > 0) break;
    // `Smith beamed`: a lower-case word after a name is its verb (`the foreign minister` is no name).
    if (!w.capital && words.length > 0 && words.every((x) => x.capital) && !INSIDE_PHRASE.has(w.lower)) break;
    words.push(w);
    if (w.possessive && words.length > 1) break;
  }
  while (words.length > 1 && INSIDE_PHRASE.has(words[words.length - 1].lower)) words.pop();
  return words;
}

/**
 * The subject of the cue at `verb`, walking left over auxiliaries and adverbs (`has also said`,
 * `was quoted as telling`), a party label (`Jane Doe (D-Ohio) said`), an apposition between commas
 * (`Wang Yi, China’s foreign minister, said`) and a relative pronoun (`the police, which reported`).
 */
function subjectOf(tokens: readonly CueToken[], verb: number, lo: number, sentenceStart: number): Found | null {
  let k = verb - 1;
  // A participle (`…, saying`) has no subject of its own but the sentence's; only `is saying` does.
  const participle = tokens[verb].lower.endsWith('ing');
  let auxiliaries = 0;
  while (k >= lo) {
    const t = tokens[k];
    const open = parenthesisStart(tokens, k, lo);
    if (open >= 0) {
      k = open - 1;
      continue;
    }
    if (!isWord(t)) break;
    if (!t.capital && (BETWEEN_SUBJECT_AND_VERB.has(t.lower) || isAdverb(t) || t.lower === 'quoted' || t.lower === 'as' && tokens[k - 1]?.lower === 'quoted')) {
      if (BE_FORMS.has(t.lower)) auxiliaries++;
      k--;
    }
    else if (t.capital && WEEKDAYS.has(t.lower) && tokens[k - 1]?.lower === 'on') k -= 2;
    else if (/^\d{4}$/.test(t.text) && tokens[k - 1]?.lower === 'in') k -= 2;
    else break;
  }
  if (k < lo) return null;
  if (participle && auxiliaries === 0) {
    // `footage of Jane Doe saying “…”`: a participle's subject is a name right before it.
    const t = tokens[k];
    if (!isWord(t) || !t.capital || t.possessive || PRONOUNS.has(t.lower)) return null;
    const words = phraseEndingAt(tokens, k, lo);
    return words.length && words.every((w) => w.capital) && plausibleSpeaker(words, sentenceStart) ? { words, role: [] } : null;
  }
  const t = tokens[k];
  if (isWord(t) && t.lower === 'and') {
    // `I laughed and said`, `Smith outlined the plan and vowed`: the subject of the first verb.
    for (let p = k - 1; p >= lo && p >= k - 8; p--) {
      const w = tokens[p];
      if (!isWord(w)) return null;
      const clauseStart = p === sentenceStart || !isWord(tokens[p - 1]) || CLAUSE_STARTERS.has(tokens[p - 1].lower);
      if (PRONOUNS.has(w.lower) && !w.possessive && clauseStart) return { words: [w], role: [] };
      if (w.capital && !tokens[p + 1].capital && p < k - 1) {
        const words = phraseEndingAt(tokens, p, lo);
        const first = words[0];
        if (first && (first.index === sentenceStart || !isWord(tokens[first.index - 1])) && words.every((x) => x.capital)) return plausibleSpeaker(words, sentenceStart) ? { words, role: [] } : null;
      }
      if (w.capital || PHRASE_BREAKERS.has(w.lower) && !BETWEEN_SUBJECT_AND_VERB.has(w.lower)) return null;
    }
    return null;
  }
  if (isWord(t) && !t.capital && RELATIVE_PRONOUNS.has(t.lower)) {
    const end = isPunct(tokens[k - 1], ',') ? k - 2 : k - 1;
    const words = end >= lo ? phraseEndingAt(tokens, end, lo) : [];
    return plausibleSpeaker(words, sentenceStart) && !PRONOUNS.has(words[0].lower) ? { words, role: [], through: t } : null;
  }
  if (isPunct(t, ',')) {
    // An apposition: the subject stands before the opening comma.
    let j = k - 1;
    while (j > lo && j > k - 30 && !isPunct(tokens[j], ',') && tokens[j].kind !== 'quote') j--;
    if (j <= lo || !isPunct(tokens[j], ',')) return null;
    let end = j - 1;
    const open = parenthesisStart(tokens, end, lo);
    if (open >= 0) end = open - 1;
    const words = phraseEndingAt(tokens, end, lo);
    if (!plausibleSpeaker(words, sentenceStart)) return null;
    const between = tokens.slice(j + 1, k);
    const role = between.filter(isWord);
    // `the union’s general secretary, Ruth Achebe, told`: a name in apposition to a description is
    // the speaker, the description its role.
    const head = words[words.length - 1];
    if (!head.capital && role.length > 0 && role.length <= 4 && between.length === role.length && role.every((w) => w.capital && !w.possessive)) {
      return { words: role, role: words };
    }
    const isRole = role.length > 0 && (role[0].possessive || DETERMINER_START.has(role[0].lower) || !role[0].capital) && !RELATIVE_PRONOUNS.has(role[0].lower);
    return { words, role: isRole ? role : [] };
  }
  const words = phraseEndingAt(tokens, k, lo);
  return plausibleSpeaker(words, sentenceStart) ? { words, role: [] } : null;
}

function attributionOf(text: string, found: Found | null, sentenceStart: number): Attribution | null {
  if (!found || !plausibleSpeaker(found.words, sentenceStart)) return null;
  const phrase = readSpeakerPhrase(text, found.words);
  if (!phrase) return null;
  if (found.through) phrase.range = [phrase.range[0], found.through.end];
  const role = found.role.length
    ? { text: text.slice(found.role[0].start, found.role[found.role.length - 1].end), words: found.role.map((w) => w.lower) }
    : null;
  return { phrase, role };
}

/**
 * A verb that is also a noun (`tweets`, `claims`) is a cue only after a name or a pronoun: in
 * `a Trump tweet` or `Trump’s early-morning tweets` it is a noun.
 */
function acceptsSubject(tokens: readonly CueToken[], verb: number, found: Found | null): boolean {
  if (!found || !NOUN_LIKE_VERBS.has(tokens[verb].lower)) return found !== null;
  const words = found.words;
  const before = tokens[words[0].index - 1];
  // The subject must open its clause: in `32% of Republican claims`, `claims` is a noun.
  if (isWord(before) && !CLAUSE_STARTERS.has(before.lower)) return false;
  if (words.length === 1 && PRONOUNS.has(words[0].lower)) return true;
  const last = words[words.length - 1];
  // `the statement read.` or `a document … states that`: a description may be the subject when
  // the verb ends the clause or introduces a `that` clause.
  const after = tokens[verb + 1];
  if (DETERMINER_START.has(words[0].lower) && !last.possessive && (!after || after.kind === 'punct' || after.lower === 'that')) return true;
  return words.every((w) => w.capital && !w.possessive);
}

/** Pattern 1: a cue right after the closing mark, or later in the sentence after a comma. */
function cueAfter(text: string, tokens: readonly CueToken[], q: number, sentenceEnd: number, quoteEndsSentence: boolean): Attribution | null {
  let j = q + 1;
  while (j < tokens.length && tokens[j].kind === 'punct' && /^[,—–―\-:]$/.test(tokens[j].text)) j++;
  if (!isWord(tokens[j])) return null;
  // `“…” ― Jane Doe`: a signature after a dash, alone to the end of the paragraph.
  if (j > q + 1 && /^[—–―]$/.test(tokens[j - 1].text)) {
    const words = phraseStartingAt(tokens, j, tokens.length);
    const rest = words.length ? tokens.slice(words[words.length - 1].index + 1, words[words.length - 1].index + 4) : [];
    const endsParagraph = words.length > 0 && words[words.length - 1].index + rest.length + 1 >= tokens.length;
    if (words.length && words[0].capital && endsParagraph && rest.every((t) => t.kind === 'punct')) return attributionOf(text, { words, role: [] }, -1);
  }
  // `“…. ” She added` starts a new sentence: its cue belongs to what follows.
  if (quoteEndsSentence && tokens[j].capital) return null;
  if (isAccordingTo(tokens, j)) return attributionOf(text, { words: phraseStartingAt(tokens, j + 2, tokens.length), role: [] }, -1);
  if (isCue(tokens, j) && INVERTING_VERBS.has(tokens[j].lower)) {
    return attributionOf(text, { words: phraseStartingAt(tokens, j + 1, tokens.length), role: [] }, -1);
  }
  for (let v = j; v < Math.min(sentenceEnd, j + 30); v++) {
    if (tokens[v].kind === 'quote') return null;
    if (isAccordingTo(tokens, v) && isPunct(tokens[v - 1], ',')) {
      return attributionOf(text, { words: phraseStartingAt(tokens, v + 2, tokens.length), role: [] }, -1);
    }
    if (!isCue(tokens, v)) continue;
    const subject = subjectOf(tokens, v, j, j);
    // `the IMF report stated`: a noun-like cue that is a noun here leaves the search open.
    if (NOUN_LIKE_VERBS.has(tokens[v].lower) && !acceptsSubject(tokens, v, subject)) continue;
    if (subject && acceptsSubject(tokens, v, subject)) {
      const at = subject.words[0].index;
      if (at === j) return attributionOf(text, subject, j);
      // `“…” to drive up the stock price, she said`: a closing attribution after a comma.
      if (isPunct(tokens[at - 1], ',') && (PRONOUNS.has(subject.words[0].lower) || subject.words.some((w) => w.capital))) return attributionOf(text, subject, at);
    }
    // `“…,” Jane Doe, a lawyer who …, said`: the phrase right after the quote, before a comma.
    const near = phraseStartingAt(tokens, j, v);
    const nearEnd = near.length ? near[near.length - 1].index + 1 : j;
    if (near.length && near.some((w) => w.capital) && isPunct(tokens[nearEnd], ',')) {
      return attributionOf(text, { words: near, role: [] }, j);
    }
    // `“…” a narrator in the campaign ad asks`: the phrase, then a short prepositional phrase.
    const between = tokens.slice(nearEnd, v);
    if (near.length && DETERMINER_START.has(near[0].lower) && between.length <= 6 && between.every(isWord) && between.length > 0 && PREPOSITIONS.has(between[0].lower)) {
      return attributionOf(text, { words: near, role: [] }, j);
    }
    return null;
  }
  return null;
}

/** Pattern 2: a cue earlier in the sentence, before the opening mark. */
function cueBefore(text: string, tokens: readonly CueToken[], q: number, sentenceStart: number): Attribution | null {
  // `Smith: “…”` — an interview or transcript line.
  if (isPunct(tokens[q - 1], ':') && isWord(tokens[q - 2]) && tokens[q - 2].capital) {
    const words = phraseEndingAt(tokens, q - 2, sentenceStart);
    if (words.length && words[0].index === sentenceStart && words.some((w) => w.capital)) {
      const found = attributionOf(text, { words, role: [] }, -1);
      if (found) return found;
    }
  }
  const nearest = nearestCueBefore(text, tokens, q, sentenceStart);
  if (!nearest) return null;
  // `A said B had called it “…”`: a reporting clause around another one is the attribution the
  // reader (and the annotators) take, so climb to the outermost cue of the sentence.
  // Only a clause that the outer verb reports climbs: `A said (that) B …`, `According to A, B …`.
  let outer = nearest;
  for (let guard = 0; guard < 3; guard++) {
    const start = tokenStartingAt(tokens, outer.phrase.range[0]);
    const before = tokens[start - 1];
    const reported = isWord(before) && (before.lower === 'that' || isCue(tokens, start - 1)) || isPunct(before, ',') && isAccordingToPhraseBefore(tokens, start - 1, sentenceStart);
    const further = start > sentenceStart && reported ? nearestCueBefore(text, tokens, start, sentenceStart) : null;
    if (!further) break;
    outer = further;
  }
  return outer;
}

/** Index of the token that starts at `offset` (binary search: tokens are in text order), or -1. */
function tokenStartingAt(tokens: readonly CueToken[], offset: number): number {
  const at = partitionPoint(tokens.length, (i) => tokens[i].start < offset);
  return at < tokens.length && tokens[at].start === offset ? at : -1;
}

/** Is the phrase ending at the comma `comma` introduced by `according to`? */
function isAccordingToPhraseBefore(tokens: readonly CueToken[], comma: number, sentenceStart: number): boolean {
  for (let k = comma - 1; k >= sentenceStart && k > comma - 10; k--) if (isAccordingTo(tokens, k)) return true;
  return false;
}

function nearestCueBefore(text: string, tokens: readonly CueToken[], q: number, sentenceStart: number): Attribution | null {
  for (let v = q - 1; v >= sentenceStart; v--) {
    if (isAccordingTo(tokens, v)) {
      const found = attributionOf(text, { words: phraseStartingAt(tokens, v + 2, q), role: [] }, sentenceStart);
      if (found) return found;
      continue;
    }
    // `Trump’s claim that …`: a speech noun after a possessive name.
    if (isWord(tokens[v]) && SPEECH_NOUNS.has(tokens[v].lower) && isWord(tokens[v - 1]) && tokens[v - 1].possessive && tokens[v - 1].capital) {
      const found = attributionOf(text, { words: phraseEndingAt(tokens, v - 1, sentenceStart), role: [] }, sentenceStart);
      if (found) return found;
    }
    if (!isCue(tokens, v)) continue;
    const subject = subjectOf(tokens, v, sentenceStart, sentenceStart);
    if (acceptsSubject(tokens, v, subject)) {
      const found = attributionOf(text, subject, sentenceStart);
      if (found) return found;
    }
    // `Added Smith: “…”` and `“…,” says Smith, … “…”`: the verb opens its clause.
    const opensClause = v === sentenceStart || tokens[v - 1].kind !== 'word';
    if (INVERTING_VERBS.has(tokens[v].lower) && opensClause) {
      const inverted = attributionOf(text, { words: phraseStartingAt(tokens, v + 1, q), role: [] }, sentenceStart);
      if (inverted && inverted.phrase.kind !== 'group' && !inverted.phrase.description) return inverted;
    }
  }
  return null;
}

/**
 * Pattern 3: the grammatical subject at the start of the sentence `[from, q)`, after an opening
 * adverbial (`In recent weeks, Reid has gone after …`).
 */
export function sentenceSubject(text: string, tokens: readonly CueToken[], from: number, q: number): Attribution | null {
  let start = from;
  while (start < q && tokens[start].kind === 'punct') start++;
  // Skip up to two opening adverbials that end with a comma (`On July 6, 2015, Sanders …`).
  for (let tries = 0; tries < 3 && start < q; tries++) {
    const found = subjectAt(text, tokens, start, q);
    if (found) return found;
    const first = tokens[start];
    if (!isWord(first)) return null;
    const adverbial = PREPOSITIONS.has(first.lower) || SENTENCE_OPENERS.has(first.lower) || !first.capital && /(?:ing|ed|ly)$/.test(first.lower)
      || tries > 0 || first.capital && /(?:ing|ly)$/.test(first.lower);
    if (!adverbial) return null;
    let comma = start;
    while (comma < q && comma < start + 16 && !isPunct(tokens[comma], ',')) comma++;
    if (comma >= q || !isPunct(tokens[comma], ',')) {
      // `On September 27 they published …`: an adverbial without its comma, then a pronoun.
      for (let k = start + 1; k < Math.min(q, start + 8); k++) {
        const t = tokens[k];
        if (!isWord(t)) break;
        if (PRONOUNS.has(t.lower) && !t.possessive && isWord(tokens[k + 1]) && !tokens[k + 1].capital) return subjectAt(text, tokens, k, q);
      }
      return null;
    }
    start = comma + 1;
  }
  return null;
}

/** A subject phrase at `start` followed by its verb (a lower-case word) or an apposition. */
function subjectAt(text: string, tokens: readonly CueToken[], start: number, q: number): Attribution | null {
  const words = phraseStartingAt(tokens, start, q);
  if (!words.length) return null;
  const after = tokens[words[words.length - 1].index + 1];
  if (!(isWord(after) && !after.capital) && !isPunct(after, ',(')) return null;
  const pronoun = words.length === 1 && PRONOUNS.has(words[0].lower);
  if (words.length === 1 && (SENTENCE_OPENERS.has(words[0].lower) || isAdverb({ ...words[0], capital: false }))) return null;
  if (!pronoun && !words.some((w) => w.capital)) return null;
  if (pronoun && ['it', 'i', 'we'].includes(words[0].lower) && isWord(after) && /^(?:is|was|'s|seems|appears|has|had)$/.test(after.lower)) return null;
  return attributionOf(text, { words, role: [] }, start);
}

/**
 * The attribution of the quotation at token `q` from the words of its own sentence (patterns 1
 * and 2), or null. `quoteEndsSentence` is true when the quoted words end with a full stop.
 */
export function findAttribution(text: string, tokens: readonly CueToken[], q: number, quoteEndsSentence: boolean): Attribution | null {
  const [from, to] = sentenceAround(tokens, q);
  const opensParagraph = q < firstWordIndex(tokens);
  return cueAfter(text, tokens, q, to, quoteEndsSentence && !opensParagraph) ?? cueBefore(text, tokens, q, from);
}

/** The nearest cue with a subject in the paragraph before token `before`. */
export function earlierCue(text: string, tokens: readonly CueToken[], before: number): Attribution | null {
  for (let v = before - 1; v >= 0 && before - v <= MAX_SENTENCE_TOKENS; v--) {
    if (!isCue(tokens, v)) continue;
    const [from] = sentenceAround(tokens, v);
    const subject = subjectOf(tokens, v, from, from);
    const found = acceptsSubject(tokens, v, subject) ? attributionOf(text, subject, from) : null;
    if (found) return found;
    // `“…,” says Jane Doe, founder of …. “…”`
    if (INVERTING_VERBS.has(tokens[v].lower) && (tokens[v - 1]?.kind === 'quote' || isPunct(tokens[v - 1], ','))) {
      const inverted = attributionOf(text, { words: phraseStartingAt(tokens, v + 1, before), role: [] }, from);
      if (inverted) return inverted;
    }
  }
  return null;
}
