/**
 * The report's colours: the comparison view's and the editors' (package.json `contributes.colors`
 * light and dark defaults; a unit test holds them together), fixed values because a file opened
 * in a browser has no VS Code theme to read them from.
 */

export interface SchemeColours {
  light: string;
  dark: string;
  /** The theme colour this one copies, where there is one. */
  themeColour?: string;
}

export const REPORT_COLOURS: Record<string, SchemeColours> = {
  fg: { light: '#1f2328', dark: '#e6edf3' },
  muted: { light: '#59636e', dark: '#9198a1' },
  bg: { light: '#ffffff', dark: '#0d1117' },
  card: { light: '#f6f8fa', dark: '#151b23' },
  border: { light: '#d1d9e0', dark: '#3d444d' },
  identical: { light: '#1a7f37', dark: '#3fb950', themeColour: 'compareSources.identicalQuoteUnderline' },
  contained: { light: '#1b7c83', dark: '#39c5cf', themeColour: 'compareSources.containedQuoteUnderline' },
  altered: { light: '#bc4c00', dark: '#f0883e', themeColour: 'compareSources.alteredQuoteUnderline' },
  conflict: { light: '#cf222e', dark: '#f85149', themeColour: 'compareSources.conflictQuoteUnderline' },
  unmatched: { light: '#6e7781', dark: '#8b949e', themeColour: 'compareSources.onlyHereQuoteUnderline' },
  passage: { light: '#0969da', dark: '#58a6ff' },
  'passage-bg': { light: '#0969da1a', dark: '#388bfd26', themeColour: 'compareSources.identicalPassageBackground' },
  edited: { light: '#8250df', dark: '#ab7df8' },
  'edited-bg': { light: '#8250df1f', dark: '#a371f72e', themeColour: 'compareSources.editedPassageBackground' },
  removed: { light: '#cf222e', dark: '#f85149' },
  'removed-bg': { light: '#ffebe9', dark: '#f8514933' },
  added: { light: '#1a7f37', dark: '#3fb950' },
  'added-bg': { light: '#dafbe1', dark: '#2ea04333' },
};

export interface LegendEntry {
  /** The element and class that give the sample its look: the same ones mark the real thing in the report. */
  tag: 'span' | 'del' | 'ins';
  className: string;
  sample: string;
  label: string;
}

/** What each colour and mark means, in the order the report's sections use them. */
export function legendEntries(): LegendEntry[] {
  return [
    { tag: 'span', className: 'passage passage-identical', sample: 'shared', label: 'identical passage' },
    { tag: 'span', className: 'passage passage-edited', sample: 'shared', label: 'edited passage' },
    { tag: 'del', className: '', sample: 'words', label: 'only in the first article (struck through)' },
    { tag: 'ins', className: '', sample: 'words', label: 'in the other article in their place (underlined)' },
    { tag: 'span', className: 'badge badge-identical', sample: 'identical', label: 'the same words in both' },
    { tag: 'span', className: 'badge badge-contained', sample: 'in part', label: 'one quotes part of the other' },
    { tag: 'span', className: 'badge badge-altered', sample: 'altered', label: 'close but with other words: a possible misquote' },
    { tag: 'span', className: 'badge badge-conflict', sample: 'attribution conflict', label: 'the same words given to different speakers' },
    { tag: 'span', className: 'badge badge-unmatched', sample: 'only here', label: 'not quoted in the other article' },
  ];
}

/** The legend of a report of three or more articles, whose differences are each copy's from the common wording. */
export function manyLegendEntries(): LegendEntry[] {
  return [
    { tag: 'span', className: 'passage passage-identical', sample: 'shared', label: 'a passage in two or more articles' },
    { tag: 'del', className: '', sample: 'words', label: 'the common wording (struck through)' },
    { tag: 'ins', className: '', sample: 'words', label: 'this article\'s words in their place (underlined)' },
    { tag: 'span', className: 'badge badge-identical', sample: 'identical', label: 'the same words in every article' },
    { tag: 'span', className: 'badge badge-contained', sample: 'in part', label: 'an article quotes part of it' },
    { tag: 'span', className: 'badge badge-altered', sample: 'altered', label: 'an article has other words: a possible misquote' },
    { tag: 'span', className: 'badge badge-conflict', sample: 'conflict', label: 'the articles give the words to different speakers' },
  ];
}
