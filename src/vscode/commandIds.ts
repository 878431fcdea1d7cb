/**
 * Every command id the extension registers, in one place; a unit test checks this map against
 * package.json's `contributes.commands` so that a renamed command cannot silently vanish from menus.
 */
export const COMMANDS = {
  compare: 'compareSources.compare',
  revealRange: 'compareSources.revealRange',
  copyQuote: 'compareSources.copyQuote',
  revealInOtherArticle: 'compareSources.revealInOtherArticle',
  showInComparison: 'compareSources.showInComparison',
  exportReport: 'compareSources.exportReport',
  nextPassage: 'compareSources.nextPassage',
  previousPassage: 'compareSources.previousPassage',
  nextQuoteDifference: 'compareSources.nextQuoteDifference',
  previousQuoteDifference: 'compareSources.previousQuoteDifference',
  showComparison: 'compareSources.showComparison',
  clear: 'compareSources.clear',
  findSources: 'compareSources.findSources',
  compareWithSource: 'compareSources.compareWithSource',
  compareSelectedSources: 'compareSources.compareSelectedSources',
  rebuildSourceIndex: 'compareSources.rebuildSourceIndex',
} as const;

export const VIEWS = {
  container: 'compareSources',
  speakers: 'compareSources.speakers',
  sources: 'compareSources.sources',
} as const;

export const PANEL_VIEW_TYPE = 'compareSources.comparison';

/** The comparison view of three or more articles. */
export const MANY_PANEL_VIEW_TYPE = 'compareSources.manyComparison';
