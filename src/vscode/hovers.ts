import * as vscode from 'vscode';
import { conflictsByMatch, findAtOffset, matchesOfQuote, otherSide, partnerQuote } from '../core/views/lookup';
import type { Side } from '../core/model';
import { LineIndex } from '../core/text/lines';
import { conflictEvidenceLines, conflictSentence, differenceLines, quoteStanding, speakerWithMention } from '../core/views/wording';
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
  const markdown = new vscode.MarkdownString();
  markdown.isTrusted = { enabledCommands: [COMMANDS.revealRange] };
  markdown.supportThemeIcons = true;

  const matches = matchesOfQuote(comparison, side, quoteId);
  const best = matches[0];
  markdown.appendMarkdown(`**Compare Sources** · `);
  markdown.appendText(quoteStanding(best, side, comparison[other].name));
  markdown.appendMarkdown('\n\n');

  if (quote.speaker) {
    markdown.appendMarkdown('$(person) Speaker: ');
    markdown.appendText(speakerWithMention(quote.speaker.name, session.words(side, quote.speaker.range)));
    markdown.appendMarkdown('\n\n');
  } else {
    markdown.appendMarkdown('$(person) No speaker found in the text\n\n');
  }

  for (const match of matches) {
    const partner = partnerQuote(comparison, side, match);
    if (!partner) continue;
    const range = session.liveRange(other, partner.id);
    if (range) {
      const line = session.documents[other].positionAt(range[0]).line + 1;
      markdown.appendMarkdown(`[$(go-to-file) Open in other article, line ${line}](${revealCommandUri({ uri: session.documents[other].uri.toString(), range })} "Reveal the quote in the other article")\n\n`);
    }
    if (match.conflict) {
      markdown.appendMarkdown('$(warning) **Attribution conflict:** ');
      markdown.appendText(conflictSentence({ side: comparison[side].name, other: comparison[other].name }, { side: quote.speaker?.name, other: partner.speaker?.name }));
      markdown.appendMarkdown('\n\n');
      const evidence = conflictsByMatch(comparison).get(match);
      if (evidence) {
        // Lines of the texts as compared: the evidence's offsets are theirs.
        const lines = { a: new LineIndex(session.texts.a), b: new LineIndex(session.texts.b) };
        const names = { a: comparison.a.name, b: comparison.b.name };
        markdown.appendCodeblock(conflictEvidenceLines(evidence, side, names, session.texts, (which, offset) => lines[which].positionAt(offset).line).join('\n'), 'text');
      }
    }
    if (match.kind === 'altered' && match.differences.length > 0) {
      markdown.appendMarkdown('Word differences:\n');
      // The differing words as the articles read them (a web page's without its markup).
      const shown = match.differences.map((difference) => ({ a: session.articles.a.map.toArticle(difference.a), b: session.articles.b.map.toArticle(difference.b) }));
      markdown.appendCodeblock(differenceLines(shown, side, { a: session.articles.a.text, b: session.articles.b.text }), 'text');
    }
  }
  return markdown;
}
