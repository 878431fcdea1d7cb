/**
 * The words every surface uses for what a comparison found: how a quote stands in the other
 * article, an attribution conflict, a word difference, a place in a file. Written once so that the
 * hover, the page, the tree and the command line say the same thing the same way.
 */
import type { Difference, QuoteMatch, Side } from '../model';
import type { LineIndex } from '../text/lines';
import { otherSide } from './lookup';
import type { QuoteStatus } from './quoteMarks';

/**
 * How a quote of `side` stands in the other article, named `where`, by its strongest match (none:
 * not quoted there): `quoted identically in …`, `partly quoted in …`, `part of a longer quote in …`, `altered in …`.
 */
export function quoteStanding(best: QuoteMatch | undefined, side: Side, where: string): string {
  if (!best) return `not quoted in ${where}`;
  if (best.kind === 'contained') return `${best.container === side ? 'partly quoted' : 'part of a longer quote'} in ${where}`;
  if (best.kind === 'altered') return `altered in ${where}`;
  return `quoted identically in ${where}`;
}

/** A quote's status in a word or two, for a list row: `altered · conflict`, `only here`. */
export function statusBadge(status: Pick<QuoteStatus, 'kind' | 'conflict'>): string {
  return status.kind === 'unmatched' ? 'only here' : `${status.kind}${status.conflict ? ' · conflict' : ''}`;
}

/** A match seen from neither side, as the command line's report names it: `identical`, `contained (B quotes part of A)`, `altered`. */
export function matchLabel(match: QuoteMatch): string {
  if (match.kind === 'contained') return `contained (${match.container === 'a' ? 'B quotes part of A' : 'A quotes part of B'})`;
  return match.kind;
}

/** An attribution conflict in one sentence, from `side`'s article first. */
export function conflictSentence(names: { side: string; other: string }, speakers: { side: string | undefined; other: string | undefined }): string {
  return `${names.side} gives these words to ${speakers.side ?? 'nobody'}, ${names.other} to ${speakers.other ?? 'nobody'}.`;
}

/** One word difference inline in git's word-diff style, `[-removed-]{+added+}`, an empty side left out. */
export function diffMarkup(removed: string, added: string): string {
  return (removed === '' ? '' : `[-${removed}-]`) + (added === '' ? '' : `{+${added}+}`);
}

/** Word differences one per line, `side`'s words first, `∅` for words one side does not have. */
export function differenceLines(differences: readonly Difference[], side: Side, texts: { readonly a: string; readonly b: string }): string {
  const other = otherSide(side);
  const words = (which: Side, difference: Difference): string => {
    const [start, end] = difference[which];
    return start === end ? '∅' : texts[which].slice(start, end).replace(/\s+/g, ' ');
  };
  return differences.map((difference) => `${words(side, difference)}  →  ${words(other, difference)}`).join('\n');
}

/** A place in a file as `name:line:column`, which terminals and VS Code make clickable. */
export function fileLocation(name: string, lines: LineIndex, offset: number): string {
  const { line, column } = lines.positionAt(offset);
  return `${name}:${line}:${column}`;
}
