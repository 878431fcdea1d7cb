/**
 * The attribution patterns of news copy, read off a paragraph's cue tokens: given the token of a
 * quotation, where is the phrase naming its speaker?
 *
 * Tried from the most to the least reliable (see `quotePattern`):
 * 1. a cue right after the closing mark: `“…,” he said`, `“…,” said Mr Raab`, `“…,” reacted Trump`,
 *    `“…,” according to X`, `“…” ― Jane Doe`, later in the sentence after a comma (`“…” to the crowd,
 *    she said`, `“…” about the vote, said X`) or after the sentence's next quote;
 * 2. a cue earlier in the quote's sentence: `X said: “…”`, `X told reporters “…”`, `X said the
 *    ministers had “…”`, `According to X, “…”`, `X was quoted as telling Y that “…”`, `X: “…”`,
 *    `X went on to say`, `Said X:`, `X shot back, “…”`, `his warning that “…”`;
 * 3. any verb in `“…,” X VERB` order (`“…,” she shrugged`), after the sentence's own cues;
 * 4. (for the caller) the subject of the quote's sentence when its verb is not a speech verb (`X
 *    praised Y as a “strong leader”`): annotators and readers alike give partial quotes to the
 *    sentence's subject; in a relative clause (`X, who called it “…”`) its pronoun.
 * Each attribution records the words it rests on (`AttributionCue`) for the evidence of conflicts.
 */
import {
  ABBREVIATIONS, COMMUNICATION_VERBS, ARTICLES, BE_FORMS, BETWEEN_SUBJECT_AND_VERB, CLAUSE_STARTERS, DETERMINER_START, GROUP_WORDS, HONORIFICS,
  INSIDE_PHRASE, INVERTING_VERBS, NOT_ADVERBS, NOUN_LIKE_VERBS, ORGANISATION_WORDS, PHRASE_BREAKERS, PREPOSITIONS, PRONOUNS,
  RELATIVE_PRONOUNS, SENTENCE_OPENERS, SPEECH_NOUNS, SPEECH_VERBS, TITLE_WORDS, WEEKDAYS,
} from './wordLists';
import { endsSentence, firstWordIndex, headlineCased, MAX_SENTENCE_TOKENS, sentenceAround, type CueToken } from './cueTokens';
import { isNumber, readSpeakerPhrase, type SpeakerPhrase } from './speakerPhrases';
import { bmpClass, classAt, isLetterOrDigitAt, LETTER_OR_DIGIT, MARK } from '../text/charClass';
import { partitionPoint } from '../text/binarySearch';
import type { AttributionCue } from '../model';

/** A found attribution: the speaker phrase and, for an apposition, the role it gives. */
export interface Attribution {
  phrase: SpeakerPhrase;
  role: { text: string; words: string[] } | null;
  /** The words the attribution rests on. */
  cue: AttributionCue;
}

/** The cue of the tokens `[from, to]`. */
const cueOf = (tokens: readonly CueToken[], from: number, to: number, kind: AttributionCue['kind'] = 'verb'): AttributionCue =>
  ({ kind, range: tokens[from] && tokens[to] ? [tokens[from].start, tokens[to].end] : null });

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
  // On a headline-cased line (`Clinton Says She Regrets …`) a capital says nothing: the verb is still a cue.
  if (!isWord(t) || t.capital && !(i > 0 && SPEECH_VERBS.has(t.lower) && headlineCased(tokens))) return false;
  // `as the paper put it, “…”`: the one idiom of attribution whose verb is not a speech verb.
  return SPEECH_VERBS.has(t.lower) || (t.lower === 'put' || t.lower === 'puts') && isWord(tokens[i + 1]) && tokens[i + 1].lower === 'it';
}

export function isAccordingTo(tokens: readonly CueToken[], i: number): boolean {
  return isWord(tokens[i]) && tokens[i].lower === 'according' && isWord(tokens[i + 1]) && tokens[i + 1].lower === 'to';
}

/** `in the words of X`: an attribution as good as `according to X`. */
function isInTheWordsOf(tokens: readonly CueToken[], i: number): boolean {
  return isWord(tokens[i]) && tokens[i].lower === 'in' && tokens[i + 1]?.lower === 'the' && tokens[i + 2]?.lower === 'words' && tokens[i + 3]?.lower === 'of';
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
  // `Another said`, `others added`: an indefinite pronoun names someone the text does not.
  if (words.length === 1 && INDEFINITE_SPEAKERS.has(head.lower)) return true;
  if (ARTICLES.has(head.lower) || words.length === 1 && DETERMINER_START.has(head.lower)) return false;
  // A speech verb ends no speaker phrase, unless it is a noun after its determiner (`the report`).
  if (!head.capital && (PHRASE_BREAKERS.has(head.lower) || SPEECH_VERBS.has(head.lower) && !nounAfterDeterminer(words, words.length - 1))) return false;
  if (isNumber(head.text)) return false;
  const capitals = words.filter((w, i) => w.capital && !(i === 0 && w.index === sentenceStart && SENTENCE_OPENERS.has(w.lower)));
  if (capitals.length > 0) return true;
  if (DETERMINER_START.has(first.lower) || first.possessive) return true;
  return GROUP_WORDS.has(head.lower) || ORGANISATION_WORDS.has(head.lower) || TITLE_WORDS.has(head.lower);
}

/**
 * `went on to say`, `was prompted to say`, `continued to insist`: where the verbs that lead to the
 * `to` at `to` begin (a lower-case verb with its auxiliaries and particle), or -1.
 */
function verbChainStart(tokens: readonly CueToken[], to: number, lo: number): number {
  let k = to - 1;
  if (k >= lo && isWord(tokens[k]) && CHAIN_PARTICLES.has(tokens[k].lower)) k--;
  const verb = tokens[k];
  if (k < lo || !isWord(verb) || verb.capital || PRONOUNS.has(verb.lower) || PHRASE_BREAKERS.has(verb.lower) || BETWEEN_SUBJECT_AND_VERB.has(verb.lower)) return -1;
  return k - 1;
}

const CHAIN_PARTICLES = new Set(['on', 'up', 'out', 'back']);

/** Adjectives that follow their noun with a phrase, as a participle does: `a source familiar with the talks`, `people close to him`. */
const POSTNOMINAL_ADJECTIVES = new Set(['familiar', 'close', 'opposed', 'loyal', 'allied', 'sympathetic', 'critical']);

/**
 * `who has in the past described`, `Smith in a statement said`: where a short prepositional phrase
 * ending at `end` begins, when it stands between a subject (or its auxiliary) and the verb; else -1.
 */
function insertedPhraseStart(tokens: readonly CueToken[], end: number, lo: number): number {
  if (!isWord(tokens[end]) || PHRASE_BREAKERS.has(tokens[end].lower)) return -1;
  for (let k = end - 1; k >= lo && end - k <= 4; k--) {
    const t = tokens[k];
    if (!isWord(t) || t.capital && k < end) return -1;
    if (INSERTED_PREPOSITIONS.has(t.lower)) {
      const before = tokens[k - 1];
      const name = isWord(before) && before.capital && !isNumber(before.text[0]);
      const opens = isWord(before) && (BETWEEN_SUBJECT_AND_VERB.has(before.lower) || name || PRONOUNS.has(before.lower) || RELATIVE_PRONOUNS.has(before.lower));
      return opens && k < end ? k : -1;
    }
    if (PHRASE_BREAKERS.has(t.lower) && !ARTICLES.has(t.lower)) return -1;
  }
  return -1;
}

const INSERTED_PREPOSITIONS = new Set(['in', 'on', 'at', 'during', 'over', 'for', 'after', 'since', 'through']);

/** Drops a sentence opener (`Yesterday`, `But`) glued to the front of a phrase. */
export function trimOpeners(words: CueToken[]): CueToken[] {
  let i = 0;
  while (i < words.length - 1 && (SENTENCE_OPENERS.has(words[i].lower) || PREPOSITIONS.has(words[i].lower) || INSIDE_PHRASE.has(words[i].lower) && !DETERMINER_START.has(words[i].lower))) i++;
  return words.slice(i);
}

/** `the report`, `a new post`: a speech verb that is also a noun, read as the noun after a determiner. */
function nounAfterDeterminer(tokens: readonly CueToken[], k: number): boolean {
  if (!NOUN_LIKE_VERBS.has(tokens[k].lower)) return false;
  const before = tokens[k - 1];
  const further = tokens[k - 2];
  // `secretary of state`: the object of `of` is a noun too.
  return isWord(before) && (ARTICLES.has(before.lower) || before.possessive || before.lower === 'of' && isWord(further) && !PHRASE_BREAKERS.has(further.lower)
    || isWord(further) && !before.capital && ARTICLES.has(further.lower) && !PHRASE_BREAKERS.has(before.lower));
}

/** The noun phrase that ends at token `end` (inclusive), walking left no further than `lo`. */
function phraseEndingAt(tokens: readonly CueToken[], end: number, lo: number): CueToken[] {
  const t = tokens[end];
  if (!isWord(t)) return [];
  // `he’s said`: a pronoun's `’s` before the verb is `has` or `is` (but `it’s` rarely names a speaker).
  if (PRONOUNS.has(t.lower) && (!t.possessive || t.lower !== 'it')) return [t];
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
    if (!w.capital && SPEECH_VERBS.has(w.lower) && !nounAfterDeterminer(tokens, k) || PRONOUNS.has(w.lower) && (words.length > 0 || w.possessive)) break;
    words.unshift(w);
    k--;
  }
  return trimOpeners(words);
}

/** Two or more capitalised words, none of them a title or an organisation's word: a person's name (`Jane Doe`). */
const isPersonName = (words: readonly CueToken[]): boolean =>
  words.length >= 2 && words.every((w) => w.capital && !TITLE_WORDS.has(w.lower.replace(/\.$/, '')) && !ORGANISATION_WORDS.has(w.lower));

/** The noun phrase starting at `start` (`said Mr Raab`, `according to the ministry`). */
function phraseStartingAt(tokens: readonly CueToken[], start: number, hi: number): CueToken[] {
  const words: CueToken[] = [];
  for (let k = start; k < hi && words.length < MAX_PHRASE_WORDS; k++) {
    const w = tokens[k];
    if (isNameDot(tokens, k) && isWord(tokens[k + 1]) && tokens[k + 1].capital) continue;
    if (!isWord(w)) break;
    if (words.length === 0 && PRONOUNS.has(w.lower)) return [w];
    // A capital at the start of a sentence may be a preposition or conjunction (`In January`, `If`),
    // but not before another capital after a verb (`said Will Doyle`).
    const nameAhead = w.capital && isWord(tokens[k - 1]) && !tokens[k - 1].capital && isWord(tokens[k + 1]) && tokens[k + 1].capital;
    if (words.length === 0 && !nameAhead && (PHRASE_BREAKERS.has(w.lower) || PREPOSITIONS.has(w.lower) || SENTENCE_OPENERS.has(w.lower) && !DETERMINER_START.has(w.lower))) break;
    if (!w.capital && PHRASE_BREAKERS.has(w.lower) && !(INSIDE_PHRASE.has(w.lower) && words.length > 0 && isWord(tokens[k + 1]))) break;
    if (!w.capital && (SPEECH_VERBS.has(w.lower) && !nounAfterDeterminer(tokens, k) || isAdverb(w))) break;
    // `said Smith Tuesday`: a weekday after a name ends it.
    if (WEEKDAYS.has(w.lower) && words.length > 0) break;
    // `said Jane Doe of the University of Texas`, `said Jo Bloggs of Leeds`: a person's name ends
    // before the place or body `of` attaches to it (`Bank of America`, `Secretary of State` go on).
    if (w.lower === 'of' && isPersonName(words)) break;
    // `Smith beamed`: a lower-case word after a name is its verb (`the foreign minister` is no name).
    // (A capitalised article opening the sentence is no name: `The conservative publication`.)
    if (!w.capital && words.length > 0 && words.every((x) => x.capital) && !INSIDE_PHRASE.has(w.lower) && !(words.length === 1 && DETERMINER_START.has(words[0].lower))) break;
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
    else if (!participle && t.lower === 'to' && verbChainStart(tokens, k, lo) >= 0) k = verbChainStart(tokens, k, lo);
    else if (!t.capital && insertedPhraseStart(tokens, k, lo) >= 0) k = insertedPhraseStart(tokens, k, lo) - 1;
    else break;
  }
  if (k < lo) return null;
  if (participle && auxiliaries === 0) {
    // `footage of Jane Doe saying “…”`: a participle's subject is a name right before it.
    const t = tokens[k];
    if (!isWord(t) || t.possessive || PRONOUNS.has(t.lower)) return null;
    const words = phraseEndingAt(tokens, k, lo);
    // `…, with her aide adding “…”`: after `with`, a description is the participle's subject too.
    const afterWith = words.length > 0 && tokens[words[0].index - 1]?.lower === 'with';
    if (!t.capital && !afterWith) return null;
    return words.length && (afterWith || words.every((w) => w.capital)) && plausibleSpeaker(words, sentenceStart) ? { words, role: [] } : null;
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
    const end = isPunct(tokens[k - 1], ',—–-') ? k - 2 : k - 1;
    const words = end >= lo ? phraseEndingAt(tokens, end, lo) : [];
    return plausibleSpeaker(words, sentenceStart) && !PRONOUNS.has(words[0].lower) ? { words, role: [], through: t } : null;
  }
  if (isPunct(t, ',—–')) {
    // An apposition: the subject stands before the opening comma (or dash: `Jones — who backed it — said`).
    const mark = t.text;
    let j = k - 1;
    while (j > lo && j > k - 30 && !isPunct(tokens[j], mark) && tokens[j].kind !== 'quote') j--;
    if (j <= lo || !isPunct(tokens[j], mark)) return null;
    const opening = appositionChainOpening(tokens, j, Math.max(lo, sentenceStart));
    if (opening && plausibleSpeaker(opening, sentenceStart)) return { words: opening, role: [] };
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
  let words = phraseEndingAt(tokens, k, lo);
  // `Another source speaking to Fox News said`: a participle's phrase between the subject and its verb.
  const first = words[0];
  const preposition = first ? tokens[first.index - 1] : undefined;
  const between = first ? tokens[first.index - 2] : undefined;
  if (isWord(preposition) && !preposition.capital && (PREPOSITIONS.has(preposition.lower) || preposition.lower === 'to') && isWord(between) && !between.capital
    && (between.lower.endsWith('ing') || POSTNOMINAL_ADJECTIVES.has(between.lower)) && first.index - 3 >= lo) {
    const further = phraseEndingAt(tokens, first.index - 3, lo);
    if (plausibleSpeaker(further, sentenceStart)) words = further;
  }
  return plausibleSpeaker(words, sentenceStart) ? { words, role: [] } : null;
}

/**
 * `Cory James, 22, of Flint, Mich., said`, `Gia Vian, the editor of the Vatican’s paper, L’Osservatore
 * Romano, said`: where appositions follow one another after a name that opens the sentence, that
 * name is the subject, not the last apposition's. `comma` is the opening comma of the apposition
 * before the verb; null unless at least one more comma-separated piece stands between it and a
 * capitalised name at `start`.
 */
function appositionChainOpening(tokens: readonly CueToken[], comma: number, start: number): CueToken[] | null {
  let c = comma;
  for (let pieces = 0; pieces < 4; pieces++) {
    let s = c - 1;
    while (s >= start && c - s <= 12 && (isWord(tokens[s]) || isNameDot(tokens, s) || isPunct(tokens[s], '.'))) s--;
    if (s === c - 1) return null;
    const piece = tokens.slice(s + 1, c);
    if (s < start) {
      if (pieces === 0) return null;
      const first = piece[0];
      const words = piece.filter(isWord);
      const name = words.length <= 5 && words.every((w) => w.capital && !w.possessive) && !SENTENCE_OPENERS.has(first.lower) && !PREPOSITIONS.has(first.lower) && !PHRASE_BREAKERS.has(first.lower) && !DETERMINER_START.has(first.lower);
      return name ? words : null;
    }
    // A list (`Ames, Brody and Cole`) or a clause (`Levine, who has given money to Rubio,`) is no chain of appositions.
    if (!isPunct(tokens[s], ',') || piece.some((w) => w.lower === 'and' || w.lower === 'or' || RELATIVE_PRONOUNS.has(w.lower) || SPEECH_VERBS.has(w.lower))) return null;
    c = s;
  }
  return null;
}

function attributionOf(text: string, found: Found | null, sentenceStart: number, cue: AttributionCue): Attribution | null {
  if (!found || !plausibleSpeaker(found.words, sentenceStart)) return null;
  const phrase = readSpeakerPhrase(text, found.words);
  if (!phrase) return null;
  if (found.through) phrase.range = [phrase.range[0], found.through.end];
  const role = found.role.length
    ? { text: text.slice(found.role[0].start, found.role[found.role.length - 1].end), words: found.role.map((w) => w.lower) }
    : null;
  return { phrase, role, cue };
}

/**
 * A verb that is also a noun (`tweets`, `claims`) is a cue only after a name or a pronoun: in
 * `a Trump tweet` or `Trump’s early-morning tweets` it is a noun.
 */
function acceptsSubject(tokens: readonly CueToken[], verb: number, found: Found | null): boolean {
  if (!found || !NOUN_LIKE_VERBS.has(tokens[verb].lower)) return found !== null;
  const words = found.words;
  const before = tokens[words[0].index - 1];
  // After a personal pronoun the word is a verb (`videos he calls “…”`).
  if (words.length === 1 && PRONOUNS.has(words[0].lower) && words[0].lower !== 'it') return true;
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

const INDEFINITE_SPEAKERS = new Set(['another', 'others', 'some', 'many', 'several', 'both']);

const OPENING_CONJUNCTIONS = new Set(['and', 'but', 'so', 'yet', 'or', 'then', 'still']);

/** English's single-word prepositions (a closed class): one opening a sentence opens an adverbial, not its subject (`Across Asia, …`). */
const ENGLISH_PREPOSITIONS = new Set(['aboard', 'about', 'above', 'across', 'after', 'against', 'along', 'alongside', 'amid', 'amidst', 'among', 'amongst',
  'around', 'as', 'at', 'atop', 'before', 'behind', 'below', 'beneath', 'beside', 'besides', 'between', 'beyond', 'by', 'concerning', 'despite', 'down',
  'during', 'except', 'for', 'from', 'in', 'inside', 'into', 'like', 'near', 'of', 'off', 'on', 'onto', 'opposite', 'out', 'outside', 'over', 'past',
  'per', 'regarding', 'since', 'through', 'throughout', 'till', 'to', 'toward', 'towards', 'under', 'underneath', 'unlike', 'until', 'up', 'upon',
  'via', 'with', 'within', 'without']);

const TIME_UNITS = new Set(['years', 'months', 'weeks', 'days', 'hours', 'minutes', 'decades', 'year', 'month', 'week', 'day', 'hour', 'minute', 'decade']);

const IRREGULAR_PASTS = new Set(['said', 'wrote', 'told', 'spoke', 'swore', 'sang', 'read', 'says', 'writes']);

/** A verb that may stand before its subject after a quote: a speech verb, or a verb of communication in the past. */
function isInvertedVerb(t: CueToken | undefined): boolean {
  if (!isWord(t) || t.capital) return false;
  if (INVERTING_VERBS.has(t.lower)) return true;
  return (SPEECH_VERBS.has(t.lower) || COMMUNICATION_VERBS.has(t.lower)) && (t.lower.endsWith('ed') || IRREGULAR_PASTS.has(t.lower));
}

/** Does the quote at token `q` end its words with `,`, `?` or `!` (`“…,” she said`), as a quote before its cue does? */
function quoteLeadsToCue(text: string, tokens: readonly CueToken[], q: number): boolean {
  if (isPunct(tokens[q + 1], ',')) return true;
  const region = tokens[q];
  for (let k = region.end - 1; k > region.start; k--) {
    const ch = text[k];
    if (ch === ',' || ch === '?' || ch === '!') return true;
    if (!/["“”'’»\s]/u.test(ch)) return false;
  }
  return false;
}

/**
 * `“…,” Jane Doe reacted.`: a name, pronoun or description right after the quote, then a
 * lower-case verb (an adverb may stand between) that ends the clause: whatever the verb, this
 * order makes it the cue.
 */
function speakerBeforeAnyVerb(text: string, tokens: readonly CueToken[], j: number): Attribution | null {
  const phrase = phraseStartingAt(tokens, j, tokens.length);
  // The phrase may have taken the verb in (`the nominee riffed`): try it shorter, longest first.
  for (let length = phrase.length; length > 0; length--) {
    const words = phrase.slice(0, length);
    if (length < phrase.length && words[length - 1].index + 1 !== phrase[length].index) continue;
    let v = words[length - 1].index + 1;
    while (isWord(tokens[v]) && (isAdverb(tokens[v]) || BETWEEN_SUBJECT_AND_VERB.has(tokens[v].lower) && !BE_FORMS.has(tokens[v].lower))) v++;
    const verb = tokens[v];
    if (!isWord(verb) || verb.capital || PHRASE_BREAKERS.has(verb.lower) || INSIDE_PHRASE.has(verb.lower) || ARTICLES.has(verb.lower)) continue;
    const after = tokens[v + 1];
    const particle = isWord(after) && CHAIN_PARTICLES.has(after.lower);
    const communication = COMMUNICATION_VERBS.has(verb.lower) || SPEECH_VERBS.has(verb.lower);
    if (!(verb.lower.endsWith('ed') || verb.lower.endsWith('s') || communication || particle)) continue;
    const closes = after === undefined || after.kind === 'punct' && /^[,.;:!?]$/.test(after.text)
      || isWord(after) && (PREPOSITIONS.has(after.lower) || isAdverb(after) || after.lower === 'and' || particle)
      // `“…,” LeVell assured the crowd.`: a verb of communication may take its addressee.
      || isWord(after) && (communication || verb.lower.endsWith('ed')) && (DETERMINER_START.has(after.lower) || OBJECT_PRONOUNS.has(after.lower))
      // `“…,” Trump assured Jones, …`: a name as the addressee of a verb of communication.
      || isWord(after) && communication && after.capital && !isWord(tokens[v + 2]);
    if (!closes) continue;
    const pronoun = length === 1 && PRONOUNS.has(words[0].lower);
    if (!pronoun && !words.some((w) => w.capital) && !DETERMINER_START.has(words[0].lower)) continue;
    return attributionOf(text, { words, role: [] }, j, cueOf(tokens, v, v));
  }
  return null;
}

const OBJECT_PRONOUNS = new Set(['him', 'her', 'them', 'us', 'me', 'reporters']);

/**
 * Does the clause of the quote at `q` go on past it only with punctuation or a prepositional
 * phrase (`''…'' of the case, the opinion said`)? Not when a noun follows (`“miracle” diets`).
 */
function quoteEndsClause(tokens: readonly CueToken[], q: number): boolean {
  const after = tokens[q + 1];
  return after === undefined || after.kind === 'punct' || isWord(after) && !after.capital && (PREPOSITIONS.has(after.lower) || after.lower === 'of');
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
    if (words.length && words[0].capital && endsParagraph && rest.every((t) => t.kind === 'punct')) return attributionOf(text, { words, role: [] }, -1, cueOf(tokens, j - 1, j - 1, 'signature'));
  }
  // `“…. ” She added` starts a new sentence: its cue belongs to what follows. So does
  // `“…?” Her critics cited …`: after `?` or `!` a capitalised article or possessive opens one.
  if (quoteEndsSentence && tokens[j].capital) return null;
  if (j === q + 1 && tokens[j].capital && ARTICLES.has(tokens[j].lower) && /[?!]["”'’»\s]*$/u.test(text.slice(tokens[q].start, tokens[q].end))) return null;
  if (isAccordingTo(tokens, j)) return attributionOf(text, { words: phraseStartingAt(tokens, j + 2, tokens.length), role: [] }, -1, cueOf(tokens, j, j + 1, 'according-to'));
  if (isCue(tokens, j) && INVERTING_VERBS.has(tokens[j].lower)) {
    return attributionOf(text, { words: phraseStartingAt(tokens, j + 1, tokens.length), role: [] }, -1, cueOf(tokens, j, j));
  }
  // `“…,” reacted Trump.`: any verb of communication in the past before a name closing the clause.
  if (j === q + 1 && isInvertedVerb(tokens[j])) {
    const words = phraseStartingAt(tokens, j + 1, tokens.length);
    const next = words.length ? tokens[words[words.length - 1].index + 1] : undefined;
    if (words.length && (words[0].capital || DETERMINER_START.has(words[0].lower)) && (next === undefined || next.kind === 'punct')) {
      const found = attributionOf(text, { words, role: [] }, -1, cueOf(tokens, j, j));
      if (found) return found;
    }
  }
  for (let v = j; v < Math.min(sentenceEnd, j + 30); v++) {
    // `Guns are “…” and “…,” Howard Dean proclaimed`: the cue after the sentence's next quote.
    // No cue stands between the two quotes, so the later one's cue is the earlier one's too.
    if (tokens[v].kind === 'quote') return cueAfter(text, tokens, v, sentenceEnd, false);
    // Every cue below is a word: punctuation is passed over without the calls.
    if (tokens[v].kind !== 'word') continue;
    if (isAccordingTo(tokens, v) && isPunct(tokens[v - 1], ',')) {
      return attributionOf(text, { words: phraseStartingAt(tokens, v + 2, tokens.length), role: [] }, -1, cueOf(tokens, v, v + 1, 'according-to'));
    }
    if (!isCue(tokens, v)) continue;
    const agent = passiveAgent(text, tokens, v, tokens.length);
    if (agent) return agent;
    const subject = subjectOf(tokens, v, j, j);
    // `the IMF report stated`: a noun-like cue that is a noun here leaves the search open.
    if (NOUN_LIKE_VERBS.has(tokens[v].lower) && !acceptsSubject(tokens, v, subject)) continue;
    if (subject && acceptsSubject(tokens, v, subject)) {
      const at = subject.words[0].index;
      if (at === j) return attributionOf(text, subject, j, cueOf(tokens, v, v));
      // `“…” to drive up the stock price, she said`: a closing attribution after a comma.
      if (isPunct(tokens[at - 1], ',') && (PRONOUNS.has(subject.words[0].lower) || subject.words.some((w) => w.capital) || DETERMINER_START.has(subject.words[0].lower) && quoteEndsClause(tokens, q))) return attributionOf(text, subject, at, cueOf(tokens, v, v));
    }
    // `“…” about the decision, said Jane Doe`: an inverted cue after a comma, later in the sentence.
    if (isPunct(tokens[v - 1], ',') && isInvertedVerb(tokens[v])) {
      const words = phraseStartingAt(tokens, v + 1, tokens.length);
      if (words.length && words[0].capital) {
        const found = attributionOf(text, { words, role: [] }, -1, cueOf(tokens, v, v));
        if (found) return found;
      }
    }
    // `“…,” Jane Doe, a lawyer who …, said`: the phrase right after the quote, before a comma.
    const near = phraseStartingAt(tokens, j, v);
    const nearEnd = near.length ? near[near.length - 1].index + 1 : j;
    if (near.length && near.some((w) => w.capital) && isPunct(tokens[nearEnd], ',')) {
      return attributionOf(text, { words: near, role: [] }, j, cueOf(tokens, v, v));
    }
    // `“…” a narrator in the campaign ad asks`: the phrase, then a short prepositional phrase.
    const between = tokens.slice(nearEnd, v);
    if (near.length && DETERMINER_START.has(near[0].lower) && between.length <= 6 && between.every(isWord) && between.length > 0 && (PREPOSITIONS.has(between[0].lower) || between[0].lower === 'to' || between[0].lower === 'of')) {
      return attributionOf(text, { words: near, role: [] }, j, cueOf(tokens, v, v));
    }
    return null;
  }
  return null;
}

/**
 * `Sanders was asked by host Bill Maher, “…”`, `“…,” she was told by the chairman`: the agent of a
 * passive cue at `v` speaks (one by whom a speaker is quoted or cited does not), its phrase ending before `hi`.
 */
function passiveAgent(text: string, tokens: readonly CueToken[], v: number, hi: number): Attribution | null {
  if (!BE_FORMS.has(tokens[v - 1]?.lower) || tokens[v + 1]?.lower !== 'by' || !isWord(tokens[v + 2]) || tokens[v].lower === 'quoted' || tokens[v].lower === 'cited') return null;
  return attributionOf(text, { words: phraseStartingAt(tokens, v + 2, hi), role: [] }, -1, cueOf(tokens, v, v + 1));
}

/**
 * Does the word at `v` lead straight into the quote at `q`: a verb of communication right before
 * it, or any lower-case verb (with a particle: `shot back`; an adverb after it) or infinitive of communication before the colon or comma opening it?
 */
function leadsIntoQuote(tokens: readonly CueToken[], v: number, q: number): boolean {
  const t = tokens[v];
  if (!isWord(t) || t.capital) return false;
  const verbForm = /(?:ed|[^s]s|ing)$/.test(t.lower) || IRREGULAR_PASTS.has(t.lower);
  if (v === q - 1) return verbForm && COMMUNICATION_VERBS.has(t.lower);
  // `Rubio fired back forcefully: “…”`: an adverb may stand between the verb and the colon.
  const adverb = v === q - 3 && isAdverb(tokens[q - 2]) ? 1 : 0;
  if (v !== q - 2 - adverb || !isPunct(tokens[q - 1], ':,')) return false;
  // `Respondents are obliged to disclose: “…”`: an infinitive of communication too.
  if ((verbForm || tokens[v - 1]?.lower === 'to') && COMMUNICATION_VERBS.has(t.lower)) return true;
  const verb = CHAIN_PARTICLES.has(t.lower) && isWord(tokens[v - 1]) ? tokens[v - 1] : t;
  return !verb.capital && !PHRASE_BREAKERS.has(verb.lower) && !ARTICLES.has(verb.lower) && /(?:ed|[^s]s|ing)$/.test(verb.lower)
    || verb !== t && /^(?:shot|hit|fired|lashed|spoke|struck|went|came)$/.test(verb.lower);
}

/**
 * `Trump’s claim that …`, `Bush’s Facebook post: “…”`, `his call for “…”`, `Trump’s controversial
 * pledge to be “…”`: the index of the possessive (a capitalised name or a possessive pronoun) that
 * owns the speech noun at `v` introducing the quote at `q`, or -1.
 */
function speechNounOwner(tokens: readonly CueToken[], v: number, q: number): number {
  const noun = tokens[v];
  if (!isWord(noun) || noun.capital) return -1;
  // Any noun of communication right before a colon (`Bush’s Facebook post: “…”`); otherwise a speech noun.
  const colon = q === v + 2 && isPunct(tokens[v + 1], ':');
  if (!SPEECH_NOUNS.has(noun.lower) && !(colon && COMMUNICATION_VERBS.has(noun.lower) && !/(?:ed|ing)$/.test(noun.lower))) return -1;
  let k = v - 1;
  // One adjective or noun may qualify the speech noun (`controversial pledge`, `Facebook post`).
  if (isWord(tokens[k]) && !tokens[k].possessive && !POSSESSIVE_PRONOUNS.has(tokens[k].lower) && isWord(tokens[k - 1]) && (tokens[k - 1].possessive || POSSESSIVE_PRONOUNS.has(tokens[k - 1].lower))) k--;
  const owner = tokens[k];
  if (!isWord(owner) || !(owner.possessive || POSSESSIVE_PRONOUNS.has(owner.lower))) return -1;
  // `Clinton said of Chaffetz’s latest request: “…”`: the owner is what the speech verb is about.
  if (isCue(tokens, k - 1) || isWord(tokens[k - 1]) && /^(?:of|about|on)$/.test(tokens[k - 1].lower) && isCue(tokens, k - 2)) return -1;
  return introducesQuote(tokens, v, q) ? k : -1;
}

/** Does the noun at `v` introduce the quote at `q`: `that` follows it within a few words, or the quote itself? */
function introducesQuote(tokens: readonly CueToken[], v: number, q: number): boolean {
  if (q === v + 1 || q === v + 2 && isPunct(tokens[v + 1], ',:')) return true;
  // `his call for “…”`, `her pledge to be “…”`: a preposition (and a verb) between.
  if (isWord(tokens[v + 1]) && /^(?:for|of|to)$/.test(tokens[v + 1].lower) && (q === v + 2 || q === v + 3 && isWord(tokens[v + 2]) && !tokens[v + 2].capital)) return true;
  for (let k = v + 1; k < q && k - v <= 6; k++) {
    if (isWord(tokens[k]) && tokens[k].lower === 'that') return true;
    if (tokens[k].kind === 'punct') return false;
  }
  return false;
}

/** Possessive pronouns with the subject pronoun they stand for. */
const POSSESSIVE_PRONOUNS = new Map([['his', 'he'], ['her', 'she'], ['their', 'they'], ['its', 'it'], ['our', 'we'], ['my', 'i']]);

/** A possessive pronoun (`his`) read as the pronoun it stands for, its own range the mention. */
function pronounAttribution(text: string, token: CueToken, noun: CueToken): Attribution | null {
  const lower = POSSESSIVE_PRONOUNS.get(token.lower);
  return lower ? attributionOf(text, { words: [{ ...token, lower, possessive: false }], role: [] }, -1, { kind: 'noun', range: [noun.start, noun.end] }) : null;
}

/**
 * `Beck, who has described Trump as “…”`, `an ad that promises to “…”`: a quote in a relative
 * clause whose pronoun is its subject; the pronoun is the mention, the phrase before it the speaker.
 */
export function relativeClauseSubject(text: string, tokens: readonly CueToken[], from: number, q: number): Attribution | null {
  for (let k = q - 1; k > from && q - k <= 24; k--) {
    const t = tokens[k];
    if (t.kind === 'punct' && /^[,;:()]$/.test(t.text)) return null;
    if (!isWord(t) || t.capital || !RELATIVE_PRONOUNS.has(t.lower)) continue;
    const next = tokens[k + 1];
    if (!isWord(next) || next.capital || PRONOUNS.has(next.lower) || ARTICLES.has(next.lower)) return null;
    const end = isPunct(tokens[k - 1], ',') ? k - 2 : k - 1;
    const words = end >= from ? phraseEndingAt(tokens, end, from) : [];
    if (!plausibleSpeaker(words, from) || PRONOUNS.has(words[0].lower)) return null;
    const found = attributionOf(text, { words, role: [] }, from, cueOf(tokens, k + 1, k + 1, 'subject'));
    if (found) found.phrase = { ...found.phrase, range: [t.start, t.end] };
    return found;
  }
  return null;
}

/** Pattern 2: a cue earlier in the sentence, before the opening mark. */
function cueBefore(text: string, tokens: readonly CueToken[], q: number, sentenceStart: number): Attribution | null {
  // `Smith: “…”` — an interview or transcript line.
  if (isPunct(tokens[q - 1], ':') && isWord(tokens[q - 2]) && tokens[q - 2].capital) {
    const words = phraseEndingAt(tokens, q - 2, sentenceStart);
    // `Pollsters agree - Carl Bialik: “…”`: a name after a dash is as good as one opening the sentence.
    const opens = words.length > 0 && (words[0].index === sentenceStart || isPunct(tokens[words[0].index - 1], '—–-'));
    if (opens && words.some((w) => w.capital)) {
      const found = attributionOf(text, { words, role: [] }, -1, cueOf(tokens, q - 1, q - 1, 'colon'));
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
  return nearerMention(tokens, outer, q) ?? outer;
}

/**
 * `Reid said …, but he gave the Texan a compliment: “…”`: a later clause whose subject is a pronoun
 * for the same speaker introduces the quote; that pronoun is the mention nearest the quote, and
 * the one annotators mark. Taken for a named person (a pronoun of agreeing gender) or the same
 * pronoun, and only where no pronoun for someone else stands between the cue and it.
 */
function nearerMention(tokens: readonly CueToken[], found: Attribution, q: number): Attribution | null {
  const { phrase, cue } = found;
  if (cue.kind !== 'verb' || !cue.range || phrase.kind !== 'person' || phrase.description && phrase.pronoun === null) return null;
  const afterCue = partitionPoint(tokens.length, (i) => tokens[i].start < cue.range![1]);
  let nearer: CueToken | null = null;
  for (let k = afterCue; k < q; k++) {
    const t = tokens[k];
    if (!isWord(t)) continue;
    const pronoun = PRONOUNS.get(t.lower);
    const agrees = pronoun !== undefined && (phrase.pronoun !== null ? t.lower === phrase.pronoun : (pronoun === 'male' || pronoun === 'female') && (!phrase.gender || phrase.gender === pronoun));
    // Someone else referred to (`him`, `she` after a man's cue): a later pronoun could be theirs.
    if (OBJECT_PRONOUNS.has(t.lower) && t.lower !== 'reporters' || pronoun !== undefined && pronoun !== 'thing' && !agrees) break;
    if (!agrees || t.possessive) continue;
    // Only the subject of a clause of its own (`…, but he gave`), not of what the cue reports (`said he would`).
    if (CLAUSE_CONJUNCTIONS.has(tokens[k - 1]?.lower)) nearer = t;
  }
  // The same speaker, read as the cue's phrase reads it: only the words marked move to the pronoun.
  return nearer ? { ...found, phrase: { ...phrase, range: [nearer.start, nearer.end] } } : null;
}

/** Words that open a clause of its own after a reporting one, with its own subject. */
const CLAUSE_CONJUNCTIONS = new Set(['and', 'but', 'because', 'while', 'though', 'although', 'when', 'as', 'so', 'yet', 'then']);

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
    // Every cue below is a word: punctuation and quotations are passed over without the calls.
    if (tokens[v].kind !== 'word') continue;
    if (isAccordingTo(tokens, v)) {
      const found = attributionOf(text, { words: phraseStartingAt(tokens, v + 2, q), role: [] }, sentenceStart, cueOf(tokens, v, v + 1, 'according-to'));
      if (found) return found;
      continue;
    }
    // `Trump’s claim that …`: a speech noun after a possessive name.
    const owner = speechNounOwner(tokens, v, q);
    if (owner >= 0 && !POSSESSIVE_PRONOUNS.has(tokens[owner].lower)) {
      const found = attributionOf(text, { words: phraseEndingAt(tokens, owner, sentenceStart), role: [] }, sentenceStart, cueOf(tokens, v, v, 'noun'));
      if (found) return found;
    }
    // `his warning that …`, `her assertion that “…”`: the possessive pronoun is the mention.
    if (owner >= 0 && POSSESSIVE_PRONOUNS.has(tokens[owner].lower)) {
      const found = pronounAttribution(text, tokens[owner], tokens[v]);
      if (found) return found;
    }
    const opening = v === sentenceStart ? openingVerbAttribution(text, tokens, v, q) : null;
    if (opening) return opening;
    // `Hillary shot back, “…”`, `Trump reportedly yelling: “…”`: right before a colon or comma
    // that opens the quote, any verb is a cue (and any verb of communication right before it).
    if (!isCue(tokens, v) && leadsIntoQuote(tokens, v, q)) {
      // `The statement went on: “…”`: the verb is the word before its particle.
      const verb = CHAIN_PARTICLES.has(tokens[v].lower) && isWord(tokens[v - 1]) ? v - 1 : v;
      const subject = subjectOf(tokens, verb, sentenceStart, sentenceStart);
      const first = subject?.words[0];
      const before = first ? tokens[first.index - 1] : undefined;
      // The subject must open its clause: in `declared it a monument dedicated “…”` the phrase before the verb is an object.
      // So does the subject of a participle after `with` (`…, with Trump reportedly yelling: “…”`).
      const opensClause = first !== undefined && (first.index === sentenceStart || !isWord(before) || CLAUSE_STARTERS.has(before.lower) || before.lower === 'with' && tokens[verb].lower.endsWith('ing'));
      const found = subject && first && opensClause && (subject.words.some((w) => w.capital) || PRONOUNS.has(first.lower) || DETERMINER_START.has(first.lower))
        ? attributionOf(text, subject, sentenceStart, cueOf(tokens, verb, v)) : null;
      if (found) return found;
    }
    // `It was, in the words of one aide, “a total mess.”`
    if (isInTheWordsOf(tokens, v)) {
      const found = attributionOf(text, { words: phraseStartingAt(tokens, v + 4, q), role: [] }, sentenceStart, cueOf(tokens, v, v + 3, 'according-to'));
      if (found) return found;
    }
    if (!isCue(tokens, v)) continue;
    const agent = passiveAgent(text, tokens, v, q);
    if (agent) return agent;
    const subject = subjectOf(tokens, v, sentenceStart, sentenceStart);
    if (acceptsSubject(tokens, v, subject)) {
      const found = attributionOf(text, subject, sentenceStart, cueOf(tokens, v, v));
      if (found) return found;
    }
    // `Added Smith: “…”` and `“…,” says Smith, … “…”`: the verb opens its clause.
    const opensClause = v === sentenceStart || tokens[v - 1].kind !== 'word';
    if (INVERTING_VERBS.has(tokens[v].lower) && opensClause) {
      const inverted = attributionOf(text, { words: phraseStartingAt(tokens, v + 1, q), role: [] }, sentenceStart, cueOf(tokens, v, v));
      // (`said it was “…”` is no inversion: a pronoun after the verb is the subject of what follows.)
      if (inverted && inverted.phrase.kind !== 'group' && !inverted.phrase.description && inverted.phrase.pronoun === null) return inverted;
    }
  }
  return null;
}

/**
 * Pattern 3: the grammatical subject at the start of the sentence `[from, q)`, after an opening
 * adverbial (`In recent weeks, Reid has gone after …`).
 */
export function sentenceSubject(text: string, tokens: readonly CueToken[], from: number, q: number): Attribution | null {
  const last = lastSubject;
  if (last.tokens === tokens && last.from === from && last.q === q) return last.found;
  const found = readSentenceSubject(text, tokens, from, q);
  lastSubject = { tokens, from, q, found };
  return found;
}

/**
 * `sentenceSubject`'s last answer: the speech model (`speechModel.ts`) and then the speaker's
 * candidates (`statementCandidates`) ask it of one quote in turn. (A paragraph's tokens never change
 * once lexed, and belong to one text.)
 */
let lastSubject: { tokens: readonly CueToken[] | null; from: number; q: number; found: Attribution | null } = { tokens: null, from: -1, q: -1, found: null };

function readSentenceSubject(text: string, tokens: readonly CueToken[], from: number, q: number): Attribution | null {
  let start = from;
  while (start < q && tokens[start].kind === 'punct') start++;
  start = afterDateline(tokens, start, q);
  // Skip up to two opening adverbials that end with a comma (`On July 6, 2015, Sanders …`).
  for (let tries = 0; tries < 3 && start < q; tries++) {
    // `And he …`, `But Smith …`, `Then she …`: a conjunction opening the sentence.
    if (isWord(tokens[start]) && OPENING_CONJUNCTIONS.has(tokens[start].lower) && isWord(tokens[start + 1]) && start + 1 < q) start++;
    const found = subjectAt(text, tokens, start, q);
    if (found) return found;
    const first = tokens[start];
    if (!isWord(first)) return null;
    const adverbial = PREPOSITIONS.has(first.lower) || ENGLISH_PREPOSITIONS.has(first.lower) || SENTENCE_OPENERS.has(first.lower) || !first.capital && /(?:ing|ed|ly)$/.test(first.lower)
      || commonWord(text, first) || TIME_UNITS.has(first.lower) || isWord(tokens[start + 1]) && TIME_UNITS.has(tokens[start + 1].lower)
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

/**
 * `WASHINGTON, Dec. 8 (UPI) — …`, `PORTLAND, Ore. - …`: the index after a dateline opening the
 * paragraph at `start`, or `start`.
 */
function afterDateline(tokens: readonly CueToken[], start: number, q: number): number {
  const first = tokens[start];
  if (start !== firstWordIndex(tokens) || !isWord(first) || first.text.length < 3 || first.text.toUpperCase() !== first.text || !isPunct(tokens[start + 1], ',')) return start;
  for (let k = start + 2; k < Math.min(q, start + 12); k++) if (isPunct(tokens[k], '—–-')) return k + 1;
  return start;
}

/**
 * A capitalised word that the text also writes in lower case (`Minutes`, `Late`, `Reached`):
 * a common word capitalised by its place, not a name. Looks at a bounded number of occurrences.
 */
export function commonWord(text: string, word: CueToken): boolean {
  if (!word.capital || word.text.length < 2 || word.text.toUpperCase() === word.text || word.text.includes('.') || PRONOUNS.has(word.lower) || DETERMINER_START.has(word.lower)) return false;
  const lower = word.text.toLowerCase();
  // The answer for the text is kept: a search may read the whole text, and the subjects of many sentences ask it.
  if (commonWords.text !== text) commonWords = { text, known: new Map(), starts: null };
  let known = commonWords.known.get(lower);
  if (known === undefined) {
    known = false;
    // Most capitalised words are names, which the text never writes in lower case: the search for
    // one would read the whole text, for each name. An occurrence that counts is one of the word
    // starts that `lowerCaseWords` hashes, so a word whose hash is not among them has none.
    commonWords.starts ??= lowerCaseWords(text);
    const hash = wordHash(lower);
    if (hash < 0 || hasBit(commonWords.starts, hash)) {
      let at = text.indexOf(lower);
      for (let seen = 0; at >= 0 && seen < 64; seen++, at = text.indexOf(lower, at + 1)) {
        if (!isLetterOrDigitAt(text, at - 1) && !isLetterOrDigitAt(text, at + lower.length)) {
          known = true;
          break;
        }
      }
    }
    commonWords.known.set(lower, known);
  }
  return known;
}

/** `commonWord`'s answers for the last text it was asked about, and its word starts (`lowerCaseWords`) once needed. */
let commonWords: { text: string; known: Map<string, boolean>; starts: Uint32Array | null } = { text: '', known: new Map(), starts: null };

/** How long a word `lowerCaseWords` hashes may be; a longer one is searched for. */
const HASHED_WORD_UNITS = 48;

/** Can the code point `unit` (of class `kind`) stand inside a cue word (letters, digits, marks, `'’-/`)? */
const insideWord = (unit: number, kind: number): boolean => kind === LETTER_OR_DIGIT || kind === MARK || unit === 39 || unit === 0x2019 || unit === 45 || unit === 47;

/**
 * The hash `lowerCaseWords` gives `word` if it is the kind of word it hashes (opening with a letter
 * or a digit, made of what `insideWord` allows, at most HASHED_WORD_UNITS long); -1 otherwise.
 */
function wordHash(word: string): number {
  if (word.length > HASHED_WORD_UNITS || !isLetterOrDigitAt(word, 0)) return -1;
  let hash = 0;
  for (let i = 0; i < word.length; i++) {
    const unit = word.charCodeAt(i);
    if (!insideWord(unit, classAt(word, i)) && !isLowSurrogate(unit)) return -1;
    hash = (Math.imul(hash, 31) + unit) | 0;
  }
  return hash & 0x3fffffff;
}

/**
 * Hashes of every piece of `text` that `commonWord`'s search could accept: one that opens after a
 * code unit that is no letter or digit, holds only what `insideWord` allows and no capital A-Z, and
 * ends before a code point that is no letter or digit (`ministers’` in `ministers’,`; `anti` and
 * `anti-war` in `anti-war`). A hash shared by chance only costs that search. A set of bits (see
 * `hasBit`) rather than a `Set` of the hashes: the text's words are hundreds of thousands of
 * additions, and a bit that two hashes share by chance also only costs that search.
 */
function lowerCaseWords(text: string): Uint32Array {
  // About two bits per code unit of the text (a power of two, so that a hash's low bits pick one): few words share one.
  let bits = 1 << 10;
  while (bits < 2 * text.length && bits < 1 << 26) bits *= 2;
  const starts = new Uint32Array(bits >>> 5);
  const mask = bits - 1;
  // (Each bit set inline, `starts[(hash & mask) >>> 5] |= 1 << (hash & 31)`: this loop reads every code unit of the text.)
  // One pass, with the class of ASCII looked up inline (a call per code unit costs until the loop is optimised).
  for (let at = 0; at < text.length;) {
    const unit = text.charCodeAt(at);
    if ((unit < 0x80 ? bmpClass[unit] : classAt(text, at)) !== LETTER_OR_DIGIT) {
      at++;
      continue;
    }
    // A word opens at `at` (the code unit before is no letter or digit): hash it up to each place it may end.
    let hash = 0;
    const limit = Math.min(text.length, at + HASHED_WORD_UNITS + 1);
    /** Where the run of letters and digits from `at` ends: no word opens before it. */
    let runEnd = -1;
    let end = at;
    for (; end < limit; end++) {
      const u = text.charCodeAt(end);
      if (u < 0x80) {
        if (bmpClass[u] !== LETTER_OR_DIGIT) {
          if (runEnd < 0) runEnd = end;
          starts[(hash & mask) >>> 5] |= 1 << (hash & 31);
          if (u !== 39 && u !== 45 && u !== 47) break;
        } else if (u >= 65 && u <= 90) break;
      } else {
        const k = classAt(text, end);
        // (The code unit after a pair reads as a lone low surrogate: inside the pair's word, but a word may open after it.)
        const low = u >= 0xdc00 && u <= 0xdfff;
        if (k !== LETTER_OR_DIGIT) {
          if (runEnd < 0) runEnd = end;
          if (!low) starts[(hash & mask) >>> 5] |= 1 << (hash & 31);
          if (k !== MARK && u !== 0x2019 && !low) break;
        }
      }
      hash = (Math.imul(hash, 31) + u) | 0;
    }
    if (end === text.length) starts[(hash & mask) >>> 5] |= 1 << (hash & 31);
    if (runEnd < 0) {
      // The walk stopped inside the run (a capital, the length limit): go on to its end.
      runEnd = end;
      for (; runEnd < text.length; runEnd++) {
        const u = text.charCodeAt(runEnd);
        if ((u < 0x80 ? bmpClass[u] : classAt(text, runEnd)) !== LETTER_OR_DIGIT) break;
      }
    }
    at = runEnd;
  }
  return starts;
}

/** Is the bit of `hash` (its low bits, as many as the set has) set in `bits` (see `lowerCaseWords`)? */
const hasBit = (bits: Uint32Array, hash: number): boolean => {
  const bit = hash & (bits.length * 32 - 1);
  return (bits[bit >>> 5] & (1 << (bit & 31))) !== 0;
};

const isLowSurrogate = (unit: number): boolean => unit >= 0xdc00 && unit <= 0xdfff;

/** A subject phrase at `start` followed by its verb (a lower-case word) or an apposition. */
function subjectAt(text: string, tokens: readonly CueToken[], start: number, q: number): Attribution | null {
  const words = phraseStartingAt(tokens, start, q);
  if (!words.length) return null;
  // `Across Asia, …`, `Hours later, …`: a prepositional phrase or a span of time opening the sentence is no subject.
  if (words[0].capital && ENGLISH_PREPOSITIONS.has(words[0].lower) || words.length === 1 && TIME_UNITS.has(words[0].lower)) return null;
  // `Late last month, …`, `Minutes later, …`: a capitalised common word opening the sentence is no name;
  // nor is a participle opening it (`Filling in for Sanders, West …`).
  if (words.length === 1 && commonWord(text, words[0])) return null;
  // `Thirteen years earlier, …`: a quantity of time opening the sentence.
  if (words.length === 1 && isWord(tokens[words[0].index + 1]) && TIME_UNITS.has(tokens[words[0].index + 1].lower)) return null;
  if (words.length === 1 && words[0].capital && words[0].lower.endsWith('ing') && !isCue(tokens, words[0].index + 1) && isWord(tokens[words[0].index + 1]) && !tokens[words[0].index + 1].capital) return null;
  const after = tokens[words[words.length - 1].index + 1];
  if (!(isWord(after) && !after.capital) && !isPunct(after, ',(')) return null;
  // `A month later, he …`, `Each week, …`: a span of time before the comma opens the sentence, and the subject follows it.
  if (isPunct(after, ',') && words.some((w) => TIME_UNITS.has(w.lower))) return null;
  const pronoun = words.length === 1 && PRONOUNS.has(words[0].lower);
  if (words.length === 1 && (SENTENCE_OPENERS.has(words[0].lower) || isAdverb({ ...words[0], capital: false }))) return null;
  if (!pronoun && !words.some((w) => w.capital)) return null;
  // `It is …`, `It seems …` open no speaker's clause; `I had …`, `We were …` do.
  if (pronoun && words[0].lower === 'it' && isWord(after) && /^(?:is|was|'s|seems|appears|has|had)$/.test(after.lower)) return null;
  // `It's the persistent pull of …`: `it` with its verb in one word opens no speaker's clause either.
  if (words.length === 1 && words[0].possessive && words[0].lower === 'it') return null;
  // `Her rival, Joe Hart, laughed`: a name in apposition to a description is the subject, the description its role.
  const named = isPunct(after, ',') && !words.some((w) => w.capital && w.index !== start) ? apposedName(tokens, after.index + 1, q) : [];
  const subject = named.length ? { words: named, role: words } : { words, role: [] };
  const next = tokens[named.length ? named[named.length - 1].index + 2 : words[words.length - 1].index + 1];
  return attributionOf(text, subject, start, isWord(next) ? { kind: 'subject', range: [next.start, next.end] } : { kind: 'subject', range: null });
}

/** The capitalised name from `from` that stands between commas (`…, Joe Hart, …`), or none. */
function apposedName(tokens: readonly CueToken[], from: number, hi: number): CueToken[] {
  const name: CueToken[] = [];
  for (let k = from; k < hi && name.length < 5 && isWord(tokens[k]) && tokens[k].capital && !tokens[k].possessive; k++) name.push(tokens[k]);
  return name.length && isPunct(tokens[from + name.length], ',') ? name : [];
}

/** The patterns of a quote's own sentence, from the most to the least reliable. */
export const QUOTE_PATTERNS = ['after', 'before', 'any-verb'] as const;
export type QuotePattern = typeof QUOTE_PATTERNS[number];

/**
 * What one of the patterns of a quote's own sentence (patterns 1 and 2, and 3 last) finds for the
 * quotation at token `q`, whose sentence is `[from, to)`; `quoteEndsSentence` is true when the
 * quoted words end with a full stop.
 */
export function quotePattern(text: string, tokens: readonly CueToken[], q: number, quoteEndsSentence: boolean, pattern: QuotePattern, [from, to] = sentenceAround(tokens, q)): Attribution | null {
  const endsSentence = quoteEndsSentence && q >= firstWordIndex(tokens);
  if (pattern === 'after') return cueAfter(text, tokens, q, to, endsSentence);
  if (pattern === 'before') return cueBefore(text, tokens, q, from);
  return anyVerbAfter(text, tokens, q, endsSentence);
}

/**
 * `“…,” Jane Doe reacted.`, `“…,” he shrugged.`: in this order any verb is the cue; tried after
 * the cues of the sentence (`When Smith said “…,” the crowd cheered` is Smith's).
 */
function anyVerbAfter(text: string, tokens: readonly CueToken[], q: number, quoteEndsSentence: boolean): Attribution | null {
  const j = q + 1;
  if (!isWord(tokens[j]) || quoteEndsSentence && tokens[j].capital || !quoteLeadsToCue(text, tokens, q)) return null;
  return speakerBeforeAnyVerb(text, tokens, j);
}

/** `Said the mayor: “…”`, `Added Smith, “…”`: the verb at `v` opens its sentence, before its subject. */
function openingVerbAttribution(text: string, tokens: readonly CueToken[], v: number, hi: number): Attribution | null {
  if (!isWord(tokens[v]) || !tokens[v].capital || !isInvertedVerb({ ...tokens[v], capital: false })) return null;
  const words = phraseStartingAt(tokens, v + 1, hi);
  return words.length ? attributionOf(text, { words, role: [] }, v, cueOf(tokens, v, v)) : null;
}

/**
 * A signature line under a quotation (`- Bernie Sanders.`, `— Michelle Marks, Philadelphia`): a
 * paragraph that opens with a dash and a name and says nothing more than where it is from.
 */
export function signatureLine(text: string, tokens: readonly CueToken[]): Attribution | null {
  if (!isPunct(tokens[0], '-—–―') || !isWord(tokens[1]) || !tokens[1].capital || tokens.length > 16) return null;
  const words = phraseStartingAt(tokens, 1, tokens.length);
  const next = words.length ? tokens[words[words.length - 1].index + 1] : undefined;
  if (!words.length || next !== undefined && !(next.kind === 'punct' && /^[,.(]$/.test(next.text))) return null;
  if (next?.text === ',' && tokens.slice(next.index + 1).some((t) => isWord(t) && !t.capital && !INSIDE_PHRASE.has(t.lower))) return null;
  return attributionOf(text, { words, role: [] }, 1, cueOf(tokens, 0, 0, 'signature'));
}

/** The nearest cue with a subject in the paragraph before token `before`. */
export function earlierCue(text: string, tokens: readonly CueToken[], before: number): Attribution | null {
  for (let v = before - 1; v >= 0 && before - v <= MAX_SENTENCE_TOKENS; v--) {
    // Every cue below is a word: punctuation and quotations are passed over without the calls.
    if (tokens[v].kind !== 'word') continue;
    const opening = v === 0 || endsSentence(tokens, v - 1) ? openingVerbAttribution(text, tokens, v, before) : null;
    if (opening) return opening;
    if (!isCue(tokens, v)) continue;
    const [from] = sentenceAround(tokens, v);
    const subject = subjectOf(tokens, v, from, from);
    const found = acceptsSubject(tokens, v, subject) ? attributionOf(text, subject, from, cueOf(tokens, v, v)) : null;
    if (found) return found;
    // `“…,” says Jane Doe, founder of …. “…”`
    if (INVERTING_VERBS.has(tokens[v].lower) && (tokens[v - 1]?.kind === 'quote' || isPunct(tokens[v - 1], ','))) {
      const inverted = attributionOf(text, { words: phraseStartingAt(tokens, v + 1, before), role: [] }, from, cueOf(tokens, v, v));
      if (inverted) return inverted;
    }
  }
  return null;
}

const AUXILIARIES = new Set(['has', 'have', 'had', 'will', 'would', 'could', 'should', 'can', 'may', 'might', 'must', 'did', 'does', 'do']);

/** A lower-case word that reads as a finite verb after its subject: an auxiliary, a form in -ed or -s, a verb of communication. */
function verbLike(t: CueToken | undefined): boolean {
  if (!isWord(t) || t.capital) return false;
  const word = t.lower;
  const last = word.charCodeAt(word.length - 1);
  // `/(?:ed|[^s]s)$/` without the regex, and one set for the rest: this runs for every word of the sentences the model reads.
  if (word.length > 1 && (last === 115 /* s */ ? word.charCodeAt(word.length - 2) !== 115 : last === 100 /* d */ && word.charCodeAt(word.length - 2) === 101 /* e */)) {
    return FINITE_VERBS.has(word) || !(PHRASE_BREAKERS.has(word) || ARTICLES.has(word) || INSIDE_PHRASE.has(word));
  }
  return FINITE_VERBS.has(word) || OTHER_VERBS.has(word);
}

/** Verbs `verbLike` takes whatever else they are. */
const FINITE_VERBS = new Set([...BE_FORMS, ...AUXILIARIES]);
/** Other verbs it takes in any form, the small words of phrases aside. */
const OTHER_VERBS = new Set([...IRREGULAR_PASTS, ...SPEECH_VERBS, ...COMMUNICATION_VERBS].filter((w) => !PHRASE_BREAKERS.has(w) && !ARTICLES.has(w) && !INSIDE_PHRASE.has(w)));

/**
 * The phrases of tokens `[from, to)` that may name a speaker the patterns above do not reach, for
 * the speaker model to weigh: every subject of a clause (a phrase opening its clause before a verb:
 * `the commission recognized`, `the former secretary of state talked`) with that verb as its cue,
 * and every agent (`asked by host Bill Maher`, `From the report:`) with its preposition.
 */
export function clausePhrases(text: string, tokens: readonly CueToken[], from: number, to: number): Attribution[] {
  const out: Attribution[] = [];
  for (let k = from + 1; k < to; k++) {
    const t = tokens[k];
    // (Inline rather than `isWord`: this runs for every token of the sentences the model reads.)
    if (t.kind !== 'word') continue;
    if (isWord(tokens[k - 1]) && verbLike(t)) {
      const words = phraseEndingAt(tokens, k - 1, from);
      const first = words[0];
      const before = first ? tokens[first.index - 1] : undefined;
      if (first && (first.index === from || !isWord(before) || CLAUSE_STARTERS.has(before.lower))) {
        const found = attributionOf(text, { words, role: [] }, from, cueOf(tokens, k, k, 'subject'));
        if (found) out.push(found);
      }
    } else if ((t.lower === 'by' || t.lower === 'from') && isWord(tokens[k + 1])) {
      const found = attributionOf(text, { words: phraseStartingAt(tokens, k + 1, to), role: [] }, -1, cueOf(tokens, k, k, 'subject'));
      if (found) out.push(found);
    }
  }
  return out;
}
