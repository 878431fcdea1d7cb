// Moving through a comparison from the keyboard's commands, the context keys that limit the keys to
// compared editors and the view, the status bar item, and clearing the comparison (by its command or
// by closing the view): read back from VS Code and, where VS Code cannot be asked, the extension's API.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Side } from '../../src/core/model';
import { passageStops, quoteDifferenceStops } from '../../src/core/views/navigation';
import { quoteStatuses } from '../../src/core/views/quoteMarks';
import type { CompareSourcesApi } from '../../src/extension';
import { activateExtension, compareSamples, sideOf, waitFor, type ComparedSamples } from './helpers';

/** The text selected in the visible editor of a side. */
function selectedText(api: CompareSourcesApi, samples: ComparedSamples, side: Side): string {
  const editor = [samples.wire, samples.herald].find((candidate) => sideOf(api, candidate.document) === side);
  assert.ok(editor);
  const shown = vscode.window.visibleTextEditors.find((candidate) => candidate.document === editor.document);
  assert.ok(shown, `the ${side} article is not visible`);
  return shown.document.getText(shown.selection);
}

describe('Moving through a comparison, the status bar, clearing', () => {
  let api: CompareSourcesApi;
  let samples: ComparedSamples;

  before(async () => {
    api = await activateExtension();
  });

  beforeEach(async () => {
    samples = await compareSamples();
  });

  /** Focuses a compared editor with the cursor at the start of its article; its side and the comparison. */
  async function fromStart(editor: vscode.TextEditor): Promise<{ side: Side; comparison: NonNullable<ReturnType<CompareSourcesApi['comparison']>> }> {
    const comparison = api.comparison();
    assert.ok(comparison);
    const shown = await vscode.window.showTextDocument(editor.document, { viewColumn: editor.viewColumn });
    shown.selection = new vscode.Selection(0, 0, 0, 0);
    return { side: sideOf(api, editor.document), comparison };
  }

  it('goes to the next shared passage after the cursor, selecting it in both editors, and back', async () => {
    const { side, comparison } = await fromStart(samples.wire);
    const other: Side = side === 'a' ? 'b' : 'a';
    const stops = passageStops(comparison, side);
    const text = (k: number) => samples.wire.document.getText().slice(...stops[k][side]);
    await vscode.commands.executeCommand('compareSources.nextPassage');
    assert.strictEqual(selectedText(api, samples, side), text(0));
    assert.strictEqual(selectedText(api, samples, other), samples.herald.document.getText().slice(...stops[0][other]));
    assert.strictEqual(vscode.window.activeTextEditor?.document, samples.wire.document, 'the focus stays in the editor F7 was pressed in');
    await vscode.commands.executeCommand('compareSources.nextPassage');
    assert.strictEqual(selectedText(api, samples, side), text(1));
    await vscode.commands.executeCommand('compareSources.previousPassage');
    assert.strictEqual(selectedText(api, samples, side), text(0));
    // Before the first passage, back wraps round to the last.
    await vscode.commands.executeCommand('compareSources.previousPassage');
    assert.strictEqual(selectedText(api, samples, side), text(stops.length - 1));
  });

  it('goes through the quotes whose versions differ: the altered one, the conflict, the partial ones', async () => {
    const { side, comparison } = await fromStart(samples.herald);
    const herald = samples.herald;
    const stops = quoteDifferenceStops(comparison, side, quoteStatuses(comparison, side));
    const seen: string[] = [];
    for (let k = 0; k < stops.length; k++) {
      await vscode.commands.executeCommand('compareSources.nextQuoteDifference');
      seen.push(selectedText(api, samples, side));
    }
    assert.deepStrictEqual(seen, stops.map((stop) => herald.document.getText().slice(...stop[side])));
    assert.ok(seen.some((text) => text.includes('kept this port alive for decades')), 'the altered quote');
    assert.ok(seen.some((text) => text.includes('Both sides must be back at the table')), 'the conflict');
    assert.ok(!seen.some((text) => text.includes('The harbour is safe')), 'an identical quote is no difference');
  });

  it('sets the context keys the F7 keys depend on: the compared articles\' paths, not another editor\'s', async () => {
    await vscode.window.showTextDocument(samples.wire.document, { viewColumn: samples.wire.viewColumn });
    const compared = api.contextKeys()['compareSources.comparedPaths'];
    assert.deepStrictEqual(compared, [samples.wire.document.uri.fsPath, samples.herald.document.uri.fsPath]);
    assert.strictEqual(api.contextKeys()['compareSources.hasComparison'], true);
    const other = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'not compared' }), { viewColumn: vscode.ViewColumn.One, preview: false });
    assert.ok(!(compared as readonly string[]).includes(other.document.uri.path), 'F7 stays unbound in an editor that is not compared');
    await waitFor('the status item hidden in another editor', () => api.statusItem().visible === false);
  });

  it('shows the summary in the status bar while a compared editor is active, and opens the view on click', async () => {
    await vscode.window.showTextDocument(samples.herald.document, { viewColumn: samples.herald.viewColumn });
    const comparison = api.comparison();
    assert.ok(comparison);
    const side = sideOf(api, samples.herald.document);
    const share = Math.round(comparison[side].stats.share * 100);
    await waitFor('the status item', () => api.statusItem().visible);
    assert.strictEqual(api.statusItem().text, `$(diff-multiple) ${share}% shared · ${comparison.passages.length} passages · 1 conflict`);
    const panel = api.panel();
    assert.ok(panel?.viewColumn);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'cover' }), { viewColumn: panel.viewColumn, preview: false });
    await waitFor('the view to be hidden', () => !panel.visible);
    await vscode.window.showTextDocument(samples.herald.document, { viewColumn: samples.herald.viewColumn });
    await vscode.commands.executeCommand('compareSources.showComparison');
    await waitFor('the view to show again', () => panel.visible);
  });

  for (const [how, end] of [
    ['Clear Comparison', () => vscode.commands.executeCommand('compareSources.clear')],
    ['closing the view', async () => api.panel()?.dispose()],
  ] as const) {
    it(`removes every decoration, the badge, the status item and the view on ${how}`, async () => {
      await vscode.window.showTextDocument(samples.wire.document, { viewColumn: samples.wire.viewColumn });
      const painted = api.decorationsOf(samples.wire.document.uri);
      assert.ok((painted.identicalPassage?.length ?? 0) > 0 && (painted.altered?.length ?? 0) > 0, 'passages and quotes are decorated first');
      assert.ok(api.speakerView.badge, 'the badge counts the conflict');
      await waitFor('the status item', () => api.statusItem().visible);
      await end();
      await waitFor('the comparison to end', () => api.comparison() === undefined);
      for (const editor of [samples.wire, samples.herald]) {
        const left = Object.values(api.decorationsOf(editor.document.uri)).reduce((sum, ranges) => sum + (ranges?.length ?? 0), 0);
        assert.strictEqual(left, 0, `${left} decorations left on ${editor.document.uri.path}`);
      }
      assert.strictEqual(api.speakerView.badge, undefined);
      assert.deepStrictEqual(await api.speakerTree.getChildren(), []);
      assert.strictEqual(api.statusItem().visible, false);
      assert.strictEqual(api.panel(), undefined);
      assert.deepStrictEqual(api.contextKeys(), { 'compareSources.hasComparison': false, 'compareSources.hasManyComparison': false, 'compareSources.comparedPaths': [] });
      // The navigation commands do nothing without a comparison.
      assert.strictEqual(await vscode.commands.executeCommand('compareSources.nextPassage'), undefined);
    });
  }
});
