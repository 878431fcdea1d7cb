import * as vscode from 'vscode';
import { conflictsByMatch, findAtOffset, matchesOfQuote, otherSide, partnerQuote } from '../core/views/lookup';
import type { Side } from '../core/model';
import { LineIndex } from '../core/text/lines';
import { QUOTE_SWATCHES } from '../core/views/palette';
import { markOf } from '../core/views/quoteMarks';
import { codeFence, conflictEvidenceLines, conflictSentence, differenceTable, quoteHeadline, speakerSentence } from '../core/views/wording';
import { COMMANDS } from './commandIds';
import type { ComparisonService, ComparisonSession } from './comparisonService';

/** Arguments of the `revealRange` command links in hovers (validated again when the command runs). */
export interface RevealArgs {
  uri: string;
  range: [number, number];
}

export function revealCommandUri(args: RevealArgs): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMANDS.revealRange}?${encodeURIComponent(JSON.stringify([args]))}`);
}

/**
 * Hovers on quotes of the compared documents: who said it, where it stands in the other article
 * (a link that opens it there) and, for altered quotes, the words that differ. Served by a
 * HoverProvider rather than decoration hover messages so that `vscode.executeHoverProvider` sees it.
 * Article text goes in through appendText and code blocks only, never as Markdown.
 */
export class QuoteHoverProvider implements vscode.HoverProvider {
  constructor(private readonly service: ComparisonService) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position, token: vscode.CancellationToken): vscode.Hover | undefined {
    const session = this.service.session;
    const side = session?.sideOf(document.uri);
    if (!session || !side || token.isCancellationRequested) return undefined;
    const live = findAtOffset(session.liveQuotes[side], (quote) => quote.range, document.offsetAt(position));
    if (!live) return undefined;
    const markdown = quoteHoverMarkdown(session, side, live.quoteId);
    if (!markdown) return undefined;
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(live.range[0]), document.positionAt(live.range[1])));
  }
}

export function quoteHoverMarkdown(session: ComparisonSession, side: Side, quoteId: number): vscode.MarkdownString | undefined {
  const { comparison } = session;
  const quote = comparison[side].quotes[quoteId];
  if (!quote) return undefined;
  const other = otherSide(side);
  const names = { a: comparison.a.name, b: comparison.b.name };
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = { enabledCommands: [COMMANDS.revealRange] };
  markdown.supportThemeIcons = true;

  const matches = matchesOfQuote(comparison, side, quoteId);
  const best = matches[0];
  const mark = markOf(best?.kind ?? 'unmatched', matches.some((match) => match.conflict));
  markdown.appendMarkdown(`$(${QUOTE_SWATCHES[mark].icon}) **`);
  markdown.appendText(quoteHeadline(best, side, names[other]));
  markdown.appendMarkdown('** · Compare Sources\n\n$(person) ');
  const mention = quote.speaker ? session.words(side, quote.speaker.range) : undefined;
  markdown.appendText(speakerSentence(quote.speaker?.name, mention));
  markdown.appendMarkdown('\n\n');

  for (const match of matches) {
    const partner = partnerQuote(comparison, side, match);
    if (!partner) continue;
    const range = session.liveRange(other, partner.id);
    if (range) {
      const line = session.documents[other].positionAt(range[0]).line + 1;
      const linkText = new vscode.MarkdownString().appendText(`Open in ${names[other]}, line ${line}`).value;
      markdown.appendMarkdown(`[$(go-to-file) ${linkText}](${revealCommandUri({ uri: session.documents[other].uri.toString(), range })} "Reveal the quote in the other article")\n\n`);
    }
    if (match.conflict) {
      markdown.appendMarkdown('$(warning) **Attribution conflict:** ');
      markdown.appendText(conflictSentence({ side: names[side], other: names[other] }, { side: quote.speaker?.name, other: partner.speaker?.name }));
      markdown.appendMarkdown('\n\n');
      const evidence = conflictsByMatch(comparison).get(match);
      if (evidence) {
        // Lines of the texts as compared: the evidence's offsets are theirs.
        const lines = { a: new LineIndex(session.texts.a), b: new LineIndex(session.texts.b) };
        markdown.appendCodeblock(conflictEvidenceLines(evidence, side, names, session.texts, (which, offset) => lines[which].positionAt(offset).line).join('\n'), 'text');
      }
    }
    if (match.kind === 'altered' && match.differences.length > 0) {
      markdown.appendMarkdown('Which article has which words:\n');
      // The differing words as the articles read them (a web page's without its markup), in a fence
      // longer than any run of backticks in them, so that they cannot end the block.
      const shown = match.differences.map((difference) => ({ a: session.articles.a.map.toArticle(difference.a), b: session.articles.b.map.toArticle(difference.b) }));
      const table = differenceTable(shown, side, { a: session.articles.a.text, b: session.articles.b.text }, names);
      const fence = codeFence(table);
      markdown.appendMarkdown(`\n${fence}text\n${table}\n${fence}\n`);
    }
  }
  return markdown;
}
