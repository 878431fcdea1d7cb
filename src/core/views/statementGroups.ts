/**
 * Quotes of the two articles grouped by what was said: the quotes linked by matches (directly or
 * through each other: B may split one quote of A in two) form one group, and a quote matched with
 * nothing is a group of its own. The Speakers tree lists a speaker's statements this way, each
 * article's version under it.
 */
import type { Comparison, Side } from '../model';
import type { QuoteMarkKind } from './palette';

export interface StatementGroup {
  /** The group's quote ids on each side, in text order. */
  quotes: { a: number[]; b: number[] };
  /** The group's one status: a conflict first, then the least faithful match; `onlyHere` for one side only. */
  status: QuoteMarkKind;
}

/** Ranks of what a group's status shows, the most telling first. */
const TELLING: readonly QuoteMarkKind[] = ['conflict', 'altered', 'contained', 'identical'];

/** Every group, ordered by where it first appears (in A, then B's groups that A does not have, in B's order). */
export function statementGroups(comparison: Comparison): StatementGroup[] {
  const countA = comparison.a.quotes.length;
  const parent = Array.from({ length: countA + comparison.b.quotes.length }, (_, index) => index);
  const find = (node: number): number => {
    while (parent[node] !== node) {
      parent[node] = parent[parent[node]];
      node = parent[node];
    }
    return node;
  };
  for (const match of comparison.quoteMatches) {
    const x = find(match.a);
    const y = find(countA + match.b);
    if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
  }
  const byRoot = new Map<number, StatementGroup>();
  const groups: StatementGroup[] = [];
  const add = (side: Side, id: number, node: number): void => {
    const root = find(node);
    let group = byRoot.get(root);
    if (!group) {
      group = { quotes: { a: [], b: [] }, status: 'onlyHere' };
      byRoot.set(root, group);
      groups.push(group);
    }
    group.quotes[side].push(id);
  };
  comparison.a.quotes.forEach((quote) => add('a', quote.id, quote.id));
  comparison.b.quotes.forEach((quote) => add('b', quote.id, countA + quote.id));
  for (const match of comparison.quoteMatches) {
    const group = byRoot.get(find(match.a));
    if (!group) continue;
    const status: QuoteMarkKind = match.conflict ? 'conflict' : match.kind;
    if (group.status === 'onlyHere' || TELLING.indexOf(status) < TELLING.indexOf(group.status)) group.status = status;
  }
  return groups;
}

/** The groups holding a quote that satisfies `belongs` (a speaker's, or one with no speaker found). */
export function groupsOf(groups: readonly StatementGroup[], belongs: (side: Side, quoteId: number) => boolean): StatementGroup[] {
  return groups.filter((group) => group.quotes.a.some((id) => belongs('a', id)) || group.quotes.b.some((id) => belongs('b', id)));
}

/** The side a group stands on when it is on one side only. */
export function onlySide(group: StatementGroup): Side | undefined {
  if (group.quotes.b.length === 0) return 'a';
  if (group.quotes.a.length === 0) return 'b';
  return undefined;
}

export function speakerBelongs(comparison: Comparison, speakerId: number | null): (side: Side, quoteId: number) => boolean {
  return (side, quoteId) => {
    const speaker = comparison[side].quotes[quoteId]?.speaker;
    return speakerId === null ? speaker === null : speaker?.speaker === speakerId;
  };
}
