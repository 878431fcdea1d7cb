// The Speakers view, read through its tree data provider and driven through its commands.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareSourcesApi } from '../../src/extension';
import type { QuoteNode, SpeakerNode, SpeakerTreeNode } from '../../src/core/views/speakerTreeContent';
import { activateExtension, compareSamples, waitFor } from './helpers';

/** Every quote node, walked through the provider the way the view asks for children. */
async function allQuotes(api: CompareSourcesApi): Promise<QuoteNode[]> {
  const quotes: QuoteNode[] = [];
  const walk = async (node?: SpeakerTreeNode): Promise<void> => {
    for (const child of await api.speakerTree.getChildren(node)) {
      if (child.kind === 'quote') quotes.push(child);
      else await walk(child);
    }
  };
  await walk();
  return quotes;
}

describe('Speakers view', () => {
  let api: CompareSourcesApi;
  let roots: SpeakerTreeNode[];

  before(async () => {
    api = await activateExtension();
    await compareSamples();
    roots = await api.speakerTree.getChildren();
  });

  it('lists the speakers quoted in both articles first, with counts per article', () => {
    const speakers = roots.filter((node): node is SpeakerNode => node.kind === 'speaker');
    assert.ok(speakers.length >= 3, `speakers: ${speakers.map((s) => s.label)}`);
    const firstSingle = speakers.findIndex((speaker) => !speaker.inBoth);
    assert.ok(firstSingle === -1 || speakers.slice(firstSingle).every((speaker) => !speaker.inBoth), 'a speaker in both after one in a single article');
    const items = speakers.map((speaker) => api.speakerTree.getTreeItem(speaker));
    const achebe = items.find((item) => item.label === 'Ruth Achebe');
    assert.ok(achebe, `no Ruth Achebe among ${items.map((item) => item.label)}`);
    assert.match(String(achebe.description), /\d+ in harbour-wire\.txt · \d+ in harbour-herald\.txt/);
    assert.match(String(achebe.description), /altered/);
    assert.ok(items.every((item) => item.id), 'every item has a stable id');
  });

  it('groups quotes by article, and a quote item reveals its range when clicked', async () => {
    const speaker = roots.find((node): node is SpeakerNode => node.kind === 'speaker' && node.label === 'Owen Tregarth');
    assert.ok(speaker);
    const articles = await api.speakerTree.getChildren(speaker);
    assert.deepStrictEqual(articles.map((node) => api.speakerTree.getTreeItem(node).label).sort(), ['harbour-herald.txt', 'harbour-wire.txt']);
    const quotes = (await api.speakerTree.getChildren(articles[0])) as QuoteNode[];
    assert.ok(quotes.length > 0);
    assert.strictEqual(api.speakerTree.getParent(quotes[0]), articles[0]);
    assert.strictEqual(api.speakerTree.getParent(articles[0]), speaker);
    const item = api.speakerTree.getTreeItem(quotes[0]);
    assert.match(String(item.contextValue), /^quote/);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.strictEqual(editor.document.getText(editor.selection), quotes[0].text);
  });

  it('reveals a matched quote in the other article from the context menu', async () => {
    const quote = (await allQuotes(api)).find((node) => node.match && node.side === 'a');
    assert.ok(quote?.match);
    await vscode.commands.executeCommand('compareSources.revealInOtherArticle', quote);
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    const comparison = api.comparison();
    assert.ok(comparison);
    assert.strictEqual(editor.document.getText(editor.selection), comparison.b.quotes[quote.match.otherQuoteId].text);
  });

  it('copies a quote to the clipboard', async () => {
    const [quote] = await allQuotes(api);
    assert.ok(quote);
    await vscode.commands.executeCommand('compareSources.copyQuote', quote);
    assert.strictEqual(await vscode.env.clipboard.readText(), quote.text);
  });

  it('shows a quote in the comparison view, reopening the view if it was closed', async () => {
    api.panel()?.dispose();
    assert.strictEqual(api.panel(), undefined);
    const [quote] = await allQuotes(api);
    await vscode.commands.executeCommand('compareSources.showInComparison', quote);
    const panel = api.panel();
    assert.ok(panel, 'the comparison view did not open');
    await waitFor('the comparison view to be visible', () => panel.visible, 5000);
  });

  it('opens in the side bar on its focus command and reveals a speaker there', async () => {
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await waitFor('the Speakers view to be hidden', () => !api.speakerView.visible);
    await vscode.commands.executeCommand('compareSources.speakers.focus');
    await waitFor('the Speakers view to be visible', () => api.speakerView.visible);
    // The workbench loads the view's items once it shows; until then a reveal finds no node to select.
    const [first] = roots;
    const deadline = Date.now() + 5000;
    for (;;) {
      const revealed = await api.speakerView.reveal(first, { select: true, focus: true }).then(() => true, (error: unknown) => error);
      if (revealed === true) break;
      if (Date.now() > deadline) throw revealed;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor('the speaker to be selected', () => api.speakerView.selection.some((node) => node.id === first.id));
  });
});
