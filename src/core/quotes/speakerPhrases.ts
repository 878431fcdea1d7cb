/**
 * Reading a speaker phrase (`UK Foreign Secretary Dominic Raab`, `the Chinese foreign minister`,
 * `he`): what it says about its speaker (name, kind, titles, roles, gender), before anything is
 * resolved to a person (see entities.ts).
 */
import { GROUP_WORDS, HONORIFICS, ORGANISATION_WORDS, PRONOUNS, TIME_WORDS, TITLE_WORDS } from './wordLists';
import type { CueToken } from './cueTokens';
import type { Range, SpeakerKind } from '../model';

export type Gender = 'male' | 'female' | '';

/** What a speaker phrase says about its speaker. */
export interface SpeakerPhrase {
  /** The words the attribution rests on: the name with its honorific, the pronoun, or the description. */
  range: Range;
  /** The name (`Dominic Raab`) or, for a description, its words without the article (`foreign secretary`). */
  name: string;
  kind: SpeakerKind;
  pronoun: string | null;
  /** True when the phrase names nobody (`the foreign secretary`, `a spokesman`). */
  description: boolean;
  titles: string[];
  gender: Gender;
  /** Lower-case words of the roles the phrase gives (`uk foreign secretary`), for matching descriptions. */
  roles: string[][];
}

export const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one', 'another', 'some', 'several', 'many', 'two', 'three', 'four', 'other']);
const INDEFINITES = new Set(['another', 'others', 'some', 'many', 'several', 'both']);
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'bin', 'al', 'la', 'le', 'del', 'da', 'du', 'di', 'der', 'ter', 'mac']);
const LOWERCASE_IN_ORG_NAMES = new Set(['of', 'for', 'and', 'the', 'on']);

// A slice only for a word with a final dot, rather than a regex replace per call (these run for every name word).
const withoutDot = (lower: string): string => lower.endsWith('.') ? lower.slice(0, -1) : lower;
const isHonorific = (token: CueToken): boolean => HONORIFICS.has(withoutDot(token.lower));
const isTitleWord = (token: CueToken): boolean => TITLE_WORDS.has(withoutDot(token.lower));

/** Where a run of capitalised name words ends the phrase, its start index; -1 when the phrase ends in a common noun. */
function trailingNameRun(words: readonly CueToken[]): number {
  let i = words.length - 1;
  if (i < 0 || !words[i].capital) return -1;
  while (i > 0) {
    const prev = words[i - 1];
    if (prev.capital && !prev.possessive) i--;
    else if (!prev.capital && (NAME_PARTICLES.has(prev.lower) || LOWERCASE_IN_ORG_NAMES.has(prev.lower)) && i >= 2 && words[i - 2].capital && !words[i - 2].possessive) i--;
    else break;
  }
  // A run never starts with a connecting word.
  while (i < words.length - 1 && !words[i].capital) i++;
  return i;
}

// Module constants rather than literals in the functions: the bundler turns these into `new RegExp(…)`
// calls, looked up again on every call. (V8 compiles each on its first use.)
const ACRONYM = /^[\p{Lu}\p{N}][\p{Lu}\p{N}.&]+$/u;
const HAS_CAPITAL = /\p{Lu}/u;
const DIGITS = /^\p{N}+$/u;

/**
 * Capitals and digits, then dots and ampersands too, with a capital (`NATO`, `G7`, `U.S`):
 * `/^[\p{Lu}\p{N}][\p{Lu}\p{N}.&]+$/u` and `/\p{Lu}/u`, with ASCII settled without those regexes
 * (Unicode-property classes are costly to compile on a cold start, and to run).
 */
function isAcronym(text: string): boolean {
  let capital = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return ACRONYM.test(text) && HAS_CAPITAL.test(text);
    if (code >= 65 && code <= 90) capital = true;
    else if (!(code >= 48 && code <= 57) && !(i > 0 && (code === 46 || code === 38))) return false;
  }
  return capital && text.length > 1;
}

/** All digits (`1200`, not `G7`): `/^\p{N}+$/u`, with ASCII settled without the regex (costly to compile and to run). */
export function isNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return DIGITS.test(text);
    if (code < 48 || code > 57) return false;
  }
  return text.length > 0;
}

function kindOfName(nameWords: readonly CueToken[]): SpeakerKind {
  if (nameWords.some((w) => ORGANISATION_WORDS.has(w.lower))) return 'organisation';
  if (nameWords.length === 1 && isAcronym(nameWords[0].text)) return 'organisation';
  return 'person';
}

function kindOfDescription(words: readonly CueToken[]): SpeakerKind {
  const head = words[words.length - 1].lower;
  if (GROUP_WORDS.has(head)) return 'group';
  if (ORGANISATION_WORDS.has(head) || words.some((w) => w.lower === 'ministry' || w.lower === 'department')) return 'organisation';
  if (/[^s]s$/.test(head) && !TITLE_WORDS.has(head)) return 'group';
  return 'person';
}

/** The words' text on one line, a possessive ending dropped (`Trump’s` names `Trump`). */
function joinWords(text: string, words: readonly CueToken[]): string {
  if (words.length === 0) return '';
  // One word holds no space: only its possessive ending to drop, without the two regexes (most names are one word).
  if (words.length === 1) return dropPossessive(words[0].text);
  return dropPossessive(collapseSpaces(text.slice(words[0].start, words[words.length - 1].end)));
}

/** `s` with each run of white space one space, as `s.replace(/\s+/g, ' ')`. */
export function collapseSpaces(s: string): string {
  // Only a tab, a line break, a non-breaking space or two spaces in a row change anything: most phrases have none, and skip the copy.
  return IRREGULAR_SPACE.test(s) ? s.replace(/\s+/g, ' ') : s;
}

const IRREGULAR_SPACE = /[^\S ]| {2}/;

/** `word` less a final `'`, `’`, `'s` or `’s`, as `.replace(/['’]s?$/u, '')` does. */
function dropPossessive(word: string): string {
  const last = word.length - 1;
  if (isApostropheAt(word, last)) return word.slice(0, last);
  return word[last] === 's' && isApostropheAt(word, last - 1) ? word.slice(0, last - 1) : word;
}

const isApostropheAt = (word: string, i: number): boolean => word[i] === "'" || word[i] === '’';

/**
 * Reads a speaker phrase: the word tokens between its boundaries (no punctuation), as found next to
 * a cue. Returns null for a phrase that cannot name a speaker.
 */
export function readSpeakerPhrase(text: string, phraseWords: readonly CueToken[]): SpeakerPhrase | null {
  // `on Tuesday Ms Achebe`: a date glued to the front of a name is no part of it, nor a title.
  let first = 0;
  while (first < phraseWords.length && TIME_WORDS.has(phraseWords[first].lower)) first++;
  const words = first ? phraseWords.slice(first) : phraseWords;
  if (words.length === 0) return null;
  if (words.length === 1) return readOneWord(words[0]);
  const runStart = trailingNameRun(words);
  if (runStart >= 0) {
    // No copies for a run without title words (most names).
    const run = runStart === 0 ? words : words.slice(runStart);
    let titleEnd = -1;
    for (let i = 0; i < run.length - 1; i++) if (isTitleWord(run[i]) || isHonorific(run[i])) titleEnd = i;
    const nameWords = titleEnd < 0 ? run : run.slice(titleEnd + 1);
    // `About 1,200 people`: a number is a quantity, never a name.
    if (nameWords.some((w) => isNumber(w.text))) return null;
    // A run of title words alone (`Foreign Secretary`) names nobody: it is read as a description.
    if (nameWords.length > 0 && !nameWords.every((w) => isTitleWord(w))) {
      const honorific = titleEnd >= 0 && isHonorific(run[titleEnd]) ? run[titleEnd] : null;
      const titleWords = [...words.slice(0, runStart), ...run.slice(0, honorific ? titleEnd : titleEnd + 1)]
        .filter((w, i) => !(i === 0 && DETERMINERS.has(w.lower)));
      const title = joinWords(text, titleWords);
      const gender: Gender = honorific ? HONORIFICS.get(withoutDot(honorific.lower)) ?? '' : '';
      const start = honorific ? honorific.start : nameWords[0].start;
      const kind = kindOfName(nameWords);
      return {
        range: [start, nameWords[nameWords.length - 1].end], name: joinWords(text, nameWords), kind, pronoun: null, description: false,
        titles: title ? [title] : [], gender, roles: title ? [titleWords.map((w) => w.lower)] : [],
      };
    }
  }
  // A description: `the foreign secretary`, `China's ministry of foreign affairs`, `G7 ministers`.
  const content = words.filter((w, i) => !(i === 0 && DETERMINERS.has(w.lower)));
  if (content.length === 0) return null;
  const kind = kindOfDescription(content);
  return {
    range: [words[0].start, words[words.length - 1].end], name: joinWords(text, content), kind, pronoun: null, description: true,
    titles: [], gender: '', roles: [content.map((w) => w.lower)],
  };
}

/**
 * The name of a lone word when `readSpeakerPhrase(text, [word])` reads it as one word naming a
 * person with no title, honorific or gender (`Raab`, `Leeds`), else null: what a reader of every
 * capitalised word of a text needs to know first, settled without making the phrase.
 */
export function bareName(word: CueToken): string | null {
  // (A pronoun with its verb in one word, `He’s`, is the pronoun, as in `readOneWord`.)
  if (!word.capital || TIME_WORDS.has(word.lower) || PRONOUNS.get(word.possessive ? dropPossessive(word.lower) : word.lower)) return null;
  if (isNumber(word.text) || isTitleWord(word) || ORGANISATION_WORDS.has(word.lower) || isAcronym(word.text)) return null;
  return dropPossessive(word.text);
}

/**
 * `readSpeakerPhrase` of a single word (not a date word): the general reading below, written out
 * for one word without its copies and joins, since every capitalised word of a text comes here.
 */
function readOneWord(word: CueToken): SpeakerPhrase | null {
  // `He's said …`: a pronoun's `'s` is `is` or `has`, never a possessive.
  const bare = word.possessive ? dropPossessive(word.lower) : word.lower;
  const pronoun = PRONOUNS.get(bare);
  if (pronoun) {
    const kind: SpeakerKind = pronoun === 'group' ? 'group' : pronoun === 'thing' ? 'organisation' : 'person';
    const gender: Gender = pronoun === 'male' || pronoun === 'female' ? pronoun : '';
    return { range: [word.start, word.end], name: word.possessive ? dropPossessive(word.text) : word.text, kind, pronoun: bare, description: false, titles: [], gender, roles: [] };
  }
  // A run of one name word, no title before it (a number is a quantity; a title word alone a description).
  if (word.capital) {
    if (isNumber(word.text)) return null;
    if (!isTitleWord(word)) {
      return { range: [word.start, word.end], name: dropPossessive(word.text), kind: kindOfName([word]), pronoun: null, description: false, titles: [], gender: '', roles: [] };
    }
  }
  // `Another said`: an indefinite speaker, described by the pronoun alone.
  if (INDEFINITES.has(word.lower)) return { range: [word.start, word.end], name: word.text, kind: word.lower === 'another' ? 'person' : 'group', pronoun: null, description: true, titles: [], gender: '', roles: [[word.lower]] };
  if (DETERMINERS.has(word.lower)) return null;
  return {
    range: [word.start, word.end], name: dropPossessive(word.text), kind: kindOfDescription([word]), pronoun: null, description: true,
    titles: [], gender: '', roles: [[word.lower]],
  };
}
