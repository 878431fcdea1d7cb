import * as assert from 'assert';
import { EntityIndex, MentionLog, RECENT_REACH, type DocumentEntity } from '../../../../src/core/quotes/entities';
import { DETERMINERS, type SpeakerPhrase } from '../../../../src/core/quotes/speakerPhrases';
import { TITLE_WORDS } from '../../../../src/core/quotes/wordLists';
import type { SpeakerKind } from '../../../../src/core/model';
import { ScanningEntityIndex, type EntityMention } from './entitiesOracle';

/** A seeded generator: the same sequence every run. */
function random(seed: number): () => number {
  let state = seed;
  return () => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) / 2 ** 32;
}

type Op =
  | { type: 'name'; person: number; kind: SpeakerKind; roles: string[][]; surface: string }
  | { type: 'description'; words: string[]; kind: SpeakerKind; surface: string }
  | { type: 'role'; pick: number; words: string[] };

// Few words, so that many entities share each: the look-ups meet long lists of candidates.
const ROLE_WORDS = ['foreign', 'minister', 'deputy', 'president', 'harbour', 'master', 'chinese', 'china', 'the'];

function makeOps(count: number, seed: number): Op[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const role = (): string[] => {
    const words = ['the'];
    const length = 1 + Math.floor(next() * 3);
    for (let i = 0; i < length; i++) words.push(pick(ROLE_WORDS));
    return words;
  };
  const ops: Op[] = [];
  let persons = 0;
  for (let n = 0; n < count; n++) {
    const r = next();
    if (r < 0.45) {
      // A new person (or body) most of the time, else someone named before.
      const person = persons > 0 && next() < 0.4 ? Math.floor(next() * persons) : persons++;
      const kind: SpeakerKind = person % 7 === 0 ? 'organisation' : 'person';
      const roles = next() < 0.8 ? [next() < 0.3 ? ['harbour', 'master'] : role()] : [];
      ops.push({ type: 'name', person, kind, roles, surface: `Ann${person} Bell${person}` });
    } else if (r < 0.9) {
      const words = next() < 0.3 ? ['the', 'harbour', 'master'] : role();
      ops.push({ type: 'description', words, kind: next() < 0.9 ? 'person' : 'group', surface: words.join(' ') });
    } else {
      ops.push({ type: 'role', pick: next(), words: role() });
    }
  }
  return ops;
}

/** The look-up by role as a scan of every entity: what `EntityIndex` answered before it indexed roles. */
function scanByRole(index: EntityIndex, history: ReadonlyArray<{ entity: DocumentEntity; at: number }>, phrase: SpeakerPhrase, text: string): DocumentEntity | null {
  const at = phrase.range[0];
  const last = new Map<DocumentEntity, number>();
  history.forEach((h, i) => last.set(h.entity, i));
  const mostRecent = (pool: DocumentEntity[]): DocumentEntity | null => {
    let best: DocumentEntity | null = null;
    let bestIndex = history.length - RECENT_REACH - 1;
    for (const e of pool) {
      const i = last.get(e);
      if (i !== undefined && i > bestIndex && history[i].at <= at) {
        best = e;
        bestIndex = i;
      }
    }
    return best ?? pool[0] ?? null;
  };
  const wanted = phrase.roles[0].filter((w) => !DETERMINERS.has(w));
  if (!wanted.some((w) => TITLE_WORDS.has(w))) {
    if (wanted.length === 0 || phrase.kind !== 'person') return null;
    const exact = index.entities.filter((e) => !e.description && e.kind === 'person' && e.roleWords.some((role) => wanted.every((w) => role.has(w))
      && [...role].every((w) => wanted.includes(w) || DETERMINERS.has(w))));
    return exact.length ? mostRecent(exact) : null;
  }
  const pool = index.entities.filter((e) => !e.description && e.roleWords.some((role) => wanted.every((w) => role.has(w))));
  if (pool.length) return mostRecent(pool);
  if (!/^the\s/i.test(text.slice(phrase.range[0], phrase.range[1])) || phrase.kind !== 'person') return null;
  let best: DocumentEntity | null = null;
  for (const e of index.entities) {
    if (e.description || e.kind !== 'person' || e.mentions < 2) continue;
    if (e.roleWords.some((role) => [...role].some((w) => TITLE_WORDS.has(w)))) continue;
    if (!best || e.mentions > best.mentions) best = e;
  }
  return best;
}

describe('EntityIndex', () => {
  it('finds by role the entity a scan of every entity finds, over thousands of entities sharing role words', () => {
    for (const seed of [1, 2]) {
      const ops = makeOps(8000, seed);
      const at: number[] = [];
      let text = '';
      for (const op of ops) {
        at.push(text.length);
        text += `${op.type === 'role' ? 'x' : op.surface}. `;
      }
      const index = new EntityIndex(text);
      const history: Array<{ entity: DocumentEntity; at: number }> = [];
      let looked = 0;
      let longLists = 0;
      ops.forEach((op, n) => {
        if (op.type === 'role') {
          const entity = index.entities[Math.floor(op.pick * index.entities.length)];
          if (entity) index.addRole(entity, op.words.join(' '), op.words);
          return;
        }
        const range: [number, number] = [at[n], at[n] + op.surface.length];
        const phrase: SpeakerPhrase = op.type === 'name'
          ? { range, name: op.surface, kind: op.kind, pronoun: null, description: false, titles: [], gender: '', roles: op.roles }
          : { range, name: op.words.slice(1).join(' '), kind: op.kind, pronoun: null, description: true, titles: [], gender: '', roles: [op.words] };
        const expected = op.type === 'description' ? scanByRole(index, history, phrase, text) : null;
        if (expected) {
          const word = phrase.roles[0].find((w) => TITLE_WORDS.has(w));
          if (word && index.entities.filter((e) => e.roleWords.some((role) => role.has(word))).length > RECENT_REACH) longLists++;
        }
        const entity = index.mention(phrase, range[0]);
        if (expected) {
          looked++;
          assert.strictEqual(entity?.id, expected.id, `seed ${seed}, op ${n}: ${phrase.roles[0].join(' ')}`);
        }
        if (entity) history.push({ entity, at: range[0] });
      });
      assert.ok(looked > 1000, `seed ${seed}: only ${looked} look-ups found someone`);
      assert.ok(longLists > 100, `seed ${seed}: only ${longLists} look-ups met a list longer than RECENT_REACH`);
    }
  });

  it('keeps each role of an entity once however often the text repeats it', () => {
    const text = 'Ann Bell, the harbour master. Ann Bell. Ann Bell.';
    const index = new EntityIndex(text);
    const phrase = (start: number): SpeakerPhrase => ({ range: [start, start + 8], name: 'Ann Bell', kind: 'person', pronoun: null, description: false, titles: [], gender: '', roles: [['the', 'harbour', 'master']] });
    const entity = index.mention(phrase(0)) as DocumentEntity;
    index.mention(phrase(30));
    index.addRole(entity, 'harbour master', ['the', 'harbour', 'master']);
    index.mention(phrase(40));
    assert.deepStrictEqual(entity.roleWords.map((role) => [...role]), [['the', 'harbour', 'master']]);
  });
});

const FIRST_NAMES = ['ann', 'bob', 'cai', 'dee', 'eve', 'fay', 'gus', 'j', 'mary', 'ned'];
const SURNAMES = ['bell', 'cole', 'dunn', 'east', 'ford', 'grey', 'hale', 'ives', 'jay', 'kerr', 'lamb', 'moss', 'nash', 'orr', 'pike', 'quin', 'reid', 'shaw', 'tate', 'vane'];
const title = (word: string): string => word[0].toUpperCase() + word.slice(1);

/** A random phrase of any kind the index reads, and how it is given (`mention`, `mentionIfKnown`, or a role added to the entity of the last mention). */
function randomPhrase(next: () => number, at: number): { phrase: SpeakerPhrase; how: 'mention' | 'ifKnown' | 'role'; surface: string } {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const role = (): string[] => ['the', ...Array.from({ length: 1 + Math.floor(next() * 2) }, () => pick(ROLE_WORDS))];
  const base = { pronoun: null, description: false, titles: [] as string[], gender: '' as const, roles: [] as string[][] };
  const r = next();
  const named = (words: string[], kind: SpeakerKind = 'person'): SpeakerPhrase => {
    const name = words.map(title).join(' ');
    return { ...base, range: [at, at + name.length], name, kind, roles: next() < 0.3 ? [role()] : [], gender: next() < 0.3 ? pick(['male', 'female'] as const) : '' };
  };
  if (r < 0.3) {
    const words = next() < 0.2 ? [pick(FIRST_NAMES), pick(FIRST_NAMES), pick(SURNAMES)] : [pick(FIRST_NAMES), pick(SURNAMES)];
    return withSurface(named(words), 'mention');
  }
  if (r < 0.45) return withSurface(named([pick(next() < 0.7 ? SURNAMES : FIRST_NAMES)]), next() < 0.5 ? 'ifKnown' : 'mention');
  if (r < 0.5) return withSurface(named([pick(SURNAMES), 'group'], 'organisation'), 'mention');
  if (r < 0.7) {
    const words = next() < 0.3 ? ['the', 'harbour', 'master'] : role();
    const name = words.join(' ');
    return { phrase: { ...base, range: [at, at + name.length], name: words.slice(1).join(' '), kind: next() < 0.9 ? 'person' : 'group', description: true, roles: [words] }, how: 'mention', surface: name };
  }
  if (r < 0.9) {
    const pronoun = pick(['he', 'she', 'they', 'it']);
    const gender = pronoun === 'he' ? 'male' : pronoun === 'she' ? 'female' : '';
    return withSurface({ ...base, range: [at, at + pronoun.length], name: pronoun, kind: pronoun === 'they' ? 'group' : 'person', pronoun, gender }, 'mention');
  }
  const words = role();
  return { phrase: { ...base, range: [at, at], name: words.join(' '), kind: 'person', roles: [words] }, how: 'role', surface: '' };
}

const withSurface = (phrase: SpeakerPhrase, how: 'mention' | 'ifKnown'): ReturnType<typeof randomPhrase> => ({ phrase, how, surface: phrase.name });

/**
 * Gives `mentions` random mentions to the index and to the scanning index it replaced, at the offsets
 * `offsetOf` gives (the text's own, in text order, unless it moves them), and checks that both
 * resolve each to the same entity and build the same entities.
 */
function agreesWithScanning(seed: number, mentions: number, offsetOf: (textOffset: number, next: () => number) => number): void {
  const next = random(seed);
  const steps: Array<ReturnType<typeof randomPhrase>> = [];
  let text = '';
  for (let n = 0; n < mentions; n++) {
    const step = randomPhrase(next, offsetOf(text.length, next));
    steps.push(step);
    text += `${step.surface}. `;
  }
  const indexed = new EntityIndex(text);
  const scanning = new ScanningEntityIndex(text);
  let lastIds: [number, number] | null = null;
  steps.forEach(({ phrase, how }, n) => {
    if (how === 'role') {
      if (lastIds) {
        indexed.addRole(indexed.entities[lastIds[0]], phrase.name, phrase.roles[0]);
        scanning.addRole(scanning.entities[lastIds[1]], phrase.name, phrase.roles[0]);
      }
      return;
    }
    const a = how === 'ifKnown' ? indexed.mentionIfKnown(phrase) : indexed.mention(phrase);
    const b = how === 'ifKnown' ? scanning.mentionIfKnown(phrase) : scanning.mention(phrase);
    assert.strictEqual(a?.id ?? null, b?.id ?? null, `seed ${seed}, step ${n}: ${phrase.name}`);
    if (a && b) lastIds = [a.id, b.id];
  });
  const roles = (e: { roleWords: Set<string>[] }): string[] => [...new Set(e.roleWords.map((role) => [...role].sort().join(' ')))].sort();
  const shape = (e: EntityShape): unknown => ({ ...e, aliases: [...e.aliases], titles: [...e.titles], roleWords: roles(e) });
  assert.deepStrictEqual(indexed.entities.map(shape), scanning.entities.map(shape), `seed ${seed}: the entities differ`);
  assert.ok(indexed.entities.length > 200, `seed ${seed}: only ${indexed.entities.length} entities`);
}

describe('EntityIndex against the scanning index it replaced', () => {
  it('resolves every mention to the same entity and builds the same entities', () => {
    for (const seed of [11, 12, 13, 14]) agreesWithScanning(seed, 5000, (at) => at);
  });

  it('agrees with it when mentions are recorded out of text order (the name look-up then reads past the one mentioned last)', () => {
    // Every third mention is recorded as standing up to 200 characters later than it does, so that
    // a surname's latest mention often lies after the look-up's offset.
    for (const seed of [15, 16]) agreesWithScanning(seed, 5000, (at, next) => (next() < 0.33 ? at + Math.floor(next() * 200) : at));
  });
});

describe('EntityIndex surname look-up', () => {
  const person = (name: string, at: number): SpeakerPhrase => ({ range: [at, at + name.length], name, kind: 'person', pronoun: null, description: false, titles: [], gender: '', roles: [] });

  it('takes the person with that surname mentioned last, within reach, else the first listed', () => {
    const index = new EntityIndex('x'.repeat(100_000));
    const ann = index.mention(person('Ann Bell', 0)) as DocumentEntity;
    const bob = index.mention(person('Bob Bell', 10)) as DocumentEntity;
    const bella = index.mention(person('Bell Ames', 20)) as DocumentEntity;
    assert.strictEqual(index.mentionIfKnown(person('Bell', 30)), bob);
    index.mention(person('Ann Bell', 40));
    assert.strictEqual(index.mentionIfKnown(person('Bell', 50)), ann);
    // `Bell` is Bella Ames's first name only: with people of that surname, she is never the answer.
    index.mention(person('Bell Ames', 60));
    assert.strictEqual(index.mentionIfKnown(person('Bell', 70)), ann);
    // Once the Bells' mentions are out of reach, the first Bell listed.
    for (let n = 0; n < RECENT_REACH + 1; n++) index.mention(person(`Other${n} Person${n}`, 100 + n * 20));
    index.mention(person('Bob Bell', 20_000));
    for (let n = 0; n < RECENT_REACH + 1; n++) index.mention(person(`Later${n} Person${n}`, 30_000 + n * 20));
    assert.strictEqual(index.mentionIfKnown(person('Bell', 60_000)), ann);
    // A word nobody's surname: the person mentioned last who has it, else the first.
    assert.strictEqual(index.mentionIfKnown(person('Ames', 60_100)), bella);
    assert.strictEqual(index.mentionIfKnown(person('Ann', 60_200)), ann);
  });

  it('knows nobody by a name looked up before anyone had it, until someone does', () => {
    const index = new EntityIndex('x'.repeat(1000));
    assert.strictEqual(index.mayKnow(person('Raab', 0)), false);
    assert.strictEqual(index.mentionIfKnown(person('Raab', 0)), null);
    const raab = index.mention(person('Dominic Raab', 10)) as DocumentEntity;
    assert.strictEqual(index.mayKnow(person('Raab', 30)), true);
    assert.strictEqual(index.mentionIfKnown(person('Raab', 30)), raab);
    assert.strictEqual(index.mayKnowWord('raab'), true);
    assert.strictEqual(index.mentionWordIfKnown('raab', 40, true), raab);
    assert.strictEqual(raab.mentions, 3);
  });
});

describe('MentionLog', () => {
  it('reads back every mention as a list of mention objects holds it, as it grows', () => {
    const next = random(21);
    const entities = Array.from({ length: 3000 }, (_, id) => ({ id }) as DocumentEntity);
    const log = new MentionLog(entities);
    const plain: EntityMention[] = [];
    for (let n = 0; n < 20000; n++) {
      // Ids up to the largest, offsets up to the largest a text may have (the size limit is 20 MB).
      const entity = entities[n % 97 === 0 ? entities.length - 1 : Math.floor(next() * entities.length)];
      const at = n % 89 === 0 ? 50 * 1048576 : Math.floor(next() * 25_000_000);
      const subject = next() < 0.5;
      log.push(entity, at, subject);
      plain.push({ entity, at, subject });
      if (n % 1000 === 0 || n < 600) {
        assert.strictEqual(log.length, plain.length);
        for (let i = 0; i < plain.length; i += n < 600 ? 1 : 37) {
          assert.strictEqual(log.entity(i), plain[i].entity, `mention ${i} of ${plain.length}`);
          assert.strictEqual(log.at(i), plain[i].at, `mention ${i} of ${plain.length}`);
          assert.strictEqual(log.subject(i), plain[i].subject, `mention ${i} of ${plain.length}`);
        }
      }
    }
    plain.forEach((m, i) => assert.deepStrictEqual({ entity: log.entity(i), at: log.at(i), subject: log.subject(i) }, m, `mention ${i}`));
  });
});

type EntityShape = DocumentEntity;
