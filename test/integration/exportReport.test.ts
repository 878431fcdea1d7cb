// Export Report in the real extension host: the command writes the current comparison through
// workspace.fs in the format of the file name it is given (a target Uri skips the save dialog),
// and read back from disk each report holds that comparison. `{ target }` skips the save dialog;
// a bare Uri (what a menu passes: the editor's resource) never chooses where to write.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Comparison, ManyComparison } from '../../src/core/model';
import { manyViewContent } from '../../src/core/views/manyView';
import type { CompareOutcome } from '../../src/vscode/commands';
import { comparisonSummary } from '../../src/core/views/summary';
import type { ExportOutcome } from '../../src/vscode/exportReport';
import { activateExtension, compareSamples, workspaceUri } from './helpers';

const decoder = new TextDecoder();

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

describe('Export Report', () => {
  let comparison: Comparison;
  const written: vscode.Uri[] = [];

  before(async () => {
    const api = await activateExtension();
    await compareSamples();
    const current = api.comparison();
    assert.ok(current, 'no comparison to export');
    comparison = current;
  });

  after(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  async function exportTo(name: string): Promise<{ outcome: ExportOutcome | undefined; uri: vscode.Uri }> {
    const uri = workspaceUri(name);
    written.push(uri);
    return { outcome: await vscode.commands.executeCommand<ExportOutcome>('compareSources.exportReport', { target: uri }), uri };
  }

  it('is a command of the palette', async () => {
    assert.ok((await vscode.commands.getCommands(true)).includes('compareSources.exportReport'));
  });

  it('writes a self-contained HTML page of the comparison', async () => {
    const { outcome, uri } = await exportTo('export-test report.html');
    assert.strictEqual(outcome?.status, 'exported', JSON.stringify(outcome));
    assert.strictEqual(outcome.format, 'html');
    const html = decoder.decode(await vscode.workspace.fs.readFile(uri));
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    assert.doesNotMatch(html, /<script|\son[a-z]+=/i);
    for (const item of comparisonSummary(comparison)) assert.ok(html.includes(item.text), `no "${item.text}" in the page`);
    assert.ok(html.includes(`Shared passages (${comparison.passages.length})`));
    assert.ok(html.includes('harbour-wire.txt') && html.includes('harbour-herald.txt'));
    assert.ok(html.includes('gives these words to'), 'the attribution conflict is missing');
  });

  it('writes Markdown with the same contents', async () => {
    const { outcome, uri } = await exportTo('export-test.md');
    assert.strictEqual(outcome?.status === 'exported' && outcome.format, 'markdown');
    const markdown = decoder.decode(await vscode.workspace.fs.readFile(uri));
    assert.match(markdown, /^# Compare Sources report\n/);
    assert.ok(markdown.includes(`## Shared passages (${comparison.passages.length})`));
    assert.ok(markdown.includes(`## Quotes in both articles (${comparison.quoteMatches.length})`));
  });

  it('writes JSON that is the comparison model itself', async () => {
    const { outcome, uri } = await exportTo('export-test.json');
    assert.strictEqual(outcome?.status === 'exported' && outcome.format, 'json');
    assert.deepStrictEqual(JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(uri))), comparison);
  });

  it('never writes over an article whose Uri a menu passes', async () => {
    const article = workspaceUri('harbour-wire.txt');
    const before = await vscode.workspace.fs.readFile(article);
    // The save dialog opens instead (a bare Uri is not a target); close it unanswered.
    const running = vscode.commands.executeCommand<ExportOutcome>('compareSources.exportReport', article);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    const outcome = await Promise.race([running, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), 10000))]);
    assert.strictEqual(outcome?.status, 'cancelled', `the save dialog did not open and close: ${JSON.stringify(outcome)}`);
    assert.deepStrictEqual(await vscode.workspace.fs.readFile(article), before);
  });

  it('refuses to write the report over an article it compares, even when asked to', async () => {
    const article = workspaceUri('harbour-herald.txt');
    const before = await vscode.workspace.fs.readFile(article);
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('compareSources.exportReport', { target: article });
    assert.strictEqual(outcome?.status, 'error');
    assert.match(outcome.status === 'error' ? outcome.message : '', /one of the articles compared/);
    assert.deepStrictEqual(await vscode.workspace.fs.readFile(article), before);
  });

  it('after an edit, exports the comparison of the edited text, not the one before it', async () => {
    const api = await activateExtension();
    const document = await vscode.workspace.openTextDocument(workspaceUri('harbour-wire.txt'));
    const before = api.comparison();
    assert.strictEqual(before?.a.stats.characters, document.getText().length);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(document.uri, new vscode.Position(0, 0), 'EDITED LINE\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    try {
      const { outcome, uri } = await exportTo('export-test-edited.json');
      assert.strictEqual(outcome?.status, 'exported', JSON.stringify(outcome));
      const exported = JSON.parse(decoder.decode(await vscode.workspace.fs.readFile(uri))) as Comparison;
      assert.strictEqual(exported.a.stats.characters, document.getText().length, 'the report is of the text before the edit');
    } finally {
      const undo = new vscode.WorkspaceEdit();
      undo.delete(document.uri, new vscode.Range(0, 0, 1, 0));
      await vscode.workspace.applyEdit(undo);
      await document.save();
    }
  });

  it('refuses a file name that names no report format, writing nothing', async () => {
    const { outcome, uri } = await exportTo('export-test.txt');
    assert.strictEqual(outcome?.status, 'error');
    assert.match(outcome.status === 'error' ? outcome.message : '', /\.html, \.md, \.json/);
    assert.strictEqual(await exists(uri), false);
  });
});

describe('Export Report of three articles', () => {
  const NAMES = ['harbour-wire.txt', 'harbour-herald.txt', 'harbour-radio.txt'];
  let comparison: ManyComparison;
  const written: vscode.Uri[] = [];

  before(async () => {
    const api = await activateExtension();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const [k, name] of NAMES.entries()) await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(name)), k + 1);
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare');
    assert.strictEqual(outcome?.status, 'compared-many');
    const current = api.manyComparison();
    assert.ok(current, 'no comparison of three to export');
    comparison = current;
  });

  after(async () => {
    for (const uri of written) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  async function exportTo(name: string): Promise<{ outcome: ExportOutcome | undefined; text: string }> {
    const uri = workspaceUri(name);
    written.push(uri);
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('compareSources.exportReport', { target: uri });
    assert.strictEqual(outcome?.status, 'exported', JSON.stringify(outcome));
    return { outcome, text: decoder.decode(await vscode.workspace.fs.readFile(uri)) };
  }

  it('writes a self-contained HTML page of the story across the three, with every figure of the view', async () => {
    const { outcome, text: html } = await exportTo('export-test three.html');
    assert.strictEqual(outcome?.status === 'exported' && outcome.format, 'html');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'sha256-/);
    assert.doesNotMatch(html, /<script|\son[a-z]+=/i);
    const texts = await Promise.all(NAMES.map(async (name) => decoder.decode(await vscode.workspace.fs.readFile(workspaceUri(name)))));
    const view = manyViewContent(comparison, texts);
    for (const item of view.summary) assert.ok(html.includes(item.text), `no "${item.text}" in the page`);
    for (const row of view.overview) for (const cell of row.cells) assert.ok(html.includes(`>${cell.text}</td>`), `no overview cell ${cell.text}`);
    assert.ok(html.includes(`Shared passages (${comparison.passageClusters.length})`));
    assert.ok(html.includes(`Statements in two or more articles (${view.statements.length})`));
    // The three-way altered quote: each version's place and the words that differ; a conflict's evidence.
    assert.ok(html.includes('harbour-radio.txt:9:2') && html.includes('<del>people</del> → <ins>workers</ins>'), 'the radio\'s altered version');
    assert.ok(html.includes('Owen Tregarth, named “the harbour master”, on the cue “added”'), 'the herald\'s conflicting attribution');
    assert.ok(html.includes('<bdi>Ruth Achebe</bdi>') && html.includes('[3] <bdi>harbour-radio.txt</bdi>'), 'the speakers with their quotes per article');
  });

  it('writes Markdown and JSON of the three by the file name\'s extension', async () => {
    const { text: markdown } = await exportTo('export-test three.md');
    assert.match(markdown, /^# Compare Sources report\n\n3 articles: harbour-wire\.txt, harbour-herald\.txt and harbour-radio\.txt\n/);
    assert.ok(markdown.includes('## Sources overview'));
    assert.match(markdown, /\\\[3\\\] harbour-radio\.txt:9:2 · Ruth Achebe · altered: \\\[-people-\\\]\{\+workers\+\}/);
    const { text: json } = await exportTo('export-test three.json');
    assert.deepStrictEqual(JSON.parse(json), JSON.parse(JSON.stringify(comparison)));
  });
});
