/**
 * Pairs quotes across two articles (see pairingRules.ts for what makes a pair) and flags an
 * attribution conflict where the two articles give those words to different speakers.
 */
import type { Quote, QuoteMatch } from '../../model';
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
 */
export function markConflicts(
  pairs: readonly QuotePair[],
  quotesA: readonly Quote[],
  quotesB: readonly Quote[],
  sameSpeaker: (a: number, b: number) => boolean = (x, y) => x === y,
): QuoteMatch[] {
  const byIdA = new Map(quotesA.map((q) => [q.id, q]));
  const byIdB = new Map(quotesB.map((q) => [q.id, q]));
  return pairs.map((pair) => ({ ...pair, conflict: conflicting(byIdA.get(pair.a) as Quote, byIdB.get(pair.b) as Quote, sameSpeaker) }));
}

function conflicting(a: Quote, b: Quote, sameSpeaker: (a: number, b: number) => boolean): boolean {
  return a.speaker !== null && b.speaker !== null && !sameSpeaker(a.speaker.speaker, b.speaker.speaker);
}
