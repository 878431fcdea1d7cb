// Find Sources in the real host: a folder of a few dozen articles written here (our own generated
// prose, one planted source), the command from the palette and from the explorer, the Sources view
// read through its provider, and the ranking following edits, deletions and renames of the files.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareSourcesApi } from '../../src/extension';
import type { FindSourcesOutcome } from '../../src/vscode/findSources';
import type { FoundSource } from '../../src/vscode/sourceIndex';
import { ArticleWriter, plant } from '../unit/core/archive/archiveFixture';
import { activateExtension, waitFor, workspaceUri } from './helpers';

const FOLDER = 'find-sources';
const encode = (text: string) => new TextEncoder().encode(text);
const fileName = (uri: vscode.Uri) => uri.path.slice(uri.path.lastIndexOf('/') + 1);

describe('Find Sources', function () {
  this.timeout(60000);
  let api: CompareSourcesApi;
  const writer = new ArticleWriter(2028);
  const archive = new Map<string, string>();
  let article: vscode.Uri;
  let articleText: string;

  const write = async (relative: string, text: string): Promise<vscode.Uri> => {
    const uri = workspaceUri(`${FOLDER}/${relative}`);
    await vscode.workspace.fs.writeFile(uri, encode(text));
    return uri;
  };
  const ranking = (): string[] => api.sources.tree.getChildren().map((node) => fileName(node.uri));
  /** Waits for the view's ranking to satisfy `probe`, letting the watcher and the re-run do their work. */
  const rankingWhere = async (what: string, probe: (names: string[]) => boolean, timeoutMs = 30000): Promise<string[]> => {
    try {
      return await waitFor(what, () => {
        const names = ranking();
        return probe(names) ? names : undefined;
      }, timeoutMs);
    } catch (error) {
      throw new Error(`${(error as Error).message}; the ranking is ${ranking().join(', ')}`);
    }
  };

  before(async () => {
    api = await activateExtension();
    for (let k = 0; k < 36; k++) {
      const name = `archive/story-${String(k).padStart(2, '0')}.${k % 4 === 0 ? 'md' : 'txt'}`;
      archive.set(name, writer.article(250 + writer.integer(250)));
      await write(name, archive.get(name)!);
    }
    // The article: its own paragraphs, two paragraphs of story-07, one sentence of story-21.
    const seven = archive.get('archive/story-07.txt')!.split('\n\n');
    articleText = plant(plant(writer.article(350), seven[0], 1), seven[1], 3);
    articleText = plant(articleText, archive.get('archive/story-21.txt')!.split('. ')[1], 4);
    article = await write('article.txt', articleText);
    await write('ignored/node_modules/copy.txt', seven.join('\n\n'));
    // A saved web page holding the article's sentence of story-21 inside its markup, beside a script and navigation.
    const sentence = archive.get('archive/story-21.txt')!.split('. ')[1];
    await write('archive/web/saved-page.html', `<!doctype html><html><head><script>var copy = "${seven[0]}";</script></head><body>`
      + `<nav>Home | News</nav><article><h1>Briefs</h1><p>${writer.article(60)}</p><p>${sentence.replace(/ (\S+) /, ' <b>$1</b> ')}.</p></article></body></html>`);
  });

  it('ranks the planted source first, with both shares and the passages, from the active editor', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const outcome = await vscode.commands.executeCommand<FindSourcesOutcome>('compareSources.findSources');
    assert.strictEqual(outcome?.status, 'found', JSON.stringify(outcome));
    const names = ranking();
    assert.strictEqual(names[0], 'story-07.txt', names.join(', '));
    assert.ok(names.includes('story-21.txt'), names.join(', '));
    // The web page by its article text: the sentence it shares, not the paragraph its script holds.
    const page = api.sources.tree.getChildren().find((node) => fileName(node.uri) === 'saved-page.html');
    assert.ok(page, names.join(', '));
    assert.strictEqual(page.match.passages, 1);
    const compared = await vscode.commands.executeCommand<{ status: string }>('compareSources.compareWithSource', page);
    assert.strictEqual(compared?.status, 'compared');
    assert.strictEqual(api.comparison()?.b.format, 'html');
    assert.strictEqual(api.comparison()?.b.stats.share, page.match.shareOfMatch);
    assert.strictEqual(api.comparison()?.a.stats.share, page.match.shareOfArticle);
    assert.ok(!names.includes('article.txt') && !names.includes('copy.txt'), 'the article itself and excluded folders are not listed');
    const first = api.sources.tree.getTreeItem(api.sources.tree.getChildren()[0]);
    assert.match(String(first.description), /^\d+% of the article · \d+% of it · 2 passages$/);
    assert.match(String(api.sources.view.message), /sources? of article\.txt/);
    await waitFor('the Sources view to show', () => api.sources.view.visible, 10000);
  });

  it('opens the pair’s comparison from an item, whose shares are the ones listed', async () => {
    const [node] = api.sources.tree.getChildren();
    const item = api.sources.tree.getTreeItem(node);
    assert.ok(item.command);
    const outcome = await vscode.commands.executeCommand<{ status: string }>(item.command.command, ...(item.command.arguments ?? []));
    assert.strictEqual(outcome?.status, 'compared');
    const comparison = api.comparison();
    assert.ok(comparison);
    assert.strictEqual(comparison.a.name, 'article.txt');
    assert.strictEqual(comparison.b.name, 'story-07.txt');
    assert.strictEqual(comparison.a.stats.share, node.match.shareOfArticle);
    assert.strictEqual(comparison.b.stats.share, node.match.shareOfMatch);
    assert.strictEqual(comparison.passages.length, node.match.passages);
  });

  it('follows a file edited and saved: a document that now holds more of the article moves up', async () => {
    const story = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri(`${FOLDER}/archive/story-30.txt`)));
    const everything = new vscode.Range(0, 0, story.document.lineCount, 0);
    await story.edit((builder) => builder.replace(everything, `${articleText.split('\n\n').slice(0, 4).join('\n\n')}\n\n${writer.article(100)}`));
    assert.ok(await story.document.save());
    const names = await rankingWhere('story-30 to lead the ranking', (list) => list[0] === 'story-30.txt');
    assert.strictEqual(names[1], 'story-07.txt');
  });

  it('finds a file another program wrote or deleted the next time it is asked, whenever the file watcher reports it', async () => {
    // workspace.fs writes raise no editor event: only the watcher sees them, and it may be late.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    await write('archive/story-31.txt', articleText.split('\n\n').slice(0, 5).join('\n\n'));
    assert.strictEqual((await vscode.commands.executeCommand<FindSourcesOutcome>('compareSources.findSources'))?.status, 'found');
    assert.strictEqual(ranking()[0], 'story-31.txt', ranking().join(', '));
    await vscode.workspace.fs.delete(workspaceUri(`${FOLDER}/archive/story-31.txt`));
    assert.strictEqual((await vscode.commands.executeCommand<FindSourcesOutcome>('compareSources.findSources'))?.status, 'found');
    assert.ok(!ranking().includes('story-31.txt'), ranking().join(', '));
    await api.sources.whenSettled();
  });

  it('follows deleted and renamed files', async () => {
    const deletion = new vscode.WorkspaceEdit();
    deletion.deleteFile(workspaceUri(`${FOLDER}/archive/story-30.txt`));
    assert.ok(await vscode.workspace.applyEdit(deletion));
    await rankingWhere('story-30 to leave the ranking', (list) => list[0] === 'story-07.txt' && !list.includes('story-30.txt'));
    const edit = new vscode.WorkspaceEdit();
    edit.renameFile(workspaceUri(`${FOLDER}/archive/story-07.txt`), workspaceUri(`${FOLDER}/archive/wire-copy.txt`));
    assert.ok(await vscode.workspace.applyEdit(edit));
    await rankingWhere('the renamed source to lead the ranking', (list) => list[0] === 'wire-copy.txt' && !list.includes('story-07.txt'));
  });

  it('follows edits of the article itself', async () => {
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    const twentyOne = archive.get('archive/story-21.txt')!.split('\n\n').slice(0, 3).join('\n\n');
    await editor.edit((builder) => builder.insert(new vscode.Position(0, 0), `${twentyOne}\n\n`));
    await rankingWhere('story-21 to lead once the article holds three of its paragraphs', (list) => list[0] === 'story-21.txt');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('finds the sources of a file chosen in the explorer, and reports an article with none', async () => {
    const story = workspaceUri(`${FOLDER}/archive/story-21.txt`);
    const outcome = await vscode.commands.executeCommand<FindSourcesOutcome>('compareSources.findSources', story);
    assert.strictEqual(outcome?.status, 'found');
    assert.strictEqual(api.sources.view.description, 'story-21.txt');
    assert.ok(ranking().includes('article.txt'), ranking().join(', '));

    const lone = await write('lone.txt', new ArticleWriter(77).article(300));
    const none = await vscode.commands.executeCommand<FindSourcesOutcome>('compareSources.findSources', lone);
    assert.strictEqual(none?.status, 'found');
    assert.deepStrictEqual(ranking(), []);
    assert.match(String(api.sources.view.message), /^No document shares a passage of 6 words or more with lone\.txt/);
  });

  it('makes the index again when the fingerprint settings change, and still finds the source', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    assert.strictEqual((await vscode.commands.executeCommand<FindSourcesOutcome>('compareSources.findSources'))?.status, 'found');
    assert.deepStrictEqual(api.sources.index.builtWith, { gramWords: 5, window: 6 });
    const config = vscode.workspace.getConfiguration('compareSources.findSources');
    await config.update('fingerprintWindow', 3, vscode.ConfigurationTarget.Workspace);
    try {
      await waitFor('the index made with windows of 3', () => api.sources.index.builtWith?.window === 3, 20000);
      await rankingWhere('the planted source first again', (list) => list[0] === 'wire-copy.txt');
    } finally {
      await config.update('fingerprintWindow', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('compares the selected sources with the article: several across each other, one as a pair', async () => {
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(article));
    assert.strictEqual((await vscode.commands.executeCommand<FindSourcesOutcome>('compareSources.findSources'))?.status, 'found');
    const [first, second] = api.sources.tree.getChildren();
    assert.ok(first && second, ranking().join(', '));
    // As the view's context menu calls it: the clicked item, then every selected one.
    const many = await vscode.commands.executeCommand<{ status: string }>('compareSources.compareSelectedSources', second, [first, second]);
    assert.strictEqual(many?.status, 'compared-many');
    const comparison = api.manyComparison();
    assert.ok(comparison);
    assert.deepStrictEqual(comparison.documents.map((document) => document.name), ['article.txt', fileName(first.uri), fileName(second.uri)]);
    assert.strictEqual(api.manyPanel()?.viewType, 'compareSources.manyComparison');
    // From the view's title: its selection; one source is the pair's comparison, with the figures listed.
    await api.sources.view.reveal(first, { select: true, focus: true });
    await waitFor('the first source selected', () => (api.sources.view.selection.length === 1 && api.sources.view.selection[0] === first ? true : undefined), 10000);
    const pair = await vscode.commands.executeCommand<{ status: string }>('compareSources.compareSelectedSources');
    assert.strictEqual(pair?.status, 'compared');
    assert.strictEqual(api.comparison()?.a.stats.share, first.match.shareOfArticle);
    assert.strictEqual(api.comparison()?.b.stats.share, first.match.shareOfMatch);
  });

  it('ignores command arguments that are not items of the view', async () => {
    const forged: FoundSource = { uri: article, match: { key: article.toString(), shareOfArticle: 1, shareOfMatch: 1, passages: 1, sharedWords: { article: 1, match: 1 }, words: { article: 1, match: 1 } } };
    assert.strictEqual(await vscode.commands.executeCommand('compareSources.compareWithSource', forged), undefined);
    assert.strictEqual(await vscode.commands.executeCommand('compareSources.compareSelectedSources', forged, [forged]), undefined);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.workspace.fs.delete(workspaceUri(FOLDER), { recursive: true });
  });
});
