/**
 * Pairs quotes across two articles (see pairingRules.ts for what makes a pair) and flags an
 * attribution conflict where the two articles give those words to different speakers.
 */
import type { AttributionConflict, Quote, QuoteMatch } from '../../model';
import { push } from './candidates';
import type { QuoteMatchOptions, QuotePair } from './pairingRules';
import { QuotePairing, type QuoteSide } from './quotePairing';

/**
 * Quote pairs between A and B, in the order of A's quotes then B's. Speaker ids are compared with
 * `sameSpeaker` (by default equal ids, which is right once both sides use merged speaker ids).
 */
export function matchQuotes(
  a: QuoteSide,
  b: QuoteSide,
  options: Partial<QuoteMatchOptions> = {},
  sameSpeaker: (a: number, b: number) => boolean = (x, y) => x === y,
): QuoteMatch[] {
  return markConflicts(pairQuotes(a, b, options), a.quotes, b.quotes, sameSpeaker);
}

/** `matchQuotes` without the speakers: the pairs only. */
export function pairQuotes(a: QuoteSide, b: QuoteSide, options: Partial<QuoteMatchOptions> = {}): QuotePair[] {
  return new QuotePairing(a, b.tokens, b.quotes.map((q) => q.range), options).finish(b.quotes);
}

/**
 * `matchQuotes`' `conflict` for each pair, from the speakers of the quotes it names (by `Quote.id`):
 * pairing reads no speaker, so it may run before the speakers of the two articles are merged.
 *
 * A conflict must hold up, since it is the loudest thing a reader is shown: the two quotes' speakers
 * are both named (a pronoun that resolved to nobody contradicts nobody) and differ, and neither
 * article also gives these words to the other's speaker. An article that puts `deeply concerned`
 * in the ministers' mouths and again in Raab's statement does not contradict a copy of itself.
 * An altered pair beside an identical one is dropped: a quote printed word for word in the other
 * article is not misquoted there because another quote shares some of its words.
 */
export function markConflicts(
  pairs: readonly QuotePair[],
  quotesA: readonly Quote[],
  quotesB: readonly Quote[],
  sameSpeaker: (a: number, b: number) => boolean = (x, y) => x === y,
): QuoteMatch[] {
  const byIdA = new Map(quotesA.map((q) => [q.id, q]));
  const byIdB = new Map(quotesB.map((q) => [q.id, q]));
  const identicalA = new Set<number>();
  const identicalB = new Set<number>();
  for (const pair of pairs) {
    if (pair.kind !== 'identical') continue;
    identicalA.add(pair.a);
    identicalB.add(pair.b);
  }
  const kept = pairs.filter((pair) => pair.kind !== 'altered' || !identicalA.has(pair.a) && !identicalB.has(pair.b));
  // The speakers the other article gives each quote's words to, through its pairs.
  const speakersForA = new Map<number, number[]>();
  const speakersForB = new Map<number, number[]>();
  for (const pair of kept) {
    const speakerA = named(byIdA.get(pair.a));
    const speakerB = named(byIdB.get(pair.b));
    if (speakerB !== null) push(speakersForA, pair.a, speakerB);
    if (speakerA !== null) push(speakersForB, pair.b, speakerA);
  }
  return kept.map((pair) => {
    const speakerA = named(byIdA.get(pair.a));
    const speakerB = named(byIdB.get(pair.b));
    let conflict = speakerA !== null && speakerB !== null && !sameSpeaker(speakerA, speakerB);
    if (conflict) {
      // Does A also give B's quote's words to B's speaker, or B give A's quote's words to A's speaker?
      const aAlsoGives = (speakersForB.get(pair.b) ?? []).some((s) => sameSpeaker(s, speakerB as number));
      const bAlsoGives = (speakersForA.get(pair.a) ?? []).some((s) => sameSpeaker(speakerA as number, s));
      conflict = !aAlsoGives && !bAlsoGives;
    }
    return { ...pair, conflict };
  });
}

/** Names a speaker is left as when it resolves to nobody: they name no one, so they contradict no one. */
const UNRESOLVED = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'you']);

/** The speaker id of a quote whose speaker is named, else null. */
function named(quote: Quote | undefined): number | null {
  const speaker = quote?.speaker;
  return speaker && !UNRESOLVED.has(speaker.name.toLowerCase()) ? speaker.speaker : null;
}

/** The evidence of each conflict among `matches`: both attributions with the cue each rests on. */
export function conflictEvidence(matches: readonly QuoteMatch[], quotesA: readonly Quote[], quotesB: readonly Quote[]): AttributionConflict[] {
  const byIdA = new Map(quotesA.map((q) => [q.id, q]));
  const byIdB = new Map(quotesB.map((q) => [q.id, q]));
  const conflicts: AttributionConflict[] = [];
  matches.forEach((match, index) => {
    const a = byIdA.get(match.a)?.speaker;
    const b = byIdB.get(match.b)?.speaker;
    if (!match.conflict || !a || !b) return;
    conflicts.push({ match: index, a: { ...a, quote: match.a }, b: { ...b, quote: match.b } });
  });
  return conflicts;
}
