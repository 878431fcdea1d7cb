/**
 * The words every surface uses for what a comparison found: how a quote stands in the other
 * article, an attribution conflict, a word difference, a place in a file. Written once so that the
 * hover, the page, the tree and the command line say the same thing the same way.
 */
import type { AttributionConflict, AttributionCueKind, Difference, QuoteMatch, Side, SpeakerMention } from '../model';
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

/**
 * What an attribution rests on, in the document's own words: `named “Ms Marlow”, on the cue “said”`,
 * `named “she”, the subject of the sentence (no speech verb)`.
 */
export function attributionEvidence(attribution: SpeakerMention, text: string): string {
  const words = (range: readonly [number, number] | null): string => (range ? `“${text.slice(range[0], range[1]).replace(/\s+/g, ' ')}”` : '');
  const named = `named ${words(attribution.range)}`;
  const cue = words(attribution.cue.range);
  switch (attribution.cue.kind) {
    case 'subject': return `${named}, the subject of the sentence (no speech verb)`;
    case 'carried': return `${named} before, carried on from the statement before${cue ? ` (cue ${cue})` : ''}`;
    case 'label': return `${named} by a transcript label`;
    case 'signature': return `${named} in a signature under the quote`;
    case 'colon': return `${named} before a colon`;
    default: return `${named}, on the cue ${cue}`;
  }
}

/**
 * What a report adds after an attribution's words when no cue word ties them to the quote: the
 * sentence's subject, or the speaker carried on from the statement before (empty otherwise).
 */
export function attributionTie(basis: AttributionCueKind): string {
  if (basis === 'subject') return ', the subject of the sentence (no speech verb),';
  if (basis === 'carried') return ', carried on from the statement before,';
  return '';
}

/** Does an attribution of this kind show its cue's words (`said`, `according to`)? */
export const showsCueWords = (basis: AttributionCueKind): boolean => basis !== 'subject' && basis !== 'carried';

/** A conflict's evidence, one line per article, `side`'s first: where each article gives the words, to whom, on what cue. */
export function conflictEvidenceLines(
  conflict: AttributionConflict,
  side: Side,
  names: { readonly a: string; readonly b: string },
  texts: { readonly a: string; readonly b: string },
  lineOf: (side: Side, offset: number) => number,
): string[] {
  return [side, otherSide(side)].map((which) => {
    const attribution = conflict[which];
    return `${names[which]}, line ${lineOf(which, attribution.range[0])}: ${attribution.name}, ${attributionEvidence(attribution, texts[which])}`;
  });
}

/** One word difference inline in git's word-diff style, `[-removed-]{+added+}`, an empty side left out. */
export function diffMarkup(removed: string, added: string): string {
  return (removed === '' ? '' : `[-${removed}-]`) + (added === '' ? '' : `{+${added}+}`);
}

/** One side's words of a difference on one line, `∅` where that side has none. */
export function differenceWords(difference: Difference, which: Side, texts: { readonly a: string; readonly b: string }): string {
  const [start, end] = difference[which];
  return start === end ? '∅' : texts[which].slice(start, end).replace(/\s+/g, ' ');
}

/** Word differences one per line, `side`'s words first, `∅` for words one side does not have. */
export function differenceLines(differences: readonly Difference[], side: Side, texts: { readonly a: string; readonly b: string }): string {
  const other = otherSide(side);
  return differences.map((difference) => `${differenceWords(difference, side, texts)}  →  ${differenceWords(difference, other, texts)}`).join('\n');
}

/** A share (0 to 1) as a percentage: whole numbers, one decimal below 1% so that a small share never reads as 0%. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}

/** What a comparison that found no passage says: the articles share nothing of the shortest length looked for. */
export function noSharedPassages(minWords: number): string {
  return `No shared passages of ${minWords} words or more.`;
}

/** `1 quote`, `2 quotes`: a count with its noun (`plural` where adding an s is wrong). */
export function countOf(count: number, noun: string, plural = `${noun}s`): string {
  return `${count} ${count === 1 ? noun : plural}`;
}

/** A speaker with the words the attribution rests on, when they differ from the name: `Ruth Achebe (as “Ms Achebe”)`. */
export function speakerWithMention(name: string, mention: string): string {
  return mention && mention !== name ? `${name} (as “${mention}”)` : name;
}

/** A place in a file as `name:line:column`, which terminals and VS Code make clickable. */
export function fileLocation(name: string, lines: LineIndex, offset: number): string {
  const { line, column } = lines.positionAt(offset);
  return `${name}:${line}:${column}`;
}
