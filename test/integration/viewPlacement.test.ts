// Where the comparison view opens: its own group across the editor area below the two articles
// (`full`, the default), or a column beside them (`beside`). Read back from VS Code's own layout.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { EditorLayout } from '../../src/core/views/editorLayout';
import type { CompareSourcesApi } from '../../src/extension';
import { activateExtension, compareSamples, workspaceUri } from './helpers';

const visibleColumn = (name: string): vscode.ViewColumn | undefined =>
  vscode.window.visibleTextEditors.find((editor) => editor.document.uri.path.endsWith(`/${name}`))?.viewColumn;

describe('Where the comparison view opens', () => {
  let api: CompareSourcesApi;

  before(async () => {
    api = await activateExtension();
  });

  afterEach(async () => {
    await vscode.workspace.getConfiguration('compareSources').update('openLocation', undefined, vscode.ConfigurationTarget.Global);
  });

  it('takes a group of its own across the editor area, below the two articles side by side', async () => {
    await compareSamples();
    const layout = await vscode.commands.executeCommand<EditorLayout>('vscode.getEditorLayout');
    assert.strictEqual(layout.orientation, 1, `groups stacked: ${JSON.stringify(layout)}`);
    assert.strictEqual(layout.groups.length, 2, 'a row of editors and the view\'s row');
    assert.strictEqual(layout.groups[0].groups?.length, 2, 'the two articles side by side in the top row');
    assert.ok(!layout.groups[1].groups, 'the view\'s row is one group');
    assert.strictEqual(api.panel()?.viewColumn, 3);
    assert.deepStrictEqual([visibleColumn('harbour-wire.txt'), visibleColumn('harbour-herald.txt')], [1, 2]);
  });

  it('shows both articles above it when compared from the picker with one or none open', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outcome = await vscode.commands.executeCommand('compareSources.compare', workspaceUri('harbour-herald.txt'), [workspaceUri('harbour-herald.txt'), workspaceUri('harbour-wire.txt')]);
    assert.strictEqual((outcome as { status: string }).status, 'compared');
    const layout = await vscode.commands.executeCommand<EditorLayout>('vscode.getEditorLayout');
    assert.strictEqual(layout.groups[0].groups?.length, 2, JSON.stringify(layout));
    assert.ok(visibleColumn('harbour-wire.txt') && visibleColumn('harbour-herald.txt'), 'both articles are visible');
    assert.strictEqual(api.panel()?.viewColumn, 3);
  });

  it('opens in a column beside the editors with openLocation "beside"', async () => {
    await vscode.workspace.getConfiguration('compareSources').update('openLocation', 'beside', vscode.ConfigurationTarget.Global);
    await compareSamples();
    const layout = await vscode.commands.executeCommand<EditorLayout>('vscode.getEditorLayout');
    assert.strictEqual(layout.orientation, 0, JSON.stringify(layout));
    assert.strictEqual(layout.groups.length, 3);
    assert.strictEqual(api.panel()?.viewColumn, 3);
  });
});
