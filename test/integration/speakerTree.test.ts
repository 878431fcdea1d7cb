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

  it('lists the speakers quoted in both articles first, flags then counts per article', () => {
    const speakers = roots.filter((node): node is SpeakerNode => node.kind === 'speaker');
    assert.ok(speakers.length >= 3, `speakers: ${speakers.map((s) => s.label)}`);
    const firstSingle = speakers.findIndex((speaker) => !speaker.inBoth);
    assert.ok(firstSingle === -1 || speakers.slice(firstSingle).every((speaker) => !speaker.inBoth), 'a speaker in both after one in a single article');
    const items = speakers.map((speaker) => api.speakerTree.getTreeItem(speaker));
    const achebe = items.find((item) => item.label === 'Ruth Achebe');
    assert.ok(achebe, `no Ruth Achebe among ${items.map((item) => item.label)}`);
    assert.match(String(achebe.description), /^1 altered · \d+ in harbour-wire\.txt · \d+ in harbour-herald\.txt$/);
    assert.ok(items.every((item) => item.id), 'every item has a stable id');
  });

  it('groups quotes by statement, each article\'s version under it; a version reveals its quote, a statement both', async () => {
    const speaker = roots.find((node): node is SpeakerNode => node.kind === 'speaker' && node.label === 'Owen Tregarth');
    assert.ok(speaker);
    const statements = await api.speakerTree.getChildren(speaker);
    const labels = statements.map((node) => String(api.speakerTree.getTreeItem(node).label));
    assert.ok(labels.includes('Identical') && labels.includes('Conflict'), `statements: ${labels}`);
    const conflict = statements[labels.indexOf('Conflict')];
    const conflictItem = api.speakerTree.getTreeItem(conflict);
    assert.strictEqual(conflictItem.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, 'a conflict is open from the start');
    assert.ok(conflictItem.iconPath instanceof vscode.ThemeIcon && conflictItem.iconPath.id === 'warning');
    const versions = (await api.speakerTree.getChildren(conflict)) as QuoteNode[];
    assert.deepStrictEqual(versions.map((node) => api.speakerTree.getTreeItem(node).label), ['harbour-wire.txt', 'harbour-herald.txt']);
    assert.strictEqual(api.speakerTree.getParent(versions[0]), conflict);
    assert.strictEqual(api.speakerTree.getParent(conflict), speaker);
    // The wire gives these words to the mayor: under the harbour master, its version says so.
    assert.match(String(api.speakerTree.getTreeItem(versions[0]).description), /— given to Jane Marlow$/);

    const item = api.speakerTree.getTreeItem(versions[1]);
    assert.match(String(item.contextValue), /^quote/);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...(item.command.arguments ?? []));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.strictEqual(editor.document.getText(editor.selection), versions[1].text);

    // A statement selects its words in both articles, each in its own editor.
    assert.ok(conflictItem.command);
    await vscode.commands.executeCommand(conflictItem.command.command, ...(conflictItem.command.arguments ?? []));
    for (const version of versions) {
      const shown = vscode.window.visibleTextEditors.find((candidate) => candidate.document.uri.path.endsWith(api.speakerTree.getTreeItem(version).label as string));
      assert.ok(shown, `${version.side} is not visible`);
      assert.strictEqual(shown.document.getText(shown.selection), version.text);
    }
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

  it('shows a quote in the comparison view, bringing the view forward when another tab hides it', async () => {
    const panel = api.panel();
    assert.ok(panel?.viewColumn, 'no comparison view');
    const cover = await vscode.workspace.openTextDocument({ content: 'another tab' });
    await vscode.window.showTextDocument(cover, { viewColumn: panel.viewColumn, preview: false });
    await waitFor('the comparison view to be hidden', () => !panel.visible, 5000);
    const [quote] = await allQuotes(api);
    await vscode.commands.executeCommand('compareSources.showInComparison', quote);
    await waitFor('the comparison view to be visible', () => panel.visible, 5000);
    assert.strictEqual(api.panel(), panel, 'the same view, not a new one');
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
