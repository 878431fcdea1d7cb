// The sample articles saved as a web page and as Markdown, compared in the real extension host:
// the model's ranges fall on the words in the source files (inside the tags), the hover quotes the
// article's words, edits and the input-format setting re-run the comparison.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareSourcesApi } from '../../src/extension';
import type { CompareOutcome } from '../../src/vscode/commands';
import { paragraphsOf, renderHtml, renderMarkdown } from '../unit/core/formats/renderings';
import { normaliseWords, visibleHtml, visibleMarkdown } from '../unit/core/formats/sourceOracle';
import { activateExtension, hoverText, waitFor, workspaceUri } from './helpers';

async function readWorkspaceText(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(name)));
}

describe('Compare Sources on a saved web page and a Markdown note', () => {
  let api: CompareSourcesApi;
  let page: vscode.TextEditor;
  let note: vscode.TextEditor;

  before(async () => {
    api = await activateExtension();
    const wire = paragraphsOf(await readWorkspaceText('harbour-wire.txt'));
    const herald = paragraphsOf(await readWorkspaceText('harbour-herald.txt'));
    const encoder = new TextEncoder();
    await vscode.workspace.fs.writeFile(workspaceUri('harbour-wire.html'), encoder.encode(renderHtml(wire, 'inlineSplit')));
    await vscode.workspace.fs.writeFile(workspaceUri('harbour-herald.md'), encoder.encode(renderMarkdown(herald)));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    page = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('harbour-wire.html')), vscode.ViewColumn.One);
    note = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('harbour-herald.md')), vscode.ViewColumn.Two);
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare');
    assert.strictEqual(outcome?.status, 'compared');
    await api.decorationsPainted();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const name of ['harbour-wire.html', 'harbour-herald.md']) await vscode.workspace.fs.delete(workspaceUri(name));
  });

  it('reads each by its language and says so in the model', () => {
    const comparison = api.comparison();
    assert.ok(comparison);
    assert.deepStrictEqual([page.document.languageId, note.document.languageId], ['html', 'markdown']);
    assert.deepStrictEqual([comparison.a.format, comparison.b.format], ['html', 'markdown']);
    assert.ok(comparison.quoteMatches.length >= 8, `${comparison.quoteMatches.length} quote matches`);
  });

  it('puts every quote range on the quote\'s words in the source, inside the tags', () => {
    const comparison = api.comparison();
    assert.ok(comparison);
    for (const [editor, side, visible] of [[page, 'a', visibleHtml], [note, 'b', visibleMarkdown]] as const) {
      const text = editor.document.getText();
      for (const quote of comparison[side].quotes) assert.strictEqual(visible(text.slice(...quote.range)), normaliseWords(quote.text));
    }
    const altered = (api.decorationsOf(page.document.uri).altered ?? []).map((range) => page.document.getText(range));
    assert.ok(altered.some((text) => visibleHtml(text).includes('kept this port alive')), 'the altered quote is decorated on the page');
    assert.ok(altered.some((text) => /<\w+[ >]/.test(text)), 'a decorated quote spans the inline tags inside it');
  });

  it('hovers with the article\'s words, not the markup', async () => {
    const document = page.document;
    const comparison = api.comparison();
    assert.ok(comparison);
    const quote = comparison.a.quotes.find((each) => each.text.includes('kept this port alive'));
    assert.ok(quote);
    const markdown = await hoverText(document, document.positionAt(quote.range[0] + 1));
    assert.ok(markdown, 'no hover on the altered quote');
    assert.match(markdown, /Ruth Achebe/);
    assert.match(markdown, /\npeople\s+│ families\n/, 'the differing words, as the article reads them, in the table of which article has which');
    assert.doesNotMatch(markdown, /<\/?(em|a|span|b|i|strong)\b/);
  });

  it('re-runs on an edit of the page, and reads every document as the setting forces', async () => {
    const document = page.document;
    const before = api.comparison();
    const edited = await page.edit((edit) => edit.insert(document.positionAt(document.getText().indexOf('<article>') + '<article>'.length), '<p>“A new quote in the page,” said Ruth Achebe.</p>'));
    assert.ok(edited);
    const after = await waitFor('the re-run after the edit', () => api.comparison() !== before && api.comparison(), 10000);
    assert.strictEqual(after.a.format, 'html');
    assert.ok(after.a.quotes.some((quote) => quote.text.includes('A new quote in the page')));
    const config = vscode.workspace.getConfiguration('compareSources');
    await config.update('inputFormat', 'text', vscode.ConfigurationTarget.Global);
    try {
      const asText = await waitFor('the re-run as plain text', () => api.comparison()?.a.format === 'text' && api.comparison(), 10000);
      // Read as plain text the script's string is quoted text (speech or not: the quote pass judges that).
      const quoted = [...asText.a.quotes.map((quote) => quote.range), ...asText.a.nonSpeech.map((region) => region.range)];
      assert.ok(quoted.some(([start, end]) => /Fake quote/.test(document.getText().slice(start, end))), 'as plain text, the page\'s script counts');
    } finally {
      await config.update('inputFormat', undefined, vscode.ConfigurationTarget.Global);
    }
    await waitFor('the re-run by language', () => api.comparison()?.a.format === 'html', 10000);
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });
});
