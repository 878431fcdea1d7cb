/**
 * One meaning per colour, the same on every surface. Two channels, never more on one word: the
 * background says what text the articles share (a passage, by kind; words that differ inside it),
 * the underline says how a quote stands in the other article. Each meaning has one theme colour id
 * (declared in package.json's `contributes.colors`, so themes can change it): the editors paint it
 * as a decoration, the page reads it as `var(--vscode-…)`, the tree colours its icons with it.
 */

export type PassageMarkKind = 'identicalPassage' | 'editedPassage' | 'changedWords';

/** A quote's one status: a conflict outranks how the words match; `onlyHere` has no match. */
export type QuoteMarkKind = 'identical' | 'contained' | 'altered' | 'onlyHere' | 'conflict';

export interface Swatch {
  /** Theme colour id. */
  colour: string;
  /** Class the page gives the marked text and its legend swatch. */
  className: string;
  /** What the legend calls it. */
  label: string;
}

export type UnderlineStyle = 'solid' | 'dashed' | 'double' | 'dotted' | 'wavy';

export interface QuoteSwatch extends Swatch {
  /** Codicon of the status in the tree. */
  icon: string;
  /** Line style of the underline: each status differs by more than colour, for colour-blind readers and high contrast. */
  underline: UnderlineStyle;
}

export const PASSAGE_SWATCHES: Readonly<Record<PassageMarkKind, Swatch>> = {
  identicalPassage: { colour: 'compareSources.identicalPassageBackground', className: 'passage-identical', label: 'Identical passage' },
  editedPassage: { colour: 'compareSources.editedPassageBackground', className: 'passage-edited', label: 'Edited passage' },
  changedWords: { colour: 'compareSources.changedWordsBackground', className: 'changed-words', label: 'Changed words' },
};

export const QUOTE_SWATCHES: Readonly<Record<QuoteMarkKind, QuoteSwatch>> = {
  identical: { colour: 'compareSources.identicalQuoteUnderline', className: 'quote-identical', label: 'identical', icon: 'pass', underline: 'solid' },
  contained: { colour: 'compareSources.containedQuoteUnderline', className: 'quote-contained', label: 'in part', icon: 'link', underline: 'dashed' },
  altered: { colour: 'compareSources.alteredQuoteUnderline', className: 'quote-altered', label: 'altered', icon: 'diff-modified', underline: 'double' },
  onlyHere: { colour: 'compareSources.onlyHereQuoteUnderline', className: 'quote-only-here', label: 'only here', icon: 'circle-outline', underline: 'dotted' },
  conflict: { colour: 'compareSources.conflictQuoteUnderline', className: 'quote-conflict', label: 'attribution conflict', icon: 'warning', underline: 'wavy' },
};

/** The outline of the passage (or quote) the reader is on. */
export const CURRENT_BORDER_COLOUR = 'compareSources.currentPassageBorder';

export const PASSAGE_MARK_KINDS: readonly PassageMarkKind[] = ['identicalPassage', 'editedPassage', 'changedWords'];
export const QUOTE_MARK_KINDS: readonly QuoteMarkKind[] = ['identical', 'contained', 'altered', 'onlyHere', 'conflict'];

/** Every colour id the extension declares. */
export const COLOUR_IDS: readonly string[] = [
  ...PASSAGE_MARK_KINDS.map((kind) => PASSAGE_SWATCHES[kind].colour),
  ...QUOTE_MARK_KINDS.map((kind) => QUOTE_SWATCHES[kind].colour),
  CURRENT_BORDER_COLOUR,
];

export interface LegendGroup {
  label: string;
  items: readonly { kind: PassageMarkKind | QuoteMarkKind; swatch: Swatch }[];
}

/** The page's legend, in reading order: what the background means, then what the underline means. */
export const LEGEND: readonly LegendGroup[] = [
  { label: 'Shared text', items: PASSAGE_MARK_KINDS.map((kind) => ({ kind, swatch: PASSAGE_SWATCHES[kind] })) },
  { label: 'Quotes', items: QUOTE_MARK_KINDS.map((kind) => ({ kind, swatch: QUOTE_SWATCHES[kind] })) },
];

/** The CSS variable under which a webview receives a theme colour. */
export function themeColourVariable(colour: string): string {
  return `--vscode-${colour.replace(/\./g, '-')}`;
}
