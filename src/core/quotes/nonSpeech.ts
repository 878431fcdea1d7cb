/**
 * Which quotations are speech. Quote marks also set off scare quotes (`a so-called “peace plan”`),
 * titles (`the film “Kabul”`, `CNN’s “State of the Union”`), nicknames (`Robert “Bobby” Scott`)
 * and stage directions; those are kept apart for display and never get a speaker.
 *
 * The evidence is the words around the marks: a title or scare word before them, a title-case
 * phrase with no speech verb in its sentence, or a short phrase (three words or fewer) that is not
 * a whole utterance and has no speech cue. Anything else is speech.
 */
import { BETWEEN_SUBJECT_AND_VERB, INSIDE_PHRASE, PHRASE_BREAKERS, SCARE_CUES, SPEECH_VERBS, TITLE_CUES, WORK_NOUNS } from './wordLists';
import { isAccordingTo, isCue, isWord } from './attributionPatterns';
import { isLetterOrDigitAt, startsCapitalOrDigit, widthAt } from '../text/charClass';
import { firstWordIndex, sentenceAround, type CueToken } from './cueTokens';
import type { Range } from '../model';
import { WORD } from '../text/tokenize';

const SHORT_QUOTE_WORDS = 3;

/** A transcript's stage direction (`(CROSSTALK.)`, `[applause]`): quoted, but nobody's words. */
export const isStageDirection = (content: string): boolean => (content[0] === '(' || content[0] === '[') && /^[([][^()[\]]*[)\]]\W*$/u.test(content);

/**
 * Quotation marks that the words around them mark as a title or a scare quote: `a so-called “…”`,
 * `the film “…”`, `MSNBC’s “Morning Show”` (a possessive name before a title-case phrase).
 */
function markedAsNotSpeech(text: string, tokens: readonly CueToken[], q: number, range: Range): QuotationReading | null {
  const content = text.slice(range[0], range[1]);
  // Several rules ask it: read once, when first asked.
  let titleCase: boolean | undefined;
  const titled = (): boolean => (titleCase ??= isTitleCase(content));
  // A title cue names a work only where the words could be its title: not a clause of the writer's
  // sentence (`the program “is gaining traction”`) nor several sentences, unless the cue says it is a title.
  const titleCue = (t: CueToken): boolean => TITLE_CUES.has(t.lower) && (NAMING_CUES.has(t.lower) || !readsAsSentence(content));
  for (let k = q - 1, seen = 0; k >= 0 && seen < 2; k--) {
    const t = tokens[k];
    if (t.kind === 'quote') break;
    if (t.kind !== 'word') {
      // `Jane Doe’s column, “Why we left”`: a title after its kind of work and a comma.
      if (t.text === ',' && isWord(tokens[k - 1]) && titleCue(tokens[k - 1]) && k === q - 1) return titleBy(tokens[k - 1]);
      if (t.text === ',' || t.text === '.' || t.text === ':') break;
      continue;
    }
    seen++;
    if (SCARE_CUES.has(t.lower) || t.lower === 'called' && tokens[k - 1]?.text === '-' && tokens[k - 2]?.lower === 'so') return { kind: 'scare', rule: 'scare-cue' };
    if (titleCue(t)) return titleBy(t);
  }
  const after = tokens[q + 1];
  // A quotation that ends its own sentence (`… back in their place.” Titled the …`) has no title cue after it.
  if (isWord(after) && titleCue(after) && !/[.!?]$/u.test(content)) return titleBy(after);
  // `—“Flesh and Bone star refused …,” by the Post's Amy Spencer`: a headline over its byline.
  if (isWord(after) && after.lower === 'by' && isWord(tokens[q + 2]) && (tokens[q + 2].capital || tokens[q + 2].lower === 'the') && /,$/u.test(text.slice(range[0], range[1]))) return { kind: 'title', rule: 'byline' };
  const before = tokens[q - 1];
  // `the council’s report “Rising Tides”`: a work noun names what it introduces; speech after a
  // noun like `report` or `speech` opens in lower case or runs to a whole sentence.
  if (isWord(before) && !before.capital && WORK_NOUNS.has(before.lower) && titled() && !/[.!?]/u.test(content)) return { kind: 'title', rule: 'work-noun' };
  // `CNN’s “State of the Union”`, `the channel’s “Sunday Morning Futures”`: a title after its owner.
  if (isWord(before) && before.possessive && titled()) return { kind: 'title', rule: 'owner' };
  // `Robert C. “Bobby” Scott`: a nickname inside a name. A name's full stop follows an initial, and a
  // nickname carries no punctuation of its own: `. “Judge,” Brafman said` is a sentence's first word.
  const afterInitial = before?.text === '.' && isWord(tokens[q - 2]) && tokens[q - 2].text.length === 1;
  if (isWord(after) && after.capital && (isWord(before) && before.capital || afterInitial) && titled() && !/\s\S+\s|[,.!?:;]$/u.test(content)) return { kind: 'scare', rule: 'nickname' };
  // A short title-case phrase with no speech verb around it names something (a show, a nickname).
  if (titled() && !/[.!?]\s|[!?]$/u.test(content) && !sentenceHasCue(tokens, q)) return { kind: 'title', rule: 'title-case' };
  // `roles in “How the Grinch Stole Christmas,”`, `told “Fox and Friends”`: a title-case name after a
  // preposition names a work or a show; speech after a preposition opens in lower case.
  if (isWord(before) && TITLE_PREPOSITIONS.has(before.lower) && titled() && /\s/u.test(content) && !/[.!?]\s/u.test(content)) return { kind: 'title', rule: 'preposition' };
  // `during a “Town Hall Forum”`: a capitalised name after an article names an event or a thing,
  // whatever verbs the sentence holds; speech after an article opens in lower case.
  if (isWord(before) && ARTICLES_ONLY.has(before.lower) && titled() && /\s|-/u.test(content) && !/[.!?]/u.test(content)) return { kind: 'title', rule: 'article' };
  return null;
}

/** The tokenizer's words, as its definition `WORD` finds them (a unit test checks the scanner against it). */
const COUNTED_WORD = new RegExp(WORD.source, 'gu');

/**
 * `Math.min(countWords(content), atMost)`, by the tokenizer's definition: for one quotation the
 * regex costs less than the scanner, whose arrays are made for whole texts.
 */
export function wordsUpTo(content: string, atMost: number): number {
  COUNTED_WORD.lastIndex = 0;
  let count = 0;
  while (count < atMost && COUNTED_WORD.test(content)) count++;
  return count;
}

/** Title cues that name what follows as a title whatever it reads like (`a memo titled “…”`). */
const NAMING_CUES = new Set(['titled', 'entitled', 'headline', 'slogan', 'motto', 'hashtag', 'banner', 'sign']);

/** A title by its cue: one that names it as a title (`titled`) is the writer's word on it, another (`the film`) a likelihood. */
const titleBy = (cue: CueToken): QuotationReading => ({ kind: 'title', rule: NAMING_CUES.has(cue.lower) ? 'named' : 'title-cue' });

/** Words that read as the writer's clause or as running text: opening in lower case past a few words, or more than one sentence. */
const readsAsSentence = (content: string): boolean => STARTS_LOWER_CASE.test(content) && wordsUpTo(content, SHORT_QUOTE_WORDS + 1) > SHORT_QUOTE_WORDS || INNER_SENTENCE_END.test(content);

// Module constants rather than literals in the functions: the bundler turns some into `new RegExp(…)` calls, looked up again on every call.
const STARTS_LOWER_CASE = /^\p{Ll}/u;
const INNER_SENTENCE_END = /[.!?]\s+\S/u;

const ARTICLES_ONLY = new Set(['a', 'an', 'the']);

const TITLE_PREPOSITIONS = new Set(['in', 'on', 'of', 'from', 'at', 'including', 'like', 'told', 'during', 'hosted', 'hosting', 'starred']);

const MINOR_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'in', 'on', 'at', 'to', 'for', 'with', 'by', 'it']);

// The pieces that `content.split(/[\s-]+/)` gives, less the empty ones.
const PIECE = /[^\s-]+/g;

/**
 * `word` less the code points at either end that are not letters or digits, as
 * `word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '')` gives, through the lexer's character
 * classes: that regex cost milliseconds to compile on a cold start and microseconds per word.
 */
function trimToLettersAndDigits(word: string): string {
  let start = 0;
  while (start < word.length && !isLetterOrDigitAt(word, start)) start += widthAt(word, start);
  let end = word.length;
  while (end > start) {
    const pair = end - 2 >= start && widthAt(word, end - 2) === 2;
    if (isLetterOrDigitAt(word, pair ? end - 2 : end - 1)) break;
    end -= pair ? 2 : 1;
  }
  return start === 0 && end === word.length ? word : word.slice(start, end);
}

/** Every main word capitalised, as in the title of a show or a book; at most five words. */
function isTitleCase(content: string): boolean {
  // Reads no further than the sixth word or the first lower-case one: splitting whole quotations
  // (most run to many words) was a twentieth of attribution's time.
  let count = 0;
  PIECE.lastIndex = 0;
  for (let m = PIECE.exec(content); m !== null; m = PIECE.exec(content)) {
    const word = trimToLettersAndDigits(m[0]);
    if (!word) continue;
    if (++count > 5) return false;
    if (!startsCapitalOrDigit(word) && !(count > 1 && MINOR_WORDS.has(word))) return false;
  }
  return count > 0;
}

/** Does the sentence around token `q` hold a speech verb outside quotation marks? */
export function sentenceHasCue(tokens: readonly CueToken[], q: number): boolean {
  const last = lastCueCheck;
  if (last.tokens === tokens && last.q === q) return last.cued;
  const [from, to] = sentenceAround(tokens, q);
  let cued = false;
  // (Both are words: punctuation and quotations are passed over without the calls.)
  for (let i = from; i < to && !cued; i++) cued = tokens[i].kind === 'word' && (isCue(tokens, i) || isAccordingTo(tokens, i));
  lastCueCheck = { tokens, q, cued };
  return cued;
}

/**
 * `sentenceHasCue`'s last answer: the rules (`readQuotation`) and the speech model ask it of one
 * quotation in turn. (A paragraph's tokens never change once lexed.)
 */
let lastCueCheck: { tokens: readonly CueToken[] | null; q: number; cued: boolean } = { tokens: null, q: -1, cued: false };

/** Possessives that own a term as someone's wording; `its` names a thing's label more often than a person's words. */
const PERSONAL_POSSESSIVES = new Set(['his', 'her', 'their', 'my', 'our', 'your']);

/**
 * `Smith’s “fair share”`, `her “personal notes”`: a short quotation owned by a person is that
 * person's wording, a partial quote, even when no speech verb stands in the sentence.
 */
function ownedBySomeone(tokens: readonly CueToken[], q: number): boolean {
  const before = tokens[q - 1];
  return isWord(before) && (PERSONAL_POSSESSIVES.has(before.lower) || before.possessive && before.lower !== 'it');
}

/**
 * `attacked her as a “career politician”`, `… as a “menace” and a “fraud”`: a characterisation put
 * on someone is the wording of the sentence's subject, a partial quote.
 */
function characterises(tokens: readonly CueToken[], q: number): boolean {
  let k = q - 1;
  if (isWord(tokens[k]) && (tokens[k].lower === 'a' || tokens[k].lower === 'an')) k--;
  const t = tokens[k];
  if (!isWord(t)) return false;
  return t.lower === 'as' || (t.lower === 'and' || t.lower === 'or') && tokens[k - 1]?.kind === 'quote' && characterises(tokens, k - 1);
}

/**
 * A single quoted word used as a modifier of the noun after it (`promoting “miracle” diets`) is
 * the writer's distance from a word, not anyone's speech, even in a sentence with a speech verb.
 */
function modifiesNoun(tokens: readonly CueToken[], q: number): boolean {
  const after = tokens[q + 1];
  const before = tokens[q - 1];
  if (!isWord(after) || after.capital || PHRASE_BREAKERS.has(after.lower) || INSIDE_PHRASE.has(after.lower)) return false;
  return !(isWord(before) && (SPEECH_VERBS.has(before.lower) || BETWEEN_SUBJECT_AND_VERB.has(before.lower) || before.possessive || PERSONAL_POSSESSIVES.has(before.lower)));
}

/** A whole utterance: opens with a capital and ends with a full stop, `!` or `?`. */
const isUtterance = (content: string): boolean => /^[\p{Lu}\p{N}]/u.test(content) && /[.!?…]$/u.test(content);

/** The rules that read a quotation, for the speech model to weigh (see `speechModel.ts`). */
export const QUOTATION_RULES = ['named', 'title-cue', 'scare-cue', 'byline', 'work-noun', 'owner', 'nickname', 'title-case', 'preposition', 'article',
  'cued', 'owned', 'characterised', 'modifier', 'short', 'uncued'] as const;
export type QuotationRule = typeof QUOTATION_RULES[number];

/** What the rules make of a quotation, and the rule that decided. */
export interface QuotationReading {
  kind: 'speech' | 'scare' | 'title';
  rule: QuotationRule;
}

/**
 * Speech, a scare quote or a title: the quotation at token `q` of a paragraph's cue tokens, with
 * its content at `range`. `cued` says whether a speech cue or a transcript label attributes it.
 */
export function classifyQuotation(text: string, tokens: readonly CueToken[], q: number, range: Range, cued: boolean): 'speech' | 'scare' | 'title' {
  return readQuotation(text, tokens, q, range, cued).kind;
}

/** `classifyQuotation` with the rule that decided. */
export function readQuotation(text: string, tokens: readonly CueToken[], q: number, range: Range, cued: boolean): QuotationReading {
  const marked = markedAsNotSpeech(text, tokens, q, range);
  if (marked) return marked;
  // A cued quotation is speech: no need to count its words.
  if (cued) return { kind: 'speech', rule: 'cued' };
  const content = text.slice(range[0], range[1]);
  const alone = firstWordIndex(tokens) === tokens.length && tokens.filter((t) => t.kind === 'quote').length === 1;
  // Only whether it is one word or at most SHORT_QUOTE_WORDS matters here: the count stops past them.
  const words = wordsUpTo(content, SHORT_QUOTE_WORDS + 1);
  if (words === 1 && modifiesNoun(tokens, q)) return { kind: 'scare', rule: 'modifier' };
  if (!alone && words <= SHORT_QUOTE_WORDS && !isUtterance(content) && !sentenceHasCue(tokens, q)) {
    if (ownedBySomeone(tokens, q)) return { kind: 'speech', rule: 'owned' };
    if (characterises(tokens, q)) return { kind: 'speech', rule: 'characterised' };
    return { kind: 'scare', rule: 'short' };
  }
  return { kind: 'speech', rule: 'uncued' };
}
