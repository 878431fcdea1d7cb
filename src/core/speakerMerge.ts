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
import type { Quote, Speaker } from './model';

export interface MergedSpeakers {
  /** Speakers quoted in both articles first (in A's order), then A's others, then B's. */
  speakers: Speaker[];
  /** A's and B's quotes with `speaker.speaker` pointing into `speakers`. */
  quotes: { a: Quote[]; b: Quote[] };
}

const PRONOUN_NAMES = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

const normalName = (name: string): string => name.toLowerCase().replace(/[’']/g, "'").replace(/^(?:the|a|an)\s+/, '').replace(/\s+/g, ' ').trim();
const nameWords = (name: string): string[] => normalName(name).split(' ').filter((w) => !/^(?:mr|mrs|ms|dr|miss|sir)\.?$/.test(w));

function namesOf(speaker: Speaker): string[] {
  return [speaker.name, ...speaker.aliases].map(normalName);
}

/** Do these two speakers (one from each article) name the same person or body? */
export function sameSpeaker(x: Speaker, y: Speaker): boolean {
  // A pronoun left unresolved (`he`) says nothing about who it is.
  if (PRONOUN_NAMES.has(normalName(x.name)) || PRONOUN_NAMES.has(normalName(y.name))) return false;
  const xs = namesOf(x);
  const ys = namesOf(y);
  if (xs.some((n) => ys.includes(n))) return true;
  if (x.kind !== 'person' || y.kind !== 'person') return false;
  const wx = nameWords(x.name);
  const wy = nameWords(y.name);
  if (wx.length === 0 || wy.length === 0) return false;
  const lastX = wx[wx.length - 1];
  const lastY = wy[wy.length - 1];
  if (lastX === lastY) return wx.length === 1 || wy.length === 1 || wx[0] === wy[0];
  // `Wang` against `Wang Yi`: a family name written first.
  if (wx.length === 1) return wy.includes(wx[0]);
  if (wy.length === 1) return wx.includes(wy[0]);
  return false;
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

function combine(id: number, x: Speaker | null, y: Speaker | null): Speaker {
  const parts = [x, y].filter((s): s is Speaker => s !== null);
  // The fullest name either text gives is canonical (`Dominic Raab` over `Mr Raab`).
  const canonical = parts.reduce((best, s) => (nameWords(s.name).length > nameWords(best.name).length ? s : best));
  const names = parts.flatMap((s) => [s.name, ...s.aliases]);
  return {
    id,
    name: canonical.name,
    kind: canonical.kind,
    aliases: uniqueCaseless(names.filter((n) => n.toLowerCase() !== canonical.name.toLowerCase())),
    titles: uniqueCaseless(parts.flatMap((s) => s.titles)),
    quotes: { a: x ? [...x.quotes.a] : [], b: y ? [...y.quotes.a] : [] },
  };
}

/** Merges the speakers of two analysed articles (each `DocumentQuotes.speakers` lists its quotes under `quotes.a`). */
export function mergeSpeakers(a: DocumentQuotes, b: DocumentQuotes): MergedSpeakers {
  const partnerOfB = new Map<number, number>();
  const partnerOfA = new Map<number, number>();
  for (const x of a.speakers) {
    const y = b.speakers.find((candidate) => !partnerOfB.has(candidate.id) && sameSpeaker(x, candidate));
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
  const remap = (quotes: readonly Quote[], ids: Map<number, number>): Quote[] =>
    quotes.map((q) => {
      if (!q.speaker) return q;
      const id = ids.get(q.speaker.speaker) ?? q.speaker.speaker;
      return { ...q, speaker: { ...q.speaker, speaker: id, name: speakers[id].name } };
    });
  return { speakers, quotes: { a: remap(a.quotes, newIdOfA), b: remap(b.quotes, newIdOfB) } };
}
