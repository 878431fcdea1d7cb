import * as vscode from 'vscode';
import { findAtOffset } from '../core/views/lookup';
import { conflictSentences, quoteDifferenceBlocks, standingSummary } from '../core/views/manyWording';
import { speakerWithMention } from '../core/views/wording';
import { COMMANDS } from './commandIds';
import type { ComparisonService, ManyComparisonSession } from './comparisonService';
import { revealCommandUri } from './hovers';

/**
 * Hovers on quotes of a comparison of many articles: where else the quote stands and how ("also in
 * harbour-radio.txt; altered in harbour-herald.txt"), who said it, who else the other articles say
 * said it, a link to each other article's version and the word differences. Article text goes in
 * through appendText and code blocks only.
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
  const standings = index.standings(document, quoteId);
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = { enabledCommands: [COMMANDS.revealRange] };
  markdown.supportThemeIcons = true;

  markdown.appendMarkdown('**Compare Sources** · ');
  markdown.appendText(standingSummary(standings, names));
  markdown.appendMarkdown('\n\n');

  if (quote.speaker) {
    markdown.appendMarkdown('$(person) Speaker: ');
    markdown.appendText(speakerWithMention(quote.speaker.name, session.words(document, quote.speaker.range)));
    markdown.appendMarkdown('\n\n');
  } else {
    markdown.appendMarkdown('$(person) No speaker found in the text\n\n');
  }

  for (const sentence of conflictSentences(comparison, standings, place.cluster)) {
    markdown.appendMarkdown('$(warning) **Attribution conflict:** ');
    markdown.appendText(sentence);
    markdown.appendMarkdown('\n\n');
  }

  const links: string[] = [];
  for (const standing of standings) {
    const version = place.cluster.versions[standing.version];
    const range = session.liveRange(version.document, version.quote);
    if (!range) continue;
    const line = session.documents[version.document].positionAt(range[0]).line + 1;
    const text = `$(go-to-file) ${escapeLinkText(names[version.document])}, line ${line}`;
    links.push(`[${text}](${revealCommandUri({ uri: session.documents[version.document].uri.toString(), range })} "Reveal the quote in this article")`);
  }
  if (links.length) markdown.appendMarkdown(`${links.join(' · ')}\n\n`);

  for (const block of quoteDifferenceBlocks(place.cluster, place.version, (d, range) => session.words(d, range))) {
    markdown.appendMarkdown('Word differences with ');
    markdown.appendText(names[block.document]);
    markdown.appendMarkdown(':\n');
    markdown.appendCodeblock(block.lines, 'text');
  }
  return markdown;
}

/** A file name inside a link's text: Markdown's own characters escaped, so that a name cannot make a link of its own. */
function escapeLinkText(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');
}
