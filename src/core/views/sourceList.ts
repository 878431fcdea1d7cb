/** How a found source is described, the same in the CLI's report and the extension's Sources view. */
import type { SourceMatch } from '../archive/findSources';
import { percent } from './wording';

/** `34% of the article · 12% of it · 3 passages` */
export function describeMatch(match: SourceMatch): string {
  return `${percent(match.shareOfArticle)} of the article · ${percent(match.shareOfMatch)} of it · ${match.passages} passage${match.passages === 1 ? '' : 's'}`;
}

/** The sentence behind the figures, for a tooltip or a report: both shares with their word counts. */
export function explainMatch(match: SourceMatch, articleName: string, matchName: string): string {
  return `${percent(match.shareOfArticle)} of ${articleName} (${match.sharedWords.article} of ${match.words.article} words) is in ${matchName}; `
    + `${percent(match.shareOfMatch)} of ${matchName} (${match.sharedWords.match} of ${match.words.match} words) is in ${articleName}; `
    + `${match.passages} shared passage${match.passages === 1 ? '' : 's'}.`;
}
