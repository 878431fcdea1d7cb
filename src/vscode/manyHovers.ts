import * as vscode from 'vscode';
import { LineIndex } from '../core/text/lines';
import { findAtOffset } from '../core/views/lookup';
import { manyQuoteStatus } from '../core/views/manyQuoteMarks';
import { conflictSentences, manyConflictEvidenceLines, quoteDifferenceBlocks, standingSummary } from '../core/views/manyWording';
import { QUOTE_SWATCHES } from '../core/views/palette';
import { markOf } from '../core/views/quoteMarks';
import { codeFence, speakerSentence, twoColumns } from '../core/views/wording';
import { COMMANDS } from './commandIds';
import type { ComparisonService, ManyComparisonSession } from './comparisonService';
import { revealCommandUri } from './hovers';

/**
 * Hovers on quotes of a comparison of many articles, in the pair's form: how the quote stands in the
 * other articles ("Also in harbour-radio.txt; altered in harbour-herald.txt"), who said it, who else
 * the other articles say said it, a link to each other article's version, and which article has
 * which words. Article text goes in through appendText and code blocks only.
 */
export class ManyQuoteHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: ComparisonService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const session = this.service.manySession;
    const index = session?.documentOf(document.uri);
    if (!session || index === undefined || token.isCancellationRequested) return undefined;
    const live = findAtOffset(session.liveQuotes[index], (quote) => quote.range, document.offsetAt(position));
    if (!live) return undefined;
    const markdown = manyQuoteHoverMarkdown(session, index, live.quoteId);
    if (!markdown) return undefined;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(live.range[0]), document.positionAt(live.range[1])));
  }
}

export function manyQuoteHoverMarkdown(session: ManyComparisonSession, document: number, quoteId: number): vscode.MarkdownString | undefined {
  const { comparison, index } = session;
  const quote = comparison.documents[document]?.quotes[quoteId];
  const place = index.quotePlace(document, quoteId);
  if (!quote || !place) return undefined;
  const names = comparison.documents.map((d) => d.name);
  const { kind, conflict, standings } = manyQuoteStatus(index, document, quoteId);
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = { enabledCommands: [COMMANDS.revealRange] };
  markdown.supportThemeIcons = true;

  const summary = standingSummary(standings, names);
  markdown.appendMarkdown(`$(${QUOTE_SWATCHES[markOf(kind, conflict)].icon}) **`);
  markdown.appendText(summary.charAt(0).toUpperCase() + summary.slice(1));
  markdown.appendMarkdown('** · Compare Sources\n\n$(person) ');
  markdown.appendText(speakerSentence(quote.speaker?.name, quote.speaker ? session.words(document, quote.speaker.range) : undefined));
  markdown.appendMarkdown('\n\n');

  const conflicts = conflictSentences(comparison, standings, place.cluster);
  for (const sentence of conflicts) {
    markdown.appendMarkdown('$(warning) **Attribution conflict:** ');
    markdown.appendText(sentence);
    markdown.appendMarkdown('\n\n');
  }
  if (conflicts.length) {
    // Each version's attribution and the words it rests on, at lines of the texts as compared (the model's offsets are theirs).
    const lines = new Map<number, LineIndex>();
    const lineOf = (d: number, offset: number) => {
      if (!lines.has(d)) lines.set(d, new LineIndex(session.texts[d]));
      return lines.get(d)!.positionAt(offset).line;
    };
    const evidence = manyConflictEvidenceLines(comparison, place.cluster, (d, range) => session.words(d, [range[0], range[1]]), lineOf).join('\n');
    const fence = codeFence(evidence);
    markdown.appendMarkdown(`${fence}text\n${evidence}\n${fence}\n\n`);
  }

  const links: string[] = [];
  for (const standing of standings) {
    const version = place.cluster.versions[standing.version];
    const range = session.liveRange(version.document, version.quote);
    if (!range) continue;
    const line = session.documents[version.document].positionAt(range[0]).line + 1;
    const linkText = new vscode.MarkdownString().appendText(`Open in ${names[version.document]}, line ${line}`).value;
    links.push(`[$(go-to-file) ${linkText}](${revealCommandUri({ uri: session.documents[version.document].uri.toString(), range })} "Reveal the quote in this article")`);
  }
  if (links.length) markdown.appendMarkdown(`${links.join(' · ')}\n\n`);

  for (const block of quoteDifferenceBlocks(place.cluster, place.version, (d, range) => session.words(d, range))) {
    markdown.appendMarkdown('Which article has which words:\n');
    // In a fence longer than any run of backticks in the words, so that they cannot end the block.
    const table = twoColumns([[names[document], names[block.document]], ...block.rows]);
    const fence = codeFence(table);
    markdown.appendMarkdown(`\n${fence}text\n${table}\n${fence}\n`);
  }
  return markdown;
}
