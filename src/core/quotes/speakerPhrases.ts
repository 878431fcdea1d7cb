/**
 * Speakers within one document: reading a speaker phrase (`UK Foreign Secretary Dominic Raab`,
 * `the Chinese foreign minister`, `he`) and resolving it to one entity per person or body.
 *
 * Resolution is deliberately local and rule-based, in the way news copy refers back to people:
 * a first mention with a full name (and often a title or an apposition), later ones by surname with
 * or without an honorific, by role (`the foreign secretary`), or by pronoun. Each rule is cheap and
 * is checked against the most recent mentions first, which is what a reader does too.
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

/** How far back (in characters) a pronoun looks for a subject before settling for any name. */
const PRONOUN_REACH = 1500;
/** How many mentions back a look-up searches: older ones are as good as forgotten, and the bound keeps long texts linear. */
const RECENT_REACH = 400;

const DETERMINERS = new Set(['the', 'a', 'an', 'his', 'her', 'their', 'its', 'our', 'one', 'another', 'some', 'several', 'many', 'two', 'three', 'four', 'other']);
const NAME_PARTICLES = new Set(['de', 'van', 'von', 'bin', 'al', 'la', 'le', 'del', 'da', 'du', 'di', 'der', 'ter', 'mac']);
const LOWERCASE_IN_ORG_NAMES = new Set(['of', 'for', 'and', 'the', 'on']);

// Nationality adjectives against the country names that titles carry (`China's foreign minister` is
// `the Chinese foreign minister`). Both directions are listed so either side can be the title.
const DEMONYMS: ReadonlyArray<[string, string[]]> = [
  ['china', ['chinese']], ['uk', ['british', 'britain', 'uk']], ['britain', ['british', 'uk']], ['us', ['american', 'u.s']],
  ['u.s', ['american', 'us']], ['america', ['american', 'us']], ['usa', ['american']], ['france', ['french']], ['germany', ['german']],
  ['italy', ['italian']], ['japan', ['japanese']], ['canada', ['canadian']], ['russia', ['russian']], ['india', ['indian']],
  ['australia', ['australian']], ['afghanistan', ['afghan']], ['iran', ['iranian']], ['israel', ['israeli']], ['pakistan', ['pakistani']],
  ['mexico', ['mexican']], ['spain', ['spanish']], ['turkey', ['turkish']], ['ukraine', ['ukrainian']], ['ireland', ['irish']],
  ['qatar', ['qatari']], ['saudi', ['saudi']], ['egypt', ['egyptian']], ['syria', ['syrian']], ['iraq', ['iraqi']],
  ['korea', ['korean']], ['brazil', ['brazilian']], ['eu', ['european']], ['europe', ['european']],
];
const DEMONYM_MAP = new Map<string, string[]>(DEMONYMS);

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

/**
 * Capitals and digits, then dots and ampersands too, with a capital (`NATO`, `G7`, `U.S`):
 * `/^[\p{Lu}\p{N}][\p{Lu}\p{N}.&]+$/u` and `/\p{Lu}/u`, with ASCII settled without those regexes
 * (Unicode-property classes are costly to compile on a cold start, and to run).
 */
function isAcronym(text: string): boolean {
  let capital = false;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return /^[\p{Lu}\p{N}][\p{Lu}\p{N}.&]+$/u.test(text) && /\p{Lu}/u.test(text);
    if (code >= 65 && code <= 90) capital = true;
    else if (!(code >= 48 && code <= 57) && !(i > 0 && (code === 46 || code === 38))) return false;
  }
  return capital && text.length > 1;
}

/** All digits (`1200`, not `G7`): `/^\p{N}+$/u`, with ASCII settled without the regex (costly to compile and to run). */
export function isNumber(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0x80) return /^\p{N}+$/u.test(text);
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
  return text.slice(words[0].start, words[words.length - 1].end).replace(/\s+/g, ' ').replace(/['’]s?$/u, '');
}

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
 * `readSpeakerPhrase` of a single word (not a date word): the general reading below, written out
 * for one word without its copies and joins, since every capitalised word of a text comes here.
 */
function readOneWord(word: CueToken): SpeakerPhrase | null {
  const pronoun = PRONOUNS.get(word.lower);
  if (pronoun && !word.possessive) {
    const kind: SpeakerKind = pronoun === 'group' ? 'group' : pronoun === 'thing' ? 'organisation' : 'person';
    const gender: Gender = pronoun === 'male' || pronoun === 'female' ? pronoun : '';
    return { range: [word.start, word.end], name: word.text, kind, pronoun: word.lower, description: false, titles: [], gender, roles: [] };
  }
  // A run of one name word, no title before it (a number is a quantity; a title word alone a description).
  if (word.capital) {
    if (isNumber(word.text)) return null;
    if (!isTitleWord(word)) {
      return { range: [word.start, word.end], name: dropPossessive(word.text), kind: kindOfName([word]), pronoun: null, description: false, titles: [], gender: '', roles: [] };
    }
  }
  if (DETERMINERS.has(word.lower)) return null;
  return {
    range: [word.start, word.end], name: dropPossessive(word.text), kind: kindOfDescription([word]), pronoun: null, description: true,
    titles: [], gender: '', roles: [[word.lower]],
  };
}

/** One person or body within a document. */
export interface DocumentEntity {
  id: number;
  name: string;
  kind: SpeakerKind;
  gender: Gender;
  aliases: Set<string>;
  titles: Set<string>;
  /** Lower-case words of every role given to the entity, demonyms expanded. */
  roleWords: Set<string>[];
  /** Name words in lower case, for surname look-ups. */
  nameWords: string[];
  description: boolean;
  /** How often the document has named the entity so far: the most named person is its subject. */
  mentions: number;
}

/**
 * `nameWords` joined, cached by array: a name's words are replaced, never mutated, so the array
 * identifies the string. Saves a join per candidate per mention in `byName` (a common surname has many).
 */
const joinedNames = new WeakMap<readonly string[], string>();
function joinedName(nameWords: readonly string[]): string {
  // A one-word name is its word: no look-up (most look-ups are of one-word names).
  if (nameWords.length === 1) return nameWords[0];
  let joined = joinedNames.get(nameWords);
  if (joined === undefined) {
    joined = nameWords.join(' ');
    joinedNames.set(nameWords, joined);
  }
  return joined;
}

/** A name's words in lower case. */
function lowerNameWords(name: string): string[] {
  const lower = name.toLowerCase();
  // Most names passed here are one word: no split to run.
  return /\s/.test(lower) ? lower.split(/\s+/) : [lower];
}

const expandDemonyms = (wordsOfRole: readonly string[]): Set<string> => {
  const out = new Set<string>();
  for (const w of wordsOfRole) {
    out.add(w);
    for (const d of DEMONYM_MAP.get(w) ?? []) out.add(d);
  }
  return out;
};

/**
 * The entities of one document and the order they were mentioned in, for surname, role and
 * pronoun look-ups. Mentions must be added in text order.
 */
export class EntityIndex {
  readonly entities: DocumentEntity[] = [];
  private readonly recent: Array<{ entity: DocumentEntity; at: number; subject: boolean }> = [];
  /** Each entity's last index in `recent`, so that `mostRecent` need not scan `recent` per look-up. */
  private readonly lastMention = new Map<DocumentEntity, number>();
  /** Entities by the lower-case name they were created with. */
  private readonly byKey = new Map<string, DocumentEntity>();
  /** People by each word of their names. */
  private readonly personsByWord = new Map<string, DocumentEntity[]>();

  constructor(private readonly text: string) {}

  /** Records a mention (also one that is not a speaker's) and returns its entity. */
  mention(phrase: SpeakerPhrase, at = phrase.range[0], subject = true): DocumentEntity | null {
    const entity = this.resolve(phrase, at);
    if (!entity) return null;
    entity.mentions++;
    this.lastMention.set(entity, this.recent.length);
    this.recent.push({ entity, at, subject });
    return entity;
  }

  /**
   * Records a bare one-word name (`Afghanistan`, `Raab`) only when it names a person already known:
   * a lone capitalised word is as often a place or a sentence opener as a surname.
   */
  mentionIfKnown(phrase: SpeakerPhrase, at = phrase.range[0], subject = true): DocumentEntity | null {
    const known = this.byName(lowerNameWords(phrase.name), at);
    if (!known) return null;
    known.mentions++;
    this.lastMention.set(known, this.recent.length);
    this.recent.push({ entity: known, at, subject });
    return known;
  }

  /**
   * False when `mentionIfKnown` would surely find nobody (no known person has the phrase's last name
   * word): a quick test that lets a caller skip reading what surrounds the many capitalised words that name nobody.
   */
  mayKnow(phrase: SpeakerPhrase): boolean {
    const words = lowerNameWords(phrase.name);
    return this.personsByWord.has(words[words.length - 1]);
  }

  /** Adds a role from an apposition (`Wang Yi, China's foreign minister`) to an entity. */
  addRole(entity: DocumentEntity, role: string, roleWords: readonly string[]): void {
    entity.titles.add(role);
    entity.roleWords.push(expandDemonyms(roleWords));
  }

  private resolve(phrase: SpeakerPhrase, at: number): DocumentEntity | null {
    if (phrase.pronoun) return this.resolvePronoun(phrase, at);
    if (phrase.description) {
      const byRole = this.byRole(phrase, at);
      if (byRole) {
        byRole.aliases.add(this.text.slice(phrase.range[0], phrase.range[1]));
        return byRole;
      }
      return this.findOrCreate(phrase, phrase.name.toLowerCase());
    }
    const words = lowerNameWords(phrase.name);
    if (phrase.kind === 'person') {
      const known = this.byName(words, at);
      if (known) {
        this.enrich(known, phrase);
        return known;
      }
    }
    return this.findOrCreate(phrase, phrase.name.toLowerCase());
  }

  private enrich(entity: DocumentEntity, phrase: SpeakerPhrase): void {
    const surface = this.text.slice(phrase.range[0], phrase.range[1]).replace(/\s+/g, ' ');
    if (phrase.name.split(' ').length > entity.name.split(' ').length) {
      entity.aliases.add(entity.name);
      entity.name = phrase.name;
      entity.nameWords = lowerNameWords(phrase.name);
      this.indexName(entity);
    }
    if (surface !== entity.name) entity.aliases.add(surface);
    for (const title of phrase.titles) entity.titles.add(title);
    for (const role of phrase.roles) entity.roleWords.push(expandDemonyms(role));
    if (!entity.gender && phrase.gender) entity.gender = phrase.gender;
  }

  private findOrCreate(phrase: SpeakerPhrase, key: string): DocumentEntity {
    const same = this.byKey.get(key);
    if (same) {
      this.enrich(same, phrase);
      return same;
    }
    const entity: DocumentEntity = {
      id: this.entities.length, name: phrase.name, kind: phrase.kind, gender: phrase.gender, aliases: new Set(),
      titles: new Set(phrase.titles), roleWords: phrase.roles.map(expandDemonyms), nameWords: lowerNameWords(phrase.name),
      description: phrase.description, mentions: 0,
    };
    const surface = this.text.slice(phrase.range[0], phrase.range[1]).replace(/\s+/g, ' ');
    if (surface !== entity.name) entity.aliases.add(surface);
    this.entities.push(entity);
    this.byKey.set(key, entity);
    this.indexName(entity);
    return entity;
  }

  /**
   * A person already known by a name that holds these words: `Raab` and `Mr Raab` find
   * `Dominic Raab`, and `Wang` finds `Wang Yi` (family name first). Most recent mention first.
   */
  private byName(words: readonly string[], at: number): DocumentEntity | null {
    const last = words[words.length - 1];
    const candidates = this.personsByWord.get(last);
    // Most capitalised words name nobody known: no candidates, no look-up to build.
    if (candidates === undefined) return null;
    const key = words.join(' ');
    // Names of as many words only: their words hold no space, so only those can join to `key` (no join to look up for the rest).
    const exact = candidates.find((e) => e.nameWords.length === words.length && joinedName(e.nameWords) === key);
    if (exact) return exact;
    const matchesWords = (e: DocumentEntity): boolean => {
      if (words.length === 1) return true;
      // A fuller form: same last word, and the first word equal or an initial of it.
      return e.nameWords[e.nameWords.length - 1] === last && (e.nameWords[0] === words[0] || words.length > e.nameWords.length && words.includes(e.nameWords[0]));
    };
    // Every candidate matches one word: the list itself, not a copy, for the common bare surname.
    const pool = words.length === 1 ? candidates : candidates.filter(matchesWords);
    if (pool.length === 0) return null;
    const bySurname = pool.filter((e) => e.nameWords[e.nameWords.length - 1] === last);
    return this.mostRecent(bySurname.length ? bySurname : pool, at);
  }

  /** Keeps the word index of people's names up to date (for `byName`). */
  private indexName(entity: DocumentEntity): void {
    if (entity.kind !== 'person' || entity.description) return;
    for (const word of entity.nameWords) {
      const list = this.personsByWord.get(word);
      if (!list) this.personsByWord.set(word, [entity]);
      else if (!list.includes(entity)) list.push(entity);
    }
  }

  private mostRecent(pool: readonly DocumentEntity[], at: number): DocumentEntity | null {
    // The pool member mentioned last within the last RECENT_REACH mentions: the same answer as
    // scanning `recent` backwards for a pool member (mentions come in text order, so every one so
    // far is at or before `at`), in O(pool) instead of O(RECENT_REACH x pool).
    let best: DocumentEntity | null = null;
    let bestIndex = this.recent.length - RECENT_REACH - 1;
    for (const entity of pool) {
      const index = this.lastMention.get(entity);
      if (index !== undefined && index > bestIndex && this.recent[index].at <= at) {
        best = entity;
        bestIndex = index;
      }
    }
    return best ?? pool[0] ?? null;
  }

  /** `the foreign secretary` and `the Chinese foreign minister` find the entity introduced with that role. */
  private byRole(phrase: SpeakerPhrase, at: number): DocumentEntity | null {
    const wanted = phrase.roles[0]?.filter((w) => !DETERMINERS.has(w)) ?? [];
    if (!wanted.some((w) => TITLE_WORDS.has(w))) {
      // `the harbour master` with no title word: only a person introduced with exactly that role.
      if (wanted.length === 0 || phrase.kind !== 'person') return null;
      const exact = this.entities.filter((e) => !e.description && e.kind === 'person' && e.roleWords.some((role) => wanted.every((w) => role.has(w))
        && [...role].every((w) => wanted.includes(w) || DETERMINERS.has(w))));
      return exact.length ? this.mostRecent(exact, at) : null;
    }
    const pool = this.entities.filter((e) => !e.description && e.roleWords.some((role) => wanted.every((w) => role.has(w))));
    if (pool.length) return this.mostRecent(pool, at);
    // `the foreign secretary` with no one introduced as such: news copy uses a role for its main
    // subject, so take the most named person whose known roles do not contradict it.
    if (!/^the\s/i.test(this.text.slice(phrase.range[0], phrase.range[1])) || phrase.kind !== 'person') return null;
    let best: DocumentEntity | null = null;
    for (const e of this.entities) {
      if (e.description || e.kind !== 'person' || e.mentions < 2) continue;
      const hasTitleRole = e.roleWords.some((role) => [...role].some((w) => TITLE_WORDS.has(w)));
      if (hasTitleRole) continue;
      if (!best || e.mentions > best.mentions) best = e;
    }
    if (best) best.roleWords.push(expandDemonyms(wanted));
    return best;
  }

  private resolvePronoun(phrase: SpeakerPhrase, at: number): DocumentEntity | null {
    const pronoun = phrase.pronoun ?? '';
    const fits = (e: DocumentEntity): boolean => {
      if (pronoun === 'he' || pronoun === 'she') return e.kind === 'person';
      if (pronoun === 'they' || pronoun === 'we') return e.kind !== 'person';
      if (pronoun === 'it') return e.kind === 'organisation';
      return false;
    };
    const gender = phrase.gender;
    const compatible = (e: DocumentEntity): boolean => fits(e) && !(gender && e.gender && e.gender !== gender);
    // A pronoun refers back to a recent subject (a speaker, a name opening its sentence) before any
    // name in passing (`… after meeting Vladimir Putin. He did not …` is not Putin).
    let found: DocumentEntity | null = null;
    for (let i = this.recent.length - 1; i >= 0 && !found; i--) {
      const r = this.recent[i];
      if (r.at > at) continue;
      if (at - r.at > PRONOUN_REACH) break;
      if (r.subject && compatible(r.entity)) found = r.entity;
    }
    for (let i = this.recent.length - 1; i >= 0 && !found && this.recent.length - i <= RECENT_REACH; i--) {
      const r = this.recent[i];
      if (r.at <= at && compatible(r.entity)) found = r.entity;
    }
    if (found && gender && !found.gender) found.gender = gender;
    return found;
  }

}
