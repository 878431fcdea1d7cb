/**
 * The speech model: whether a quotation that stands alone (one region, no later paragraphs) is
 * someone's words or the writer's marks (a scare quote, a title, a term). The rules of `nonSpeech.ts`
 * read the words right by the marks; the annotators' line between a partial quote and a scare quote
 * rests on more than those, so a logistic regression weighs what the rules decided (and by which
 * rule) with what the quotation is (its length, its case, its punctuation, its person) and where it
 * stands (its neighbours, its sentence's cues, the kind of line it is on). The weights are learnt
 * from annotated news by `scripts/model/speech.mjs` and shipped in `speechWeights.ts`.
 */
import { COMMUNICATION_VERBS, PREPOSITIONS, SPEECH_VERBS, TITLE_CUES, WORK_NOUNS } from './wordLists';
import { endsSentence, firstWordIndex, headlineCased, sentenceAround, type CueToken } from './cueTokens';
import { sentenceSubject } from './attributionPatterns';
import { QUOTATION_RULES, sentenceHasCue, wordsUpTo, type QuotationReading } from './nonSpeech';
import type { SpeakerCandidate } from './speakerCandidates';
import type { Range } from '../model';

/**
 * The log-odds a quotation that the rules read as not speech must reach to be taken as speech
 * (a probability of about 0.73): a partial quote taken back often has no cue to name its speaker,
 * so a looser bar found more quotes but fewer right speakers (cross-validated on polnear-train's tuning part).
 */
export const SPEECH_MARGIN = 1;

/**
 * The log-odds a quotation the rules read as speech with no cue at all (`uncued`) must reach to stay
 * speech (a probability of about 0.62): below it is a title or a term the rules' words missed
 * (`“Orange is the New Black” star`). A bar at even odds (0) found a few more quotes and fewer right speakers
 * (cross-validated on polnear-train's tuning part).
 */
export const DOUBT_MARGIN = 0.5;

/**
 * Does the model weigh this quotation? What the rules read as not speech, but for what the writer
 * names a title (`a memo titled “…”`: the writer's word on it, and no one to give it to); and the
 * speech the rules found with no cue, the one reading of theirs that rests on no evidence. A cued
 * quotation stays speech.
 */
export const modelWeighs = (reading: QuotationReading): boolean => reading.kind !== 'speech' ? reading.rule !== 'named' : reading.rule === 'uncued';

/** The model's verdict on a quotation it weighs, from its score: speech when clearly so, or, for uncued speech, when likely so. */
export const modelReadsAsSpeech = (reading: QuotationReading, score: number, takeBack = SPEECH_MARGIN, doubt = DOUBT_MARGIN): boolean =>
  score >= (reading.kind === 'speech' ? doubt : takeBack);

/** What the features read of a quotation. */
export interface QuotationContext {
  text: string;
  /** The tokens of the quotation's paragraph, and its token there. */
  tokens: readonly CueToken[];
  q: number;
  /** The quoted words, marks excluded. */
  range: Range;
  /** The first speaker candidate that a pattern of its own sentence found, if any. */
  cue: SpeakerCandidate | undefined;
  /** The rules' reading. */
  reading: QuotationReading;
  /** The paragraph's index in the document. */
  paragraph: number;
}

const NEIGHBOURS_BEFORE = ['none', 'article', 'preposition', 'possessive', 'as', 'comma', 'colon', 'speech-verb', 'communication-verb', 'that',
  'naming', 'capital', 'word', 'other'] as const;
const NEIGHBOURS_AFTER = ['none', 'word', 'capital', 'comma', 'stop', 'speech-verb', 'by', 'and-or', 'other'] as const;

/** The names of the features, in the order of the weights. */
export const SPEECH_FEATURES: readonly string[] = [
  'bias', ...QUOTATION_RULES.map((r) => `rule:${r}`),
  'cue:after', 'cue:before', 'cue:any-verb', 'cue-kind:according-to', 'cue-kind:colon', 'cue-kind:noun', 'sentence-cue',
  'words', 'words:1', 'words:2', 'words:3', 'words:4-6',
  'start:capital', 'end:stop', 'end:comma', 'end:question', 'inner-sentence', 'title-case', 'first-person', 'second-person', 'contraction',
  'opens-sentence', 'opens-paragraph', 'alone', 'ends-sentence',
  ...NEIGHBOURS_BEFORE.map((n) => `before:${n}`), ...NEIGHBOURS_AFTER.map((n) => `after:${n}`),
  'title-word-near', 'work-noun-near', 'headline', 'first-paragraph', 'quotes-in-sentence',
  'subject:person', 'subject:pronoun', 'subject:other', 'communication-verb-before',
  'short*sentence-cue', 'short*capital', 'short*title-case', 'one*capital',
];
const INDEX = new Map(SPEECH_FEATURES.map((name, i) => [name, i]));
const at = (name: string): number => INDEX.get(name) as number;
const RULE_AT = new Map(QUOTATION_RULES.map((r) => [r as string, at(`rule:${r}`)]));
const CUE_SOURCE_AT = new Map([['after', at('cue:after')], ['before', at('cue:before')], ['any-verb', at('cue:any-verb')]]);
const CUE_KIND_AT = new Map([['according-to', at('cue-kind:according-to')], ['colon', at('cue-kind:colon')], ['noun', at('cue-kind:noun')]]);
const BEFORE_AT = new Map(NEIGHBOURS_BEFORE.map((n) => [n as string, at(`before:${n}`)]));
const AFTER_AT = new Map(NEIGHBOURS_AFTER.map((n) => [n as string, at(`after:${n}`)]));
const [BIAS, SENTENCE_CUE, WORDS, WORDS_1, WORDS_2, WORDS_3, WORDS_4_6] = ['bias', 'sentence-cue', 'words', 'words:1', 'words:2', 'words:3', 'words:4-6'].map(at);
const [CAPITAL, END_STOP, END_COMMA, END_QUESTION, INNER_SENTENCE, TITLE_CASE, FIRST_PERSON, SECOND_PERSON, CONTRACTION] = ['start:capital', 'end:stop',
  'end:comma', 'end:question', 'inner-sentence', 'title-case', 'first-person', 'second-person', 'contraction'].map(at);
const [OPENS_SENTENCE, OPENS_PARAGRAPH, ALONE, ENDS_SENTENCE] = ['opens-sentence', 'opens-paragraph', 'alone', 'ends-sentence'].map(at);
const [TITLE_NEAR, WORK_NEAR, HEADLINE, FIRST_PARAGRAPH, QUOTES_IN_SENTENCE] = ['title-word-near', 'work-noun-near', 'headline', 'first-paragraph', 'quotes-in-sentence'].map(at);
const [SUBJECT_PERSON, SUBJECT_PRONOUN, SUBJECT_OTHER, COMMUNICATION_BEFORE] = ['subject:person', 'subject:pronoun', 'subject:other', 'communication-verb-before'].map(at);
const [SHORT_CUE, SHORT_CAPITAL, SHORT_TITLE, ONE_CAPITAL] = ['short*sentence-cue', 'short*capital', 'short*title-case', 'one*capital'].map(at);

/** Words that name what follows as a term rather than quote it: `dubbed “…”`, `the term “…”`. */
const NAMING_WORDS = new Set(['called', 'dubbed', 'named', 'nicknamed', 'termed', 'term', 'word', 'words', 'phrase', 'label', 'known']);
const ARTICLE_WORDS = new Set(['a', 'an', 'the']);
const PERSONAL_POSSESSIVES = new Set(['his', 'her', 'their', 'my', 'our', 'your', 'its']);
const FIRST_PERSON_WORDS = new Set(['i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'myself', 'ourselves']);
const SECOND_PERSON_WORDS = new Set(['you', 'your', 'yours', 'yourself']);
/** How much of a quotation its person and contractions are read from. */
const CONTENT_READ = 400;
const WORD = /[\p{L}’']+/gu;

// Module constants rather than literals in the functions: the bundler turns some of these into
// `new RegExp(…)` calls, which would look the pattern up again on every call.
const STARTS_CAPITAL = /^\p{Lu}/u;
const STARTS_CAPITAL_OR_DIGIT = /^[\p{Lu}\p{N}]/u;
const INNER_SENTENCE_END = /[.!?]\s+\S/u;
const CONTRACTION_END = /\p{L}(?:n['’]t|['’](?:re|ll|ve|m|d))\b/u;

/** Every main word capitalised (short words aside), at most five words, as a title or a name is. */
function titleCased(content: string): boolean {
  let count = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(content); m !== null; m = WORD.exec(content)) {
    if (++count > 5) return false;
    const w = m[0];
    if (!STARTS_CAPITAL.test(w) && !(count > 1 && w.length <= 3)) return false;
  }
  return count > 0;
}

/**
 * Which persons the words of `content` (as `WORD` reads them) speak in: bit 1 the first (`I`, `we`,
 * a word opening with `I’`), bit 2 the second (`you`). By one regex each, not a lower-cased string
 * per word: a word lower-cases to one of those only if it is made of their ASCII letters in either
 * case (no other letter lower-cases to one of theirs), so the patterns list those in both cases.
 */
export function persons(content: string): number {
  return (FIRST_PERSON_WORD.test(content) ? 1 : 0) | (SECOND_PERSON_WORD.test(content) ? 2 : 0);
}

/** A regex source for `word` in any case of its ASCII letters. */
const anyCase = (word: string): string => [...word].map((c) => `[${c}${c.toUpperCase()}]`).join('');
/** One of `words` as a whole word of `WORD` (no letter or apostrophe either side). */
const wholeWord = (words: Iterable<string>): string => `(?<![\\p{L}’'])(?:${[...words].map(anyCase).join('|')})(?![\\p{L}’'])`;
const FIRST_PERSON_WORD = new RegExp(`${wholeWord(FIRST_PERSON_WORDS)}|(?<![\\p{L}’'])[iI]['’]`, 'u');
const SECOND_PERSON_WORD = new RegExp(wholeWord(SECOND_PERSON_WORDS), 'u');

/** Which kind of word or mark stands before the quotation. */
function neighbourBefore(tokens: readonly CueToken[], q: number): typeof NEIGHBOURS_BEFORE[number] {
  const t = tokens[q - 1];
  if (t === undefined) return 'none';
  if (t.kind === 'punct') return t.text === ',' ? 'comma' : t.text === ':' ? 'colon' : 'other';
  if (t.kind !== 'word') return 'other';
  if (ARTICLE_WORDS.has(t.lower)) return 'article';
  if (t.possessive || PERSONAL_POSSESSIVES.has(t.lower)) return 'possessive';
  if (t.lower === 'as') return 'as';
  if (t.lower === 'that') return 'that';
  if (NAMING_WORDS.has(t.lower)) return 'naming';
  if (SPEECH_VERBS.has(t.lower)) return 'speech-verb';
  if (COMMUNICATION_VERBS.has(t.lower)) return 'communication-verb';
  if (PREPOSITIONS.has(t.lower)) return 'preposition';
  return t.capital ? 'capital' : 'word';
}

/** Which kind of word or mark follows the quotation. */
function neighbourAfter(tokens: readonly CueToken[], q: number): typeof NEIGHBOURS_AFTER[number] {
  const t = tokens[q + 1];
  if (t === undefined) return 'none';
  if (t.kind === 'punct') return t.text === ',' ? 'comma' : t.text === '.' || t.text === '!' || t.text === '?' ? 'stop' : 'other';
  if (t.kind !== 'word') return 'other';
  if (t.lower === 'by') return 'by';
  if (t.lower === 'and' || t.lower === 'or') return 'and-or';
  if (SPEECH_VERBS.has(t.lower)) return 'speech-verb';
  return t.capital ? 'capital' : 'word';
}

/** Receives feature `feature` (each at most once; the rest are 0). */
type FeatureSink = (feature: number, value: number) => void;

/** The features of a quotation, told to `put`. */
function describeQuotation(context: QuotationContext, put: FeatureSink): void {
  const { text, tokens, q, range, cue, reading } = context;
  const set = (feature: number, value = 1): void => { if (value !== 0) put(feature, value); };
  set(BIAS);
  set(RULE_AT.get(reading.rule) as number);
  if (cue) {
    const source = CUE_SOURCE_AT.get(cue.source);
    if (source !== undefined) set(source);
    const kind = CUE_KIND_AT.get(cue.attribution?.cue.kind ?? '');
    if (kind !== undefined) set(kind);
  }
  const hasCue = sentenceHasCue(tokens, q);
  set(SENTENCE_CUE, hasCue ? 1 : 0);
  const content = text.slice(range[0], Math.min(range[1], range[0] + CONTENT_READ));
  const words = wordsUpTo(content, Infinity);
  set(WORDS, Math.log1p(words) / 3);
  if (words <= 6) set(words === 1 ? WORDS_1 : words === 2 ? WORDS_2 : words === 3 ? WORDS_3 : WORDS_4_6);
  const capital = STARTS_CAPITAL_OR_DIGIT.test(content);
  set(CAPITAL, capital ? 1 : 0);
  const last = text[range[1] - 1];
  set(END_STOP, last === '.' || last === '!' || last === '…' ? 1 : 0);
  set(END_COMMA, last === ',' ? 1 : 0);
  set(END_QUESTION, last === '?' ? 1 : 0);
  set(INNER_SENTENCE, INNER_SENTENCE_END.test(content) ? 1 : 0);
  const title = titleCased(content);
  set(TITLE_CASE, title ? 1 : 0);
  const person = persons(content);
  set(FIRST_PERSON, person & 1);
  set(SECOND_PERSON, person >> 1);
  // (A contraction needs an apostrophe: most quotations are settled without the regex.)
  set(CONTRACTION, (content.includes("'") || content.includes('’')) && CONTRACTION_END.test(content) ? 1 : 0);
  const opensSentence = q === 0 || endsSentence(tokens, q - 1);
  set(OPENS_SENTENCE, opensSentence ? 1 : 0);
  set(OPENS_PARAGRAPH, q === 0 ? 1 : 0);
  set(ALONE, firstWordIndex(tokens) === tokens.length ? 1 : 0);
  set(ENDS_SENTENCE, q + 1 >= tokens.length || endsSentence(tokens, q + 1) || endsSentence(tokens, q) ? 1 : 0);
  set(BEFORE_AT.get(neighbourBefore(tokens, q)) as number);
  set(AFTER_AT.get(neighbourAfter(tokens, q)) as number);
  let titleNear = 0;
  let workNear = 0;
  for (let k = Math.max(0, q - 3); k <= Math.min(tokens.length - 1, q + 2); k++) {
    const t = tokens[k];
    if (t.kind !== 'word') continue;
    if (TITLE_CUES.has(t.lower)) titleNear = 1;
    if (WORK_NOUNS.has(t.lower)) workNear = 1;
  }
  set(TITLE_NEAR, titleNear);
  set(WORK_NEAR, workNear);
  set(HEADLINE, headlineCased(tokens) ? 1 : 0);
  set(FIRST_PARAGRAPH, context.paragraph === 0 ? 1 : 0);
  let quotes = 0;
  for (let k = q - 1; k >= 0 && !endsSentence(tokens, k) && q - k < 60; k--) if (tokens[k].kind === 'quote') quotes++;
  for (let k = q + 1; k < tokens.length && !endsSentence(tokens, k - 1) && k - q < 60; k++) if (tokens[k].kind === 'quote') quotes++;
  set(QUOTES_IN_SENTENCE, Math.min(quotes, 3) / 3);
  // Someone the sentence is about (its subject) whose words a partial quote may be.
  const from = sentenceAround(tokens, q)[0];
  const subject = sentenceSubject(text, tokens, from, q)?.phrase;
  // A verb of communication anywhere before it in its sentence (`denounced the plan as …`).
  for (let k = q - 1; k >= from; k--) {
    if (tokens[k].kind === 'word' && !tokens[k].capital && COMMUNICATION_VERBS.has(tokens[k].lower)) {
      set(COMMUNICATION_BEFORE);
      break;
    }
  }
  if (subject) set(subject.pronoun ? SUBJECT_PRONOUN : subject.kind === 'person' && !subject.description ? SUBJECT_PERSON : SUBJECT_OTHER);
  const short = words <= 3 ? 1 : 0;
  set(SHORT_CUE, short && hasCue ? 1 : 0);
  set(SHORT_CAPITAL, short && capital ? 1 : 0);
  set(SHORT_TITLE, short && title ? 1 : 0);
  set(ONE_CAPITAL, words === 1 && capital ? 1 : 0);
}

/** The features of a quotation, in `SPEECH_FEATURES` order. */
export function quotationFeatures(context: QuotationContext): Float64Array {
  const features = new Float64Array(SPEECH_FEATURES.length);
  describeQuotation(context, (feature, value) => { features[feature] = value; });
  return features;
}

/** The quotation's score under `weights`: the log-odds that it is speech. */
export function speechScore(context: QuotationContext, weights: ArrayLike<number>): number {
  let score = 0;
  describeQuotation(context, (feature, value) => { score += value * weights[feature]; });
  return score;
}
