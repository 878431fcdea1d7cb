/**
 * One speaker list for two articles: the same person quoted in A and in B becomes one entry with
 * the aliases of both, and every quote's `speaker` is renumbered to the merged list.
 *
 * Two speakers are the same when their names agree the way news copy varies them: equal names,
 * one name the surname of the other (`Raab` / `Dominic Raab`), the same surname with the same or
 * no first name, or one's name among the other's aliases. Only people merge by surname;
 * organisations and descriptions merge on their whole (article-less) name.
 */
import type { DocumentQuotes } from './attribution';
import type { ManySpeaker, Quote, Speaker } from '../model';

export interface MergedSpeakers {
  /** Speakers quoted in both articles first (in A's order), then A's others, then B's. */
  speakers: Speaker[];
  /** A's and B's quotes with `speaker.speaker` pointing into `speakers`. */
  quotes: { a: Quote[]; b: Quote[] };
}

/**
 * The merged speaker list alone, and where each article's speakers went in it: what a second
 * thread hands over when it merges the speakers while the first pairs the quotes (see
 * `applySpeakerMerge`).
 */
export interface SpeakerMerge {
  speakers: Speaker[];
  /** `idsA[id]`: the merged id of A's speaker `id` (its `Speaker.id` in `DocumentQuotes.speakers`); likewise `idsB`. */
  idsA: number[];
  idsB: number[];
}

const PRONOUN_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

const normalName = (name: string): string => name.toLowerCase().replace(/[’']/g, "'").replace(/^(?:the|a|an)\s+/, '').replace(/\s+/g, ' ').trim();
const nameWords = (name: string): string[] => normalName(name).split(' ').filter((w) => !/^(?:mr|mrs|ms|dr|miss|sir)\.?$/.test(w));

/**
 * What `sameSpeaker` needs of one speaker, normalised once: on two long articles with thousands of
 * speakers, re-normalising names inside the pairwise test was most of the comparison's time.
 */
interface NameProfile {
  /** An unresolved pronoun (`he`): never the same as anyone. */
  pronoun: boolean;
  person: boolean;
  /** The normalised name and aliases. */
  names: string[];
  /** The name's words without honorifics. */
  words: string[];
}

function profileOf(speaker: Speaker): NameProfile {
  return {
    pronoun: PRONOUN_NAMES.has(normalName(speaker.name)),
    person: speaker.kind === 'person',
    names: [speaker.name, ...speaker.aliases].map(normalName),
    words: nameWords(speaker.name),
  };
}

function sameProfile(x: NameProfile, y: NameProfile): boolean {
  // A pronoun left unresolved (`he`) says nothing about who it is.
  if (x.pronoun || y.pronoun) return false;
  const xs = x.names;
  const ys = y.names;
  if (xs.some((n) => ys.includes(n))) return true;
  if (!x.person || !y.person) return false;
  const wx = x.words;
  const wy = y.words;
  if (wx.length === 0 || wy.length === 0) return false;
  const lastX = wx[wx.length - 1];
  const lastY = wy[wy.length - 1];
  if (lastX === lastY) return wx.length === 1 || wy.length === 1 || wx[0] === wy[0];
  // `Wang` against `Wang Yi`: a family name written first.
  if (wx.length === 1) return wy.includes(wx[0]);
  if (wy.length === 1) return wx.includes(wy[0]);
  return false;
}

/** Do these two speakers (one from each article) name the same person or body? */
export function sameSpeaker(x: Speaker, y: Speaker): boolean {
  return sameProfile(profileOf(x), profileOf(y));
}

/**
 * B's speakers indexed by every normalised name and, for people, every name word: each rule of
 * `sameProfile` needs a shared name or a shared word, so looking up only these candidates finds the
 * same partners as testing every pair, without the pairs (quadratic in the number of speakers).
 */
function candidateIndex(profiles: readonly NameProfile[]): (x: NameProfile) => number[] {
  const byName = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const add = (map: Map<string, number[]>, key: string, index: number): void => {
    const list = map.get(key);
    if (!list) map.set(key, [index]);
    else if (list[list.length - 1] !== index) list.push(index);
  };
  profiles.forEach((p, index) => {
    if (p.pronoun) return;
    for (const name of p.names) add(byName, name, index);
    if (p.person) for (const word of p.words) add(byWord, word, index);
  });
  return (x) => {
    if (x.pronoun) return [];
    const found = new Set<number>();
    for (const name of x.names) for (const index of byName.get(name) ?? []) found.add(index);
    if (x.person) for (const word of x.words) for (const index of byWord.get(word) ?? []) found.add(index);
    return [...found].sort((i, j) => i - j);
  };
}

const uniqueCaseless = (values: readonly string[]): string[] => {
  const seen = new Set<string>();
  return values.filter((v) => {
    const key = v.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

/** The canonical name, kind, aliases and titles of one speaker named in several articles (`parts`, in article order). */
function combinedNames(parts: readonly Speaker[]): Pick<Speaker, 'name' | 'kind' | 'aliases' | 'titles'> {
  // The fullest name any text gives is canonical (`Dominic Raab` over `Mr Raab`).
  const canonical = parts.reduce((best, s) => (nameWords(s.name).length > nameWords(best.name).length ? s : best));
  const names = parts.flatMap((s) => [s.name, ...s.aliases]);
  return {
    name: canonical.name,
    kind: canonical.kind,
    aliases: uniqueCaseless(names.filter((n) => n.toLowerCase() !== canonical.name.toLowerCase())),
    titles: uniqueCaseless(parts.flatMap((s) => s.titles)),
  };
}

function combine(id: number, x: Speaker | null, y: Speaker | null): Speaker {
  const parts = [x, y].filter((s): s is Speaker => s !== null);
  return { id, ...combinedNames(parts), quotes: { a: x ? [...x.quotes.a] : [], b: y ? [...y.quotes.a] : [] } };
}

/** Merges the speakers of two analysed articles (each `DocumentQuotes.speakers` lists its quotes under `quotes.a`). */
export function mergeSpeakers(a: DocumentQuotes, b: DocumentQuotes): MergedSpeakers {
  return applySpeakerMerge(a, b, mergeSpeakerLists(a, b));
}

/** `mergeSpeakers` of `a` and `b` from their `mergeSpeakerLists`: their quotes renumbered to the merged list. */
export function applySpeakerMerge(a: DocumentQuotes, b: DocumentQuotes, { speakers, idsA, idsB }: SpeakerMerge): MergedSpeakers {
  return { speakers, quotes: { a: renumberQuotes(a.quotes, idsA, speakers), b: renumberQuotes(b.quotes, idsB, speakers) } };
}

/** `mergeSpeakers` without the quotes: the merged list, and each article's speaker ids in it. */
export function mergeSpeakerLists(a: DocumentQuotes, b: DocumentQuotes): SpeakerMerge {
  const partnerOfB = new Map<number, number>();
  const partnerOfA = new Map<number, number>();
  const profilesB = b.speakers.map(profileOf);
  const candidatesOf = candidateIndex(profilesB);
  for (const x of a.speakers) {
    const px = profileOf(x);
    // The first free match in B's order, as a scan of every B speaker would find.
    const index = candidatesOf(px).find((i) => !partnerOfB.has(b.speakers[i].id) && sameProfile(px, profilesB[i]));
    const y = index === undefined ? undefined : b.speakers[index];
    if (y) {
      partnerOfA.set(x.id, y.id);
      partnerOfB.set(y.id, x.id);
    }
  }
  const speakers: Speaker[] = [];
  const newIdOfA = new Map<number, number>();
  const newIdOfB = new Map<number, number>();
  for (const x of a.speakers) {
    const partner = partnerOfA.get(x.id);
    if (partner === undefined) continue;
    newIdOfA.set(x.id, speakers.length);
    newIdOfB.set(partner, speakers.length);
    speakers.push(combine(speakers.length, x, b.speakers[partner]));
  }
  for (const x of a.speakers) {
    if (newIdOfA.has(x.id)) continue;
    newIdOfA.set(x.id, speakers.length);
    speakers.push(combine(speakers.length, x, null));
  }
  for (const y of b.speakers) {
    if (newIdOfB.has(y.id)) continue;
    newIdOfB.set(y.id, speakers.length);
    speakers.push(combine(speakers.length, null, y));
  }
  const idsOf = (side: DocumentQuotes, newIds: Map<number, number>): number[] => {
    const ids: number[] = [];
    for (const s of side.speakers) ids[s.id] = newIds.get(s.id) as number;
    return ids;
  };
  return { speakers, idsA: idsOf(a, newIdOfA), idsB: idsOf(b, newIdOfB) };
}

/** One article's quotes with `speaker.speaker` moved to the merged list (`ids` and `speakers` of a `SpeakerMerge`). */
export function renumberQuotes(quotes: readonly Quote[], ids: readonly number[], speakers: ReadonlyArray<{ name: string }>): Quote[] {
  return quotes.map((q) => {
    if (!q.speaker) return q;
    const id = ids[q.speaker.speaker] ?? q.speaker.speaker;
    return { ...q, speaker: { ...q.speaker, speaker: id, name: speakers[id].name } };
  });
}

/** One speaker list for many articles, and where each article's speakers went in it. */
export interface ManySpeakerMerge {
  /** Speakers quoted in the most articles first, then in order of first appearance. */
  speakers: ManySpeaker[];
  /** `ids[d][id]`: the merged id of article d's speaker `id`. */
  ids: number[][];
}

/**
 * Merges the speakers of many analysed articles, one article at a time into one growing list: each
 * speaker joins the first listed speaker (not yet joined by another of its article) whose names
 * agree with any of the names it has gathered so far, by the rules of `sameSpeaker`. Candidates
 * come from one index of every gathered name and name word, so the cost grows with the speakers,
 * not with their pairs.
 */
export function mergeSpeakersOfMany(articles: readonly DocumentQuotes[]): ManySpeakerMerge {
  // One part per article the speaker is quoted in: `parts[k]` is the speaker as article `documents[k]` has it.
  const entries: Array<{ parts: Speaker[]; documents: number[]; profile: NameProfile }> = [];
  const byName = new Map<string, Set<number>>();
  const byWord = new Map<string, Set<number>>();
  const add = (map: Map<string, Set<number>>, key: string, entry: number): void => {
    const set = map.get(key);
    if (set) set.add(entry);
    else map.set(key, new Set([entry]));
  };
  const index = (entry: number, profile: NameProfile): void => {
    if (profile.pronoun) return;
    for (const name of profile.names) add(byName, name, entry);
    if (profile.person) for (const word of profile.words) add(byWord, word, entry);
  };
  const ids = articles.map(() => [] as number[]);
  articles.forEach((article, d) => {
    const taken = new Set<number>();
    for (const x of article.speakers) {
      const px = profileOf(x);
      const found = new Set<number>();
      if (!px.pronoun) {
        for (const name of px.names) for (const e of byName.get(name) ?? []) found.add(e);
        if (px.person) for (const word of px.words) for (const e of byWord.get(word) ?? []) found.add(e);
      }
      const match = [...found].sort((p, q) => p - q).find((e) => !taken.has(e) && sameProfile(px, entries[e].profile));
      if (match === undefined) {
        ids[d][x.id] = entries.length;
        entries.push({ parts: [x], documents: [d], profile: px });
        index(entries.length - 1, px);
        continue;
      }
      taken.add(match);
      ids[d][x.id] = match;
      const entry = entries[match];
      entry.parts.push(x);
      entry.documents.push(d);
      // Later articles match against everything the speaker has been called so far.
      entry.profile = profileOf({ id: 0, ...combinedNames(entry.parts), quotes: { a: [], b: [] } });
      index(match, entry.profile);
    }
  });
  const order = entries.map((_, e) => e).sort((p, q) => entries[q].documents.length - entries[p].documents.length || p - q);
  const newId = new Int32Array(entries.length);
  order.forEach((e, id) => (newId[e] = id));
  const speakers: ManySpeaker[] = order.map((e, id) => {
    const quotes = articles.map(() => [] as number[]);
    entries[e].parts.forEach((part, k) => quotes[entries[e].documents[k]].push(...part.quotes.a));
    return { id, ...combinedNames(entries[e].parts), quotes };
  });
  return { speakers, ids: ids.map((list) => list.map((e) => newId[e])) };
}

