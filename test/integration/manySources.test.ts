// Three or more articles in the real extension host: the three sample articles (examples/README.md
// says what the third one adds: three-way clusters, a three-way altered quote, two conflicts), compared
// from three visible editors and from an Explorer selection; decorations, hovers and the Speakers view
// name the other articles; edits and the total size limit; two articles keep the side-by-side path.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareSourcesApi } from '../../src/extension';
import type { CompareOutcome } from '../../src/vscode/commands';
import type { ExportOutcome } from '../../src/vscode/exportReport';
import type { SpeakersViewNode } from '../../src/vscode/speakersView';
import { activateExtension, hoverText, waitFor, workspaceUri } from './helpers';

const NAMES = ['harbour-wire.txt', 'harbour-herald.txt', 'harbour-radio.txt'];

async function openThree(): Promise<vscode.TextEditor[]> {
  await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  const editors: vscode.TextEditor[] = [];
  for (const [k, name] of NAMES.entries()) {
    editors.push(await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(name)), k + 1));
  }
  return editors;
}

function decorated(api: CompareSourcesApi, editor: vscode.TextEditor, kind: 'identical' | 'contained' | 'altered' | 'conflict'): string[] {
  return (api.decorationsOf(editor.document.uri)[kind] ?? []).map((range) => editor.document.getText(range));
}

describe('Compare Sources on three articles', () => {
  let api: CompareSourcesApi;
  let editors: vscode.TextEditor[];

  before(async () => {
    api = await activateExtension();
    editors = await openThree();
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare');
    assert.strictEqual(outcome?.status, 'compared-many', JSON.stringify(outcome && 'message' in outcome ? outcome.message : outcome?.status));
  });

  after(() => vscode.commands.executeCommand('workbench.action.closeAllEditors'));

  it('compares all three visible editors across each other, not side by side', () => {
    const comparison = api.manyComparison();
    assert.ok(comparison);
    assert.deepStrictEqual(comparison.documents.map((d) => d.name), NAMES);
    assert.strictEqual(api.comparison(), undefined, 'no comparison of two');
    assert.strictEqual(api.panel(), undefined, 'the side-by-side view is for two articles');
    const panel = api.manyPanel();
    assert.ok(panel, 'the view of many articles opens');
    assert.strictEqual(panel.viewType, 'compareSources.manyComparison');
    assert.strictEqual(panel.title, 'Compare Sources: 3 articles');
    const html = panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.ok(!/Westhaven|Tregarth|harbour-/.test(html), 'article text and names arrive by message, not in the HTML');
    assert.ok(!/ on[a-z]+=/i.test(html) && !/style="/.test(html), 'no inline handlers or styles');
    assert.ok(comparison.passageClusters.some((cluster) => cluster.documents.length === 3));
  });

  it('decorates in each editor the quotes another article has, by their strongest standing', () => {
    const [wire, herald, radio] = editors;
    assert.ok(decorated(api, radio, 'altered').some((text) => text.includes('jobs of workers')), 'the radio\'s altered quote');
    assert.ok(decorated(api, herald, 'contained').some((text) => text.startsWith('This plan is a slow closure')), 'the herald\'s longer quote');
    for (const editor of editors) {
      assert.ok(decorated(api, editor, 'conflict').some((text) => text.includes('Both sides must be back')), `conflict in ${editor.document.fileName}`);
      assert.ok(decorated(api, editor, 'identical').some((text) => text.includes('This town was built on the docks')), `identical in ${editor.document.fileName}`);
    }
    assert.ok(!decorated(api, wire, 'identical').some((text) => text.includes('Today the dockers')), 'a quote only the wire has stays plain');
  });

  it('names the other articles in the hover, with their speakers, links and word differences', async () => {
    const radio = editors[2].document;
    const altered = await hoverText(radio, radio.positionAt(radio.getText().indexOf('jobs of workers')));
    assert.ok(altered, 'no hover on the radio\'s altered quote');
    assert.match(altered, /Altered in harbour-wire\.txt, harbour-herald\.txt/);
    assert.match(altered, /Said by Ruth Achebe/);
    assert.strictEqual((altered.match(/command:compareSources\.revealRange\?/g) ?? []).length, 2, 'a link to each other article');
    assert.match(altered, /harbour-radio\.txt\s+│ harbour-wire\.txt\nworkers\s+│ people/);
    const herald = editors[1].document;
    const conflict = await hoverText(herald, herald.positionAt(herald.getText().indexOf('back at the table')));
    assert.ok(conflict);
    assert.match(conflict, /Also in harbour-wire\.txt, harbour-radio\.txt/);
    assert.match(conflict, /Attribution conflict/);
    assert.match(conflict, /harbour-wire\.txt and harbour-radio\.txt give these words to Jane Marlow/);
    assert.match(conflict, /harbour-herald\.txt, line 12: Owen Tregarth, named “the harbour master”, on the cue “added”/);
  });

  it('opens another article at its version from the hover link', async () => {
    const radio = editors[2].document;
    const markdown = await hoverText(radio, radio.positionAt(radio.getText().indexOf('jobs of workers')));
    const encoded = [...(markdown ?? '').matchAll(/command:compareSources\.revealRange\?([^)\s]+)/g)].map((match) => match[1]);
    const [args] = JSON.parse(decodeURIComponent(encoded[1]));
    await vscode.commands.executeCommand('compareSources.revealRange', args);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), editors[1].document.uri.toString());
    assert.match(editor.document.getText(editor.selection), /jobs of families/);
  });

  it('lists the speakers across all three in the Speakers view, conflicts on its badge', async () => {
    const tree = api.manySpeakerTree;
    const marlow = tree.getChildren().find((node) => node.kind === 'manySpeaker' && node.label === 'Jane Marlow');
    assert.ok(marlow && marlow.kind === 'manySpeaker');
    assert.strictEqual(marlow.description, '1 conflict · in 3 articles');
    const [statement] = tree.getChildren(marlow).filter((node) => node.kind === 'manyStatement' && node.status === 'conflict');
    const item = tree.getTreeItem(statement);
    assert.strictEqual(item.label, 'conflict');
    assert.strictEqual(item.command?.command, 'compareSources.revealRange');
    assert.strictEqual(item.command?.arguments?.length, 3, 'a place in each article');
    const versions = tree.getChildren(statement).map((node) => tree.getTreeItem(node));
    assert.deepStrictEqual(versions.map((version) => version.label), NAMES);
    assert.ok(versions.every((version) => version.contextValue === 'quote.matched'));
    assert.strictEqual(api.speakerView.badge?.value, 2, 'two statements the articles give to different speakers');
    // The view shows this tree: revealing one of its nodes goes through the view's own provider
    // (getParent up to a root of the many tree). The workbench loads the items once the view shows.
    await vscode.commands.executeCommand('compareSources.speakers.focus');
    await waitFor('the Speakers view to be visible', () => api.speakerView.visible);
    const deadline = Date.now() + 5000;
    for (;;) {
      const revealed = await api.speakerView.reveal(statement as SpeakersViewNode, { select: true, expand: true }).then(() => true, (error: unknown) => error);
      if (revealed === true) break;
      if (Date.now() > deadline) throw revealed;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    await waitFor('the statement to be selected', () => api.speakerView.selection.some((node) => node.id === statement.id));
  });

  it('reveals a statement in every open editor at once', async () => {
    const tree = api.manySpeakerTree;
    const marlow = tree.getChildren().find((node) => node.kind === 'manySpeaker' && node.label === 'Jane Marlow')!;
    const statement = tree.getChildren(marlow).find((node) => node.kind === 'manyStatement' && node.status === 'conflict')!;
    const command = tree.getTreeItem(statement).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    for (const editor of vscode.window.visibleTextEditors.filter((e) => NAMES.some((name) => e.document.fileName.endsWith(name)))) {
      assert.strictEqual(editor.document.getText(editor.selection), 'Both sides must be back at the table before the weekend,', editor.document.fileName);
    }
  });

  it('moves with F7 through the active article\'s passages and Alt+F7 through its differing quotes, selecting each in every editor', async () => {
    const radio = await vscode.window.showTextDocument(editors[2].document, editors[2].viewColumn);
    assert.ok((api.contextKeys()['compareSources.comparedPaths'] as readonly string[]).includes(radio.document.uri.fsPath), 'F7 is bound in a compared editor of many articles');
    radio.selection = new vscode.Selection(0, 0, 0, 0);
    const strike = 'The strike, called by the Westhaven Dockers';
    let passage = await vscode.commands.executeCommand<{ kind: string; id: number; range: [number, number] }>('compareSources.nextPassage');
    for (let guard = 0; passage && !radio.document.getText().slice(...passage.range).startsWith(strike) && guard < 30; guard++) {
      passage = await vscode.commands.executeCommand('compareSources.nextPassage');
    }
    assert.ok(passage && passage.kind === 'passage', 'a passage stop');
    assert.strictEqual(vscode.window.activeTextEditor?.document, radio.document, 'the focus stays in the article');
    for (const editor of vscode.window.visibleTextEditors.filter((e) => NAMES.some((name) => e.document.fileName.endsWith(name)))) {
      assert.match(editor.document.getText(editor.selection), /^The strike, called by the Westhaven Dockers/, editor.document.fileName);
    }
    radio.selection = new vscode.Selection(0, 0, 0, 0);
    const seen: string[] = [];
    for (let k = 0; k < 8; k++) {
      const stop = await vscode.commands.executeCommand<{ kind: string; range: [number, number] }>('compareSources.nextQuoteDifference');
      assert.ok(stop && stop.kind === 'statement');
      seen.push(radio.document.getText(radio.selection));
    }
    assert.ok(seen.some((text) => text.includes('jobs of workers')), 'the altered quote is a stop');
    assert.ok(seen.some((text) => text.includes('The harbour is safe')), 'the conflict is a stop');
    const herald = vscode.window.visibleTextEditors.find((e) => e.document.fileName.endsWith(NAMES[1]));
    const back = await vscode.commands.executeCommand<{ range: [number, number] }>('compareSources.previousQuoteDifference');
    assert.ok(back);
    assert.ok(herald && !herald.selection.isEmpty, 'the herald\'s version is selected too');
  });

  it('drops the decoration an edit touches at once, and compares the three again after the debounce', async () => {
    // The edited editor is the active one, so that `undo` undoes this edit.
    const radio = await vscode.window.showTextDocument(editors[2].document, editors[2].viewColumn);
    const before = api.manyComparison();
    const offset = radio.document.getText().indexOf('jobs of workers');
    assert.ok(await radio.edit((edit) => edit.insert(radio.document.positionAt(offset + 'jobs of '.length), 'hard-working ')));
    try {
      await waitFor('the touched decoration to go', () => !decorated(api, radio, 'altered').some((text) => text.includes('jobs of')), 1000);
      const after = await waitFor('a new comparison', () => (api.manyComparison() !== before ? api.manyComparison() : undefined), 10000);
      assert.strictEqual(after.documents.length, 3);
      await waitFor('the edited quote decorated again', () => decorated(api, radio, 'altered').some((text) => text.includes('hard-working workers')), 5000);
    } finally {
      await vscode.window.showTextDocument(radio.document, radio.viewColumn);
      await vscode.commands.executeCommand('undo');
      await waitFor('the undo compared again', () => decorated(api, radio, 'altered').some((text) => text.includes('jobs of workers')), 10000);
    }
  });

  it('compares the articles selected in the Explorer, three at once', async () => {
    const uris = NAMES.map(workspaceUri);
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', uris[2], [uris[2], uris[0], uris[1]]);
    assert.strictEqual(outcome?.status, 'compared-many');
    assert.deepStrictEqual(api.manyComparison()?.documents.map((d) => d.name), [NAMES[2], NAMES[0], NAMES[1]]);
  });

  it('exports the comparison of three articles as its JSON model (HTML and Markdown: exportReport.test.ts)', async () => {
    const target = workspaceUri('three articles.json');
    const outcome = await vscode.commands.executeCommand<ExportOutcome>('compareSources.exportReport', { target });
    assert.strictEqual(outcome?.status, 'exported');
    try {
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(target)));
      assert.deepStrictEqual(written, JSON.parse(JSON.stringify(api.manyComparison())));
      assert.strictEqual(written.shape, 'many');
    } finally {
      await vscode.workspace.fs.delete(target);
    }
    const unknown = await vscode.commands.executeCommand<ExportOutcome>('compareSources.exportReport', { target: workspaceUri('three articles.txt') });
    assert.strictEqual(unknown?.status, 'error');
    assert.match(unknown.status === 'error' ? unknown.message : '', /\.html, \.md, \.json/);
    const over = await vscode.commands.executeCommand<ExportOutcome>('compareSources.exportReport', { target: workspaceUri(NAMES[1]) });
    assert.strictEqual(over?.status, 'error', 'never written over a compared article');
  });

  it('compares a web page among them by its article text, marks and hovers falling on the words inside the tags', async () => {
    const radio = new TextDecoder().decode(await vscode.workspace.fs.readFile(workspaceUri(NAMES[2])));
    const page = `<!DOCTYPE html><html><head><script>var said = "Both sides must be back";</script></head><body><article>\n${
      radio.split(/\n\s*\n/).map((paragraph) => `<p>${paragraph.replace('jobs of workers', 'jobs of <em>workers</em>')}</p>`).join('\n')}\n</article></body></html>\n`;
    const pageUri = workspaceUri('harbour-radio-page.html');
    await vscode.workspace.fs.writeFile(pageUri, new TextEncoder().encode(page));
    try {
      const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [workspaceUri(NAMES[0]), workspaceUri(NAMES[1]), pageUri]);
      assert.strictEqual(outcome?.status, 'compared-many');
      assert.strictEqual(api.manyComparison()?.documents[2].format, 'html');
      const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(pageUri), vscode.ViewColumn.Three);
      await waitFor('the page\'s marks', () => decorated(api, editor, 'altered').length > 0);
      const altered = decorated(api, editor, 'altered').find((text) => text.includes('jobs of'));
      assert.ok(altered && altered.includes('<em>workers</em>') && !altered.includes('<p>'), `altered mark: ${altered}`);
      assert.ok(!decorated(api, editor, 'conflict').some((text) => text.includes('var said')), 'nothing in the script is a quote');
      const hover = await hoverText(editor.document, editor.document.positionAt(page.indexOf('jobs of <em>')));
      assert.match(hover ?? '', /workers\s+│ people/);
      assert.ok(!/<em>/.test(hover ?? ''), 'the hover quotes the article text, not the markup');
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(pageUri);
    }
  });

  it('refuses a set of articles over the total size limit, with a message', async () => {
    const config = vscode.workspace.getConfiguration('compareSources');
    await config.update('maxTotalBytes', 5000, vscode.ConfigurationTarget.Global);
    try {
      const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, NAMES.map(workspaceUri));
      assert.strictEqual(outcome?.status, 'error');
      assert.match(outcome.status === 'error' ? outcome.message : '', /these 3 articles: together they are too large .*compareSources\.maxTotalBytes/);
    } finally {
      await config.update('maxTotalBytes', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('keeps the side-by-side comparison for two articles, and clears the three-way marks', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const wire = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(NAMES[0])), vscode.ViewColumn.One);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(NAMES[1])), vscode.ViewColumn.Two);
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare');
    assert.strictEqual(outcome?.status, 'compared');
    assert.strictEqual(api.manyComparison(), undefined);
    assert.ok(api.panel(), 'the side-by-side view opens');
    assert.strictEqual(api.manyPanel(), undefined, 'the view of many articles closes');
    await api.decorationsPainted();
    // The pair's marks: the herald has the quote altered, no third article is named.
    const hover = await hoverText(wire.document, wire.document.positionAt(wire.document.getText().indexOf('kept this port alive')));
    assert.match(hover ?? '', /Altered in harbour-herald\.txt/);
    assert.ok(!/harbour-radio/.test(hover ?? ''));
  });
});
