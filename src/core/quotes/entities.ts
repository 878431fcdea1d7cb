/**
 * Speakers within one document: each speaker phrase resolved to one entity per person or body.
 *
 * Resolution is deliberately local and rule-based, in the way news copy refers back to people:
 * a first mention with a full name (and often a title or an apposition), later ones by surname with
 * or without an honorific, by role (`the foreign secretary`), or by pronoun. Each rule is cheap and
 * is checked against the most recent mentions first, which is what a reader does too.
 */
import type { SpeakerKind } from '../model';
import { collapseSpaces, DETERMINERS, type Gender, type SpeakerPhrase } from './speakerPhrases';
import { TITLE_WORDS } from './wordLists';
import { partitionPoint } from '../text/binarySearch';

/** How far back (in characters) a pronoun looks for a subject before settling for any name. */
const PRONOUN_REACH = 1500;
/** How many mentions back a look-up searches: older ones are as good as forgotten, and the bound keeps long texts linear. */
export const RECENT_REACH = 400;

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

/** One person or body within a document. */
export interface DocumentEntity {
  id: number;
  name: string;
  kind: SpeakerKind;
  gender: Gender;
  aliases: Set<string>;
  titles: Set<string>;
  /** Lower-case words of every distinct role given to the entity, demonyms expanded (add them through `EntityIndex`, which indexes them). */
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
export function joinedName(nameWords: readonly string[]): string {
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
export function lowerNameWords(name: string): string[] {
  const lower = name.toLowerCase();
  // Most names passed here are one word: no split to run.
  return /\s/.test(lower) ? lower.split(/\s+/) : [lower];
}

export const expandDemonyms = (wordsOfRole: readonly string[]): Set<string> => {
  const out = new Set<string>();
  for (let i = 0; i < wordsOfRole.length; i++) {
    const w = wordsOfRole[i];
    out.add(w);
    const demonyms = DEMONYM_MAP.get(w);
    if (demonyms) for (let k = 0; k < demonyms.length; k++) out.add(demonyms[k]);
  }
  return out;
};

/**
 * The entities of one document and the order they were mentioned in, for surname, role and
 * pronoun look-ups. Mentions must be added in text order.
 */
export class EntityIndex {
  readonly entities: DocumentEntity[] = [];
  /** Every mention so far, in text order (typed columns: a long text has hundreds of thousands). */
  private readonly recent = new MentionLog(this.entities);
  /**
   * Each entity's last index in `recent`, by entity id (-1 before its first), so that `mostRecent`
   * need not scan `recent` per look-up; an array, as the name look-up reads it for every candidate.
   */
  private readonly lastMention: number[] = [];
  /** Where each entity's last mention stands (its `at` in `recent`), by entity id: read with `lastMention` for every candidate of a name. */
  private readonly lastMentionAt: number[] = [];
  /** Entities by the lower-case name they were created with. */
  private readonly byKey = new Map<string, DocumentEntity>();
  /** People by each word of their names (of every name they have had), with who of them was mentioned last. */
  private readonly personsByWord = new Map<string, NameWordEntry>();
  /** Each person's entries in `personsByWord`, by entity id (undefined for an entity that is not indexed): a mention updates them without a look-up. */
  private readonly wordEntriesOf: Array<NameWordEntry[] | undefined> = [];
  /** The entry of each person's surname (the last word of its name as it is now), by entity id. */
  private readonly surnameEntryOf: Array<NameWordEntry | undefined> = [];
  /** People by their whole name as it is now (`nameWords` joined): nearly always one each. */
  private readonly personsByName = new Map<string, DocumentEntity[]>();
  /** Entities that are not descriptions by each word of their roles, in id order (for `byRole`). */
  private readonly byRoleWord = new Map<string, DocumentEntity[]>();
  /** People that are not descriptions by each role's words other than determiners (`roleKey`), in id order. */
  private readonly personsByExactRole = new Map<string, DocumentEntity[]>();
  /** Each entity's roles (`roleKey` of all their words) and role words, so that a role is kept and indexed once. */
  private readonly rolesOf: Array<{ keys: Set<string>; titled: boolean } | undefined> = [];
  /**
   * People who may stand for a role nobody was introduced with (see `byRole`): a max-heap of
   * `leaderKey`s, an entry pushed at each mention from the second. An entry reaches the top only
   * once its person's newer ones are gone, that is once the person has a title role: it is dropped then.
   */
  private readonly leaders: number[] = [];

  /** The last name given to `nameWordsOf` and its words: a name is looked up several times in a row (`mayKnow`, then `mentionIfKnown`). */
  private lastName = '';
  private lastNameWords: string[] = [''];

  constructor(private readonly text: string) {}

  /** `lowerNameWords(name)` (the arrays are never changed, so one may be handed out twice). */
  private nameWordsOf(name: string): string[] {
    if (name !== this.lastName) {
      this.lastName = name;
      this.lastNameWords = lowerNameWords(name);
    }
    return this.lastNameWords;
  }

  /** Records a mention (also one that is not a speaker's) and returns its entity. */
  mention(phrase: SpeakerPhrase, at = phrase.range[0], subject = true): DocumentEntity | null {
    const entity = this.resolve(phrase, at);
    if (!entity) return null;
    this.counted(entity, at, subject);
    return entity;
  }

  /** Counts a mention of `entity`. */
  private counted(entity: DocumentEntity, at: number, subject: boolean): void {
    entity.mentions++;
    this.lastMention[entity.id] = this.recent.length;
    this.lastMentionAt[entity.id] = at;
    this.recent.push(entity, at, subject);
    // Now the latest mentioned of every list that holds it.
    const entries = this.wordEntriesOf[entity.id];
    if (entries !== undefined) {
      for (let i = 0; i < entries.length; i++) entries[i].latest = entity.id;
      (this.surnameEntryOf[entity.id] as NameWordEntry).latestBySurname = entity.id;
    }
    if (entity.mentions >= 2 && this.mayLead(entity)) pushHeap(this.leaders, leaderKey(entity));
  }

  /** Could `entity` be `byRole`'s stand-in, mentions aside: a person, named, with no title role yet. */
  private mayLead(entity: DocumentEntity): boolean {
    return !entity.description && entity.kind === 'person' && !this.rolesOf[entity.id]?.titled;
  }

  /**
   * Records a bare one-word name (`Afghanistan`, `Raab`) only when it names a person already known:
   * a lone capitalised word is as often a place or a sentence opener as a surname.
   */
  mentionIfKnown(phrase: SpeakerPhrase, at = phrase.range[0], subject = true): DocumentEntity | null {
    const known = this.byName(this.nameWordsOf(phrase.name), at);
    if (!known) return null;
    this.counted(known, at, subject);
    return known;
  }

  /** `mentionIfKnown` of a one-word name without its phrase, given its word in lower case: the same look-up, with nothing to make. */
  mentionWordIfKnown(lowerName: string, at: number, subject: boolean): DocumentEntity | null {
    const known = this.byName(this.nameWordsOf(lowerName), at);
    if (!known) return null;
    this.counted(known, at, subject);
    return known;
  }

  /**
   * False when `mentionIfKnown` would surely find nobody (no known person has the phrase's last name
   * word): a quick test that lets a caller skip reading what surrounds the many capitalised words that name nobody.
   */
  mayKnow(phrase: SpeakerPhrase): boolean {
    const words = this.nameWordsOf(phrase.name);
    return this.mayKnowWord(words[words.length - 1]);
  }

  /** `mayKnow` of a one-word name, given in lower case. */
  mayKnowWord(lowerName: string): boolean {
    return this.personsByWord.has(lowerName);
  }

  /** Adds a role from an apposition (`Wang Yi, China's foreign minister`) to an entity. */
  addRole(entity: DocumentEntity, role: string, roleWords: readonly string[]): void {
    entity.titles.add(role);
    this.addRoleWords(entity, expandDemonyms(roleWords));
  }

  /**
   * Gives an entity a role (once: news copy repeats roles at every mention) and indexes it, so that
   * `byRole` reads only the entities that hold a wanted word instead of every entity of the text.
   */
  private addRoleWords(entity: DocumentEntity, role: Set<string>): void {
    let known = this.rolesOf[entity.id];
    if (!known) {
      known = { keys: new Set(), titled: false };
      this.rolesOf[entity.id] = known;
    }
    const key = roleKey(role, false);
    if (known.keys.has(key)) return;
    known.keys.add(key);
    entity.roleWords.push(role);
    if (!known.titled) for (const word of role) if (TITLE_WORDS.has(word)) known.titled = true;
    if (entity.description) return;
    for (const word of role) insertById(this.byRoleWord, word, entity);
    if (entity.kind === 'person') insertById(this.personsByExactRole, roleKey(role, true), entity);
  }

  private resolve(phrase: SpeakerPhrase, at: number): DocumentEntity | null {
    if (phrase.pronoun) return resolvePronoun(this.recent, phrase, at);
    if (phrase.description) {
      const byRole = this.byRole(phrase, at);
      if (byRole) {
        byRole.aliases.add(this.text.slice(phrase.range[0], phrase.range[1]));
        return byRole;
      }
      return this.findOrCreate(phrase, phrase.name.toLowerCase());
    }
    const words = this.nameWordsOf(phrase.name);
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
    const surface = this.surface(phrase);
    if (spaces(phrase.name) > spaces(entity.name)) {
      entity.aliases.add(entity.name);
      const previous = entity.nameWords;
      entity.name = phrase.name;
      entity.nameWords = this.nameWordsOf(phrase.name);
      this.indexName(entity, previous);
    }
    if (surface !== entity.name) entity.aliases.add(surface);
    for (let i = 0; i < phrase.titles.length; i++) entity.titles.add(phrase.titles[i]);
    for (let i = 0; i < phrase.roles.length; i++) this.addRoleWords(entity, expandDemonyms(phrase.roles[i]));
    if (!entity.gender && phrase.gender) entity.gender = phrase.gender;
  }

  /** The phrase as the text spells it, each run of white space one space. */
  private surface(phrase: SpeakerPhrase): string {
    return collapseSpaces(this.text.slice(phrase.range[0], phrase.range[1]));
  }

  private findOrCreate(phrase: SpeakerPhrase, key: string): DocumentEntity {
    const same = this.byKey.get(key);
    if (same) {
      this.enrich(same, phrase);
      return same;
    }
    const entity: DocumentEntity = {
      id: this.entities.length, name: phrase.name, kind: phrase.kind, gender: phrase.gender, aliases: new Set(),
      titles: new Set(phrase.titles), roleWords: [], nameWords: this.nameWordsOf(phrase.name),
      description: phrase.description, mentions: 0,
    };
    for (let i = 0; i < phrase.roles.length; i++) this.addRoleWords(entity, expandDemonyms(phrase.roles[i]));
    const surface = this.surface(phrase);
    if (surface !== entity.name) entity.aliases.add(surface);
    this.entities.push(entity);
    this.lastMention.push(-1);
    this.lastMentionAt.push(-1);
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
    const entry = this.personsByWord.get(last);
    // Most capitalised words name nobody known: no candidates, no look-up to build.
    if (entry === undefined) return null;
    const candidates = entry.persons;
    const named = this.personsByName.get(joinedName(words));
    if (named !== undefined && named.length > 0) {
      // Namesakes are taken in the order the candidates list them.
      return named.length === 1 ? named[0] : candidates.find((e) => named.includes(e)) ?? null;
    }
    const surnamed = entry.bySurname;
    if (words.length === 1) {
      // Those with this surname, the one mentioned last if recent, else the first listed; with none, any that has the word.
      if (surnamed.length > 0) return this.latestIfRecent(surnamed, entry.latestBySurname, at) ?? surnamed[0];
      return this.latestIfRecent(candidates, entry.latest, at) ?? candidates[0] ?? null;
    }
    // A fuller form: same last word, and the first word equal or an initial of it; the one mentioned last if recent, else the first.
    let first: DocumentEntity | null = null;
    let recent: DocumentEntity | null = null;
    let recentIndex = this.recent.length - RECENT_REACH - 1;
    // (Indexed loops here and below, not `for…of`: with the quote thread's lighter optimising compiler an iterator allocates.)
    for (let c = 0; c < surnamed.length; c++) {
      const e = surnamed[c];
      const nameWords = e.nameWords;
      if (!(nameWords[0] === words[0] || words.length > nameWords.length && words.includes(nameWords[0]))) continue;
      first ??= e;
      const index = this.lastMention[e.id];
      if (index >= 0 && index > recentIndex && this.lastMentionAt[e.id] <= at) {
        recent = e;
        recentIndex = index;
      }
    }
    return recent ?? first;
  }

  /**
   * `mostRecent(pool, at)` without its fallback, given the member of `pool` mentioned last: that
   * one, if within reach. Only a mention recorded after `at` (out of text order) needs the scan.
   */
  private latestIfRecent(pool: readonly DocumentEntity[], latest: number, at: number): DocumentEntity | null {
    if (latest < 0 || this.lastMention[latest] <= this.recent.length - RECENT_REACH - 1) return null;
    return this.lastMentionAt[latest] <= at ? this.entities[latest] : this.latestWithin(pool, at);
  }

  /** Keeps the word and name indexes of people's names up to date (for `byName`), `previous` being the words of the name before. */
  private indexName(entity: DocumentEntity, previous?: readonly string[]): void {
    if (entity.kind !== 'person' || entity.description) return;
    if (previous) {
      const namesakes = this.personsByName.get(joinedName(previous));
      const i = namesakes ? namesakes.indexOf(entity) : -1;
      if (namesakes && i >= 0) namesakes.splice(i, 1);
    }
    const name = joinedName(entity.nameWords);
    const namesakes = this.personsByName.get(name);
    if (!namesakes) this.personsByName.set(name, [entity]);
    else if (!namesakes.includes(entity)) namesakes.push(entity);
    const nameWords = entity.nameWords;
    let entries = this.wordEntriesOf[entity.id];
    if (entries === undefined) {
      entries = [];
      this.wordEntriesOf[entity.id] = entries;
    }
    const mentioned = this.lastMention[entity.id];
    for (let k = 0; k < nameWords.length; k++) {
      const word = nameWords[k];
      let entry = this.personsByWord.get(word);
      if (entry === undefined) {
        entry = { persons: [], bySurname: [], latest: -1, latestBySurname: -1 };
        this.personsByWord.set(word, entry);
      } else if (entries.includes(entry)) continue;
      entry.persons.push(entity);
      entries.push(entry);
      if (mentioned >= 0 && (entry.latest < 0 || this.lastMention[entry.latest] < mentioned)) entry.latest = entity.id;
    }
    this.moveSurname(entity, this.personsByWord.get(nameWords[nameWords.length - 1]) as NameWordEntry);
  }

  /** Files a person under the entry of its surname, `to`, keeping each entry's `bySurname` in the order of its `persons`. */
  private moveSurname(entity: DocumentEntity, to: NameWordEntry): void {
    const from = this.surnameEntryOf[entity.id];
    if (from === to) return;
    this.surnameEntryOf[entity.id] = to;
    if (from !== undefined) {
      from.bySurname.splice(from.bySurname.indexOf(entity), 1);
      if (from.latestBySurname === entity.id) from.latestBySurname = this.latestOf(from.bySurname);
    }
    if (to.persons[to.persons.length - 1] === entity) to.bySurname.push(entity);
    else to.bySurname = to.persons.filter((e) => this.surnameEntryOf[e.id] === to);
    const mentioned = this.lastMention[entity.id];
    if (mentioned >= 0 && (to.latestBySurname < 0 || this.lastMention[to.latestBySurname] < mentioned)) to.latestBySurname = entity.id;
  }

  /** The id of the member of `list` mentioned last, or -1 for none mentioned. */
  private latestOf(list: readonly DocumentEntity[]): number {
    let latest = -1;
    for (let i = 0; i < list.length; i++) {
      const id = list[i].id;
      if (this.lastMention[id] >= 0 && (latest < 0 || this.lastMention[id] > this.lastMention[latest])) latest = id;
    }
    return latest;
  }

  private mostRecent(pool: readonly DocumentEntity[], at: number): DocumentEntity | null {
    return this.latestWithin(pool, at) ?? pool[0] ?? null;
  }

  private latestWithin(pool: readonly DocumentEntity[], at: number): DocumentEntity | null {
    // The pool member mentioned last within the last RECENT_REACH mentions: the same answer as
    // scanning `recent` backwards for a pool member (mentions come in text order, so every one so
    // far is at or before `at`), in O(pool) instead of O(RECENT_REACH x pool).
    let best: DocumentEntity | null = null;
    let bestIndex = this.recent.length - RECENT_REACH - 1;
    for (let i = 0; i < pool.length; i++) {
      const entity = pool[i];
      const index = this.lastMention[entity.id];
      if (index >= 0 && index > bestIndex && this.lastMentionAt[entity.id] <= at) {
        best = entity;
        bestIndex = index;
      }
    }
    return best;
  }

  /**
   * The member of `list` (in id order) mentioned last within the last RECENT_REACH mentions, among
   * those that `fits`, else the first that fits: `mostRecent` of the members that fit, without
   * reading more than RECENT_REACH of a long list for the recent part.
   */
  private recentOrFirst(list: readonly DocumentEntity[], fits: (e: DocumentEntity) => boolean, at: number): DocumentEntity | null {
    if (list.length <= RECENT_REACH) {
      const pool = list.filter(fits);
      return pool.length ? this.mostRecent(pool, at) : null;
    }
    // The recent mentions, latest first: an entity counts at its last mention only, as in `mostRecent`.
    for (let i = this.recent.length - 1; i >= Math.max(0, this.recent.length - RECENT_REACH); i--) {
      const entity = this.recent.entity(i);
      if (this.lastMention[entity.id] === i && this.recent.at(i) <= at && fits(entity) && this.holdsEntity(list, entity)) return entity;
    }
    return list.find(fits) ?? null;
  }

  /** Is `entity` in `list` (id order)? */
  private holdsEntity(list: readonly DocumentEntity[], entity: DocumentEntity): boolean {
    const i = firstIdAtLeast(list, entity.id);
    return i < list.length && list[i] === entity;
  }

  /** `the foreign secretary` and `the Chinese foreign minister` find the entity introduced with that role. */
  private byRole(phrase: SpeakerPhrase, at: number): DocumentEntity | null {
    const wanted = phrase.roles[0]?.filter((w) => !DETERMINERS.has(w)) ?? [];
    if (!wanted.some((w) => TITLE_WORDS.has(w))) {
      // `the harbour master` with no title word: only a person introduced with exactly that role.
      if (wanted.length === 0 || phrase.kind !== 'person') return null;
      const exact = this.personsByExactRole.get(roleKey(wanted, true));
      return exact ? this.recentOrFirst(exact, () => true, at) : null;
    }
    // Those that hold every wanted word in one role are among those that hold the rarest of them.
    let fewest: DocumentEntity[] | undefined;
    for (const w of wanted) {
      const list = this.byRoleWord.get(w);
      if (!list) {
        fewest = undefined;
        break;
      }
      if (!fewest || list.length < fewest.length) fewest = list;
    }
    const found = fewest && this.recentOrFirst(fewest, (e) => e.roleWords.some((role) => wanted.every((w) => role.has(w))), at);
    if (found) return found;
    // `the foreign secretary` with no one introduced as such: news copy uses a role for its main
    // subject, so take the most named person whose known roles do not contradict it.
    if (!/^the\s/i.test(this.text.slice(phrase.range[0], phrase.range[1])) || phrase.kind !== 'person') return null;
    // (The most mentioned, the first made of equals: the top of `leaders` once outdated entries are dropped.)
    let best: DocumentEntity | null = null;
    while (this.leaders.length > 0 && best === null) {
      const top = this.entities[leaderId(this.leaders[0])];
      if (this.mayLead(top)) best = top;
      else popHeap(this.leaders);
    }
    if (best) this.addRoleWords(best, expandDemonyms(wanted));
    return best;
  }

}

/**
 * A role's words as one key: sorted, so that equal sets have equal keys; `bare` leaves determiners
 * out (`the harbour master` and `harbour master` are one role for an exact look-up).
 */
function roleKey(words: Iterable<string>, bare: boolean): string {
  // (An array, not a set: a role has a few words, and this runs for every role a mention gives.)
  const kept: string[] = [];
  for (const w of words) if ((!bare || !DETERMINERS.has(w)) && !kept.includes(w)) kept.push(w);
  return kept.length === 1 ? kept[0] : kept.sort().join(' ');
}

/** The index of the first entity in `list` (id order) whose id is at least `id`. */
function firstIdAtLeast(list: readonly DocumentEntity[], id: number): number {
  return partitionPoint(list.length, (k) => list[k].id < id);
}

/** Adds `entity` to the list of `key` in `lists`, keeping it in id order (an entity gains a role after others are made). */
function insertById(lists: Map<string, DocumentEntity[]>, key: string, entity: DocumentEntity): void {
  const list = lists.get(key);
  if (!list) {
    lists.set(key, [entity]);
    return;
  }
  // Mostly the newest entity, whose place is the end.
  if (list[list.length - 1].id < entity.id) {
    list.push(entity);
    return;
  }
  const i = firstIdAtLeast(list, entity.id);
  if (list[i] !== entity) list.splice(i, 0, entity);
}

/** The spaces in a name (one fewer than its words). */
function spaces(name: string): number {
  let count = 0;
  for (let at = name.indexOf(' '); at >= 0; at = name.indexOf(' ', at + 1)) count++;
  return count;
}

// A leader's key orders by mentions, then by id, first made first, in one safe integer.
const ID_SPAN = 2 ** 26;
const leaderKey = (entity: DocumentEntity): number => entity.mentions * ID_SPAN + (ID_SPAN - 1 - entity.id);
const leaderId = (key: number): number => ID_SPAN - 1 - (key % ID_SPAN);

/** Adds `key` to the max-heap `heap`. */
function pushHeap(heap: number[], key: number): void {
  let i = heap.length;
  heap.push(key);
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (heap[parent] >= key) break;
    heap[i] = heap[parent];
    i = parent;
  }
  heap[i] = key;
}

/** Removes the top of the max-heap `heap`. */
function popHeap(heap: number[]): void {
  const last = heap.pop() as number;
  if (heap.length === 0) return;
  let i = 0;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= heap.length) break;
    if (child + 1 < heap.length && heap[child + 1] > heap[child]) child++;
    if (heap[child] <= last) break;
    heap[i] = heap[child];
    i = child;
  }
  heap[i] = last;
}

/**
 * The people whose names (now or before) hold one word, in the order the word was first given to
 * each, and those of them whose surname it is now (in the same order), with the one of each list
 * mentioned last: the surname look-up reads these instead of scanning the people.
 */
interface NameWordEntry {
  persons: DocumentEntity[];
  bySurname: DocumentEntity[];
  /** Ids (-1 for none): a mention writes them, and a number needs no write barrier. */
  latest: number;
  latestBySurname: number;
}

/** Mentions in text order: of each, the entity, where, and whether it was a sentence's subject or a speaker. */
export interface EntityMentions {
  readonly length: number;
  entity(i: number): DocumentEntity;
  at(i: number): number;
  subject(i: number): boolean;
}

/**
 * `EntityMentions` as two typed columns (the entity's id with the subject flag, and the offset)
 * rather than an object per mention: 8 bytes each where an object took about 50, none of them for
 * the garbage collector to trace or promote.
 */
export class MentionLog implements EntityMentions {
  /** Each mention's entity id times two, plus one for a subject. */
  private idAndSubject = new Int32Array(256);
  private offsets = new Int32Array(256);
  length = 0;

  /** `entities` by id (the ids of the mentions pushed index it). */
  constructor(private readonly entities: readonly DocumentEntity[]) {}

  push(entity: DocumentEntity, at: number, subject: boolean): void {
    if (this.length === this.offsets.length) {
      const idAndSubject = new Int32Array(this.length * 2);
      idAndSubject.set(this.idAndSubject);
      this.idAndSubject = idAndSubject;
      const offsets = new Int32Array(this.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
    }
    this.idAndSubject[this.length] = entity.id * 2 + (subject ? 1 : 0);
    this.offsets[this.length++] = at;
  }

  entity(i: number): DocumentEntity {
    return this.entities[this.idAndSubject[i] >> 1];
  }

  at(i: number): number {
    return this.offsets[i];
  }

  subject(i: number): boolean {
    return (this.idAndSubject[i] & 1) === 1;
  }
}

/** The entity a pronoun at `at` refers to, from the mentions so far (in text order). */
export function resolvePronoun(recent: EntityMentions, phrase: SpeakerPhrase, at: number): DocumentEntity | null {
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
  for (let i = recent.length - 1; i >= 0 && !found; i--) {
    const mentioned = recent.at(i);
    if (mentioned > at) continue;
    if (at - mentioned > PRONOUN_REACH) break;
    if (recent.subject(i) && compatible(recent.entity(i))) found = recent.entity(i);
  }
  for (let i = recent.length - 1; i >= 0 && !found && recent.length - i <= RECENT_REACH; i--) {
    if (recent.at(i) <= at && compatible(recent.entity(i))) found = recent.entity(i);
  }
  if (found && gender && !found.gender) found.gender = gender;
  return found;
}
