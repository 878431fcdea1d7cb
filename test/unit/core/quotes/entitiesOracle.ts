/**
 * The oracle for entities.test.ts: EntityIndex as it was before its look-ups were indexed (the role
 * look-up filtered every entity, the name look-up every candidate with lists made on the way, and
 * each mention pushed its roles again). Kept as it was, so that the indexed one is checked to give
 * the same answers on any sequence of mentions. Its constants and small helpers are the module's own.
 */
import { DETERMINERS, type SpeakerPhrase } from '../../../../src/core/quotes/speakerPhrases';
import { TITLE_WORDS } from '../../../../src/core/quotes/wordLists';
import { expandDemonyms, joinedName, lowerNameWords, RECENT_REACH, resolvePronoun, type DocumentEntity, type EntityMentions } from '../../../../src/core/quotes/entities';

/** A mention in text order, as an object (the index keeps them in typed columns, `MentionLog`). */
export interface EntityMention {
  entity: DocumentEntity;
  at: number;
  subject: boolean;
}

/** A list of mention objects read as `EntityMentions`. */
export const mentionsOf = (list: readonly EntityMention[]): EntityMentions => ({
  get length() {
    return list.length;
  },
  entity: (i) => list[i].entity,
  at: (i) => list[i].at,
  subject: (i) => list[i].subject,
});

/**
 * The entities of one document and the order they were mentioned in, for surname, role and
 * pronoun look-ups. Mentions must be added in text order.
 */
export class ScanningEntityIndex {
  readonly entities: DocumentEntity[] = [];
  private readonly recent: EntityMention[] = [];
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
    if (phrase.pronoun) return resolvePronoun(mentionsOf(this.recent), phrase, at);
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

}
