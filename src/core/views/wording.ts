/**
 * The words every surface uses for what a comparison found, as sentences a person would write: how
 * much of one article is found in the other, the passages and quotes, how a quote stands in the
 * other article, which article has which word, an attribution conflict, a place in a file. Written
 * once so that the hover, the page, the tree, the status bar and the command line say the same
 * thing the same way.
 */
import type { AttributionConflict, AttributionCueKind, Comparison, Difference, QuoteMatch, Side, Speaker, SpeakerMention, ManyTruncatedPart, TruncatedPart } from '../model';
import type { LineIndex } from '../text/lines';
import { otherSide } from './lookup';
import { QUOTE_SWATCHES, type QuoteMarkKind } from './palette';
import { markOf } from './quoteMarks';

/** An altered pair whose words were not aligned (`QuoteMatch.unaligned`): the quotes are too long or too far apart. */
export const UNALIGNED = 'too different to align word by word';

/** A match seen from neither side, as the command line's report names it: `identical`, `contained (B quotes part of A)`, `altered`. */
export function matchLabel(match: QuoteMatch): string {
  if (match.kind === 'contained') return `contained (${match.container === 'a' ? 'B quotes part of A' : 'A quotes part of B'})`;
  return match.unaligned ? `${match.kind} (${UNALIGNED})` : match.kind;
}

/** An attribution conflict in one sentence, from `side`'s article first. */
export function conflictSentence(names: { side: string; other: string }, speakers: { side: string | undefined; other: string | undefined }): string {
  return `${names.side} gives these words to ${speakers.side ?? 'nobody'}, ${names.other} to ${speakers.other ?? 'nobody'}.`;
}

/**
 * What an attribution rests on, in the document's own words: `named “Ms Marlow”, on the cue “said”`,
 * `named “she”, the subject of the sentence (no speech verb)`.
 */
export function attributionEvidence(attribution: SpeakerMention, text: string | ((range: readonly [number, number]) => string)): string {
  const slice = typeof text === 'string' ? (range: readonly [number, number]) => text.slice(range[0], range[1]) : text;
  const words = (range: readonly [number, number] | null): string => (range ? `“${slice(range).replace(/\s+/g, ' ')}”` : '');
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

/** One side's words of a difference on one line, `(nothing)` where that side has none. */
export function differenceWords(difference: Difference, which: Side, texts: { readonly a: string; readonly b: string }): string {
  const [start, end] = difference[which];
  return start === end ? '(nothing)' : texts[which].slice(start, end).replace(/\s+/g, ' ');
}

/**
 * A share (0 to 1) as a percentage: whole numbers, one decimal below 1% and above 99%, `<0.1%` below
 * a tenth of a percent, so that a small share never reads as 0% nor an incomplete one as 100%.
 */
export function percent(share: number): string {
  if (share > 0 && share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed((share > 0 && share < 0.01) || (share > 0.99 && share < 1) ? 1 : 0)}%`;
}

/** What a comparison that found no passage says: the articles share nothing of the shortest length looked for. */
export function noSharedPassages(minWords: number): string {
  return `These articles share no passage of ${countOf(minWords, 'word')} or more.`;
}

/** What a report of three or more says when no passage is in two of them. */
export function noPassageInTwo(minWords: number, noun: 'articles' | 'documents'): string {
  return `No passage of ${minWords} words or more is in two ${noun}.`;
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

/** `41% of wire.txt is found in herald.txt`. */
export function shareSentence(share: number, name: string, otherName: string): string {
  if (share <= 0) return `None of ${name} is found in ${otherName}`;
  if (share >= 1) return `All of ${name} is found in ${otherName}`;
  return `${percent(share)} of ${name} is found in ${otherName}`;
}

/** `4 shared passages (2 identical, 2 edited)`, `1 shared passage (edited)`, `No shared passage`. */
export function passagesSummary(comparison: Comparison): string {
  const total = comparison.passages.length;
  if (total === 0) return 'No shared passage';
  const edited = comparison.passages.filter((passage) => !passage.identical).length;
  const identical = total - edited;
  if (total === 1) return `1 shared passage (${edited ? 'edited' : 'identical'})`;
  const parts = [identical ? `${identical} identical` : '', edited ? `${edited} edited` : ''].filter(Boolean);
  return `${countOf(total, 'shared passage')} (${parts.join(', ')})`;
}

/** `11 quotes in both articles, 1 altered`, `No quote in both articles`. */
export function quotesSummary(comparison: Comparison): string {
  const paired = new Set(comparison.quoteMatches.map((match) => match.a)).size;
  if (paired === 0) return 'No quote in both articles';
  const altered = new Set(comparison.quoteMatches.filter((match) => match.kind === 'altered').map((match) => match.a)).size;
  return `${countOf(paired, 'quote')} in both articles${altered ? `, ${altered} altered` : ''}`;
}

export function conflictsSummary(conflicts: number): string {
  return conflicts === 0 ? 'No attribution conflict' : countOf(conflicts, 'attribution conflict');
}

/** `Passage 2 of 4`; before any move, how many there are. */
export function positionText(index: number, total: number): string {
  if (total === 0) return 'No shared passage';
  return index >= 0 && index < total ? `Passage ${index + 1} of ${total}` : countOf(total, 'passage');
}

/** A speaker in the page's speaker filter: `Dominic Raab — 6 in a.txt, 7 in b.txt`. */
export function speakerOption(speaker: Speaker, names: { a: string; b: string }): string {
  const where = (['a', 'b'] as const).filter((side) => speaker.quotes[side].length > 0).map((side) => `${speaker.quotes[side].length} in ${names[side]}`);
  return `${speaker.name} — ${where.join(', ')}`;
}

/** A quote's one status in a word or two, for a list row or a badge: `identical`, `in part`, `altered`, `only here`, `attribution conflict`. */
export function statusLabel(kind: QuoteMatch['kind'] | 'unmatched', conflict: boolean): string {
  return QUOTE_SWATCHES[markOf(kind, conflict)].label;
}

/** A quote's status in a word or two, for the tree; `onlyIn` names the article a quote only one article has is in. */
export function statusWords(status: QuoteMarkKind, onlyIn: string): string {
  switch (status) {
    case 'identical': return 'Identical';
    case 'contained': return 'In part';
    case 'altered': return 'Altered';
    case 'conflict': return 'Conflict';
    case 'onlyHere': return `Only in ${onlyIn}`;
  }
}

/**
 * The hover's first line: how this quote stands in the other article, named `otherName`.
 */
export function quoteHeadline(best: QuoteMatch | undefined, side: Side, otherName: string): string {
  if (!best) return `Not quoted in ${otherName}`;
  if (best.kind === 'identical') return `Quoted word for word in ${otherName}`;
  if (best.kind === 'contained') return best.container === side ? `${otherName} quotes part of these words` : `Part of a longer quote in ${otherName}`;
  if (best.unaligned) return `Altered in ${otherName} (${UNALIGNED})`;
  const words = best.differences.length;
  return `Altered in ${otherName}${words === 0 ? '' : ` (${countOf(words, 'difference')})`}`;
}

/** The speaker line of the hover. `mention` is how the text names them, when that differs from the name. */
export function speakerSentence(name: string | undefined, mention = ''): string {
  return name ? `Said by ${speakerWithMention(name, mention)}` : 'No speaker found in the text';
}

/**
 * Word differences as two columns headed by the articles' names, `side`'s first, so the reader sees
 * which article has which word:
 * ```
 * harbour-wire.txt │ harbour-herald.txt
 * people           │ families
 * ```
 */
export function differenceTable(differences: readonly Difference[], side: Side, texts: { readonly a: string; readonly b: string }, names: { readonly a: string; readonly b: string }): string {
  const other = otherSide(side);
  return twoColumns([[names[side], names[other]], ...differences.map((difference): [string, string] => [differenceWords(difference, side, texts), differenceWords(difference, other, texts)])]);
}

/** Rows as two columns, the left one padded to its widest entry: `left │ right`. */
export function twoColumns(rows: ReadonlyArray<readonly [string, string]>): string {
  const width = Math.max(...rows.map(([left]) => [...left].length));
  return rows.map(([left, right]) => `${left}${' '.repeat(width - [...left].length)} │ ${right}`).join('\n');
}

/** The title of a changed word in the page: `wire.txt has “people”; herald.txt has “families”`. */
export function changedWordTitle(difference: Difference, texts: { readonly a: string; readonly b: string }, names: { readonly a: string; readonly b: string }): string {
  const has = (side: Side): string => {
    const [start, end] = difference[side];
    return start === end ? `${names[side]} has nothing here` : `${names[side]} has “${texts[side].slice(start, end).replace(/\s+/g, ' ')}”`;
  };
  return `${has('a')}; ${has('b')}`;
}

/** Quote pairs the two articles give to different speakers. */
export function conflictCount(comparison: Comparison): number {
  return comparison.quoteMatches.filter((match) => match.conflict).length;
}

/** The status bar's summary for the article `side`: `41% shared · 4 passages · 1 conflict`. */
export function statusBarSummary(comparison: Comparison, side: Side): string {
  const conflicts = conflictCount(comparison);
  const parts = [`${percent(comparison[side].stats.share)} shared`, countOf(comparison.passages.length, 'passage')];
  if (conflicts > 0) parts.push(countOf(conflicts, 'conflict'));
  return parts.join(' · ');
}

/** The fence for a Markdown code block holding `text`: longer than any run of backticks in it. */
export function codeFence(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((run) => run[0].length));
  return '`'.repeat(Math.max(3, longest + 1));
}

/** `Quote difference 2 of 5`; `No quote difference` when the articles quote each other alike. */
export function quoteStopText(index: number, total: number): string {
  if (total === 0) return 'No quote difference';
  return `Quote difference ${index + 1} of ${total}`;
}

/** The status bar's tooltip: the summary in full sentences, and what a click does. */
export function statusBarTooltip(comparison: Comparison): string {
  return [
    shareSentence(comparison.a.stats.share, comparison.a.name, comparison.b.name),
    shareSentence(comparison.b.stats.share, comparison.b.name, comparison.a.name),
    passagesSummary(comparison),
    quotesSummary(comparison),
    conflictsSummary(conflictCount(comparison)),
    'Click to show the comparison',
  ].join('\n');
}

const TRUNCATED_PART_NAMES: Record<TruncatedPart | ManyTruncatedPart, string> = { passages: 'shared passages', quoteMatches: 'quote pairs', passageClusters: 'shared passages', quoteClusters: 'quote pairs' };

/**
 * What a comparison that a work budget cut short may lack, as every surface says it: `some shared
 * passages and quote pairs may be missing or shorter`.
 */
export function truncationNotice(parts: ReadonlyArray<TruncatedPart | ManyTruncatedPart>): string {
  return `some ${parts.map((part) => TRUNCATED_PART_NAMES[part]).join(' and ')} may be missing or shorter`;
}

/** The notice that opens a report of a comparison a work budget cut short, so that no reader takes a partial result for a whole one. */
export function cutShortNotice(parts: ReadonlyArray<TruncatedPart | ManyTruncatedPart>): string {
  return `CUT SHORT: these texts reached a bound on the work of a comparison (they repeat a few words or quotes very often), so ${truncationNotice(parts)}.`;
}
