// Bad and changing input in the real extension host: the same document twice, binary files and
// documents, notebooks, files over the size limit, missing files, folders, invalid UTF-8, awkward
// text (CRLF, tabs, emoji, curly quotes), untitled documents, a document edited or closed while its
// comparison runs, a file deleted under an open document, forged command arguments. Each is refused
// with a message or handled, without an exception escaping the command; no decoration lands on words
// it does not belong to, and the user's files are never written.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Quote } from '../../src/core/model';
import { PASSAGE_MARK_KINDS, QUOTE_MARK_KINDS } from '../../src/core/views/palette';
import { planPassageMarks } from '../../src/core/views/passageMarks';
import type { CompareOutcome } from '../../src/vscode/commands';
import { activateExtension, waitFor, workspaceUri } from './helpers';

const encoder = new TextEncoder();

const WORDS = `harbour ferry council budget river bridge storm pier timetable winter islanders petition vote mayor
  engineers repairs night boat captain crew tickets fares schedule weather warning hospital school market summer tide
  harbourmaster lighthouse quay dock cargo freight passengers ramp hull engine fuel contract tender`.split(/\s+/);

/**
 * An article long enough that its comparison is still running when the test acts. Each quote has
 * its own words: quotes that repeat a phrase hundreds of times make quote matching quadratic.
 */
function longArticle(seed: string, paragraphs: number): string {
  // mulberry32: a seeded generator, so each run compares the same texts.
  let state = [...seed].reduce((sum, ch) => (sum * 31 + ch.charCodeAt(0)) >>> 0, 7);
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const word = () => WORDS[Math.floor(random() * WORDS.length)];
  const lines: string[] = [];
  for (let i = 0; i < paragraphs; i++) {
    const quoted = Array.from({ length: 10 }, word).join(' ');
    lines.push(`Paragraph ${i} of the ${seed} report on the ${word()} and the ${word()}. "The ${quoted} matters," said Rosa Lindqvist.`);
  }
  return lines.join('\n\n');
}

async function writeFixture(name: string, content: string | Uint8Array): Promise<vscode.Uri> {
  const uri = workspaceUri(name);
  await vscode.workspace.fs.writeFile(uri, typeof content === 'string' ? encoder.encode(content) : content);
  return uri;
}

async function compare(first: vscode.Uri, second: vscode.Uri): Promise<CompareOutcome> {
  return vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [first, second]);
}

/** Every painted decoration covers exactly the words of a quote of the current comparison. */
async function assertDecorationsOnQuotes(document: vscode.TextDocument, side: 'a' | 'b'): Promise<number> {
  const api = await activateExtension();
  await api.decorationsPainted();
  const comparison = api.comparison();
  assert.ok(comparison, 'no comparison');
  const quoteTexts = new Set(comparison[side].quotes.map((quote) => quote.text));
  const painted = api.decorationsOf(document.uri);
  const quoteRanges = QUOTE_MARK_KINDS.flatMap((kind) => painted[kind] ?? []);
  for (const range of quoteRanges) {
    const text = document.getText(range);
    assert.ok(quoteTexts.has(text), `a decoration covers ${JSON.stringify(text.slice(0, 80))}, which is no quote of the comparison`);
  }
  // The shared text's marks stand exactly on the latest comparison's passages and differences.
  const sharedRanges = new Set(planPassageMarks(comparison, side).map((mark) => mark.range.join(':')));
  for (const range of PASSAGE_MARK_KINDS.flatMap((kind) => painted[kind] ?? [])) {
    const offsets = [document.offsetAt(range.start), document.offsetAt(range.end)].join(':');
    assert.ok(sharedRanges.has(offsets), `a shared-text decoration at ${offsets} is on no passage of the comparison`);
  }
  return quoteRanges.length;
}

describe('Compare Sources on bad and changing input', function () {
  this.timeout(60000);
  const created: vscode.Uri[] = [];
  const fixture = async (name: string, content: string | Uint8Array) => {
    const uri = await writeFixture(name, content);
    created.push(uri);
    return uri;
  };

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('refuses to compare a document with itself', async () => {
    const wire = workspaceUri('harbour-wire.txt');
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', wire, [wire, wire]);
    assert.strictEqual(outcome.status, 'same-document');
    assert.ok(outcome.status === 'same-document' && outcome.message.includes('“harbour-wire.txt” was picked twice: pick two different articles to compare.'), JSON.stringify(outcome));
  });

  it('reports a binary file as not text', async () => {
    const binary = await fixture('picture.bin', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]));
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', binary, [binary, workspaceUri('harbour-wire.txt')]);
    assert.strictEqual(outcome.status, 'error');
    assert.ok(outcome.status === 'error' && /binary/.test(outcome.message), JSON.stringify(outcome));
  });

  it('reports a notebook as not an article, without opening it', async () => {
    const notebook = await fixture('analysis.ipynb', JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 }));
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', notebook, [notebook, workspaceUri('harbour-wire.txt')]);
    assert.strictEqual(outcome.status, 'error');
    assert.ok(outcome.status === 'error' && /notebook/.test(outcome.message), JSON.stringify(outcome));
    assert.ok(!vscode.workspace.textDocuments.some((document) => document.uri.toString() === notebook.toString()), 'the notebook was opened as text');
  });

  it('reports a file over the size limit, and compares it again once the limit allows', async () => {
    const config = vscode.workspace.getConfiguration('compareSources');
    await config.update('maxFileBytes', 1000, vscode.ConfigurationTarget.Global);
    try {
      const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [workspaceUri('harbour-wire.txt'), workspaceUri('harbour-herald.txt')]);
      assert.strictEqual(outcome.status, 'error');
      assert.ok(outcome.status === 'error' && /too large/.test(outcome.message) && /compareSources\.maxFileBytes/.test(outcome.message), JSON.stringify(outcome));
    } finally {
      await config.update('maxFileBytes', undefined, vscode.ConfigurationTarget.Global);
    }
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [workspaceUri('harbour-wire.txt'), workspaceUri('harbour-herald.txt')]);
    assert.strictEqual(outcome.status, 'compared');
  });

  it('reports an open document holding NUL characters as not text', async () => {
    const binary = await vscode.workspace.openTextDocument({ content: 'Page one\0\0\u0001 of a dump' });
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [binary.uri, workspaceUri('harbour-wire.txt')]);
    assert.strictEqual(outcome.status, 'error');
    assert.ok(outcome.status === 'error' && /binary/.test(outcome.message), JSON.stringify(outcome));
  });

  it('keeps every offset exact across CRLF, tabs, emoji and curly quotes', async () => {
    // The texts cross to the comparison worker as UTF-8 bytes and come back as offsets into them: every
    // one must land where the editor has it. (A lone surrogate, which UTF-8 cannot carry and which
    // protocol/textTransfer.ts sends as the string, does not reach an extension host's documents at all: the
    // workbench replaces it before the host sees the text; the unit tests cover that path.)
    const said = '“The ferry 🚢 runs again\tat dawn, and the tickets 🎟️ cost less,” said Rosa Lindqvist, the harbourmaster.';
    const first = await vscode.workspace.openTextDocument({ content: ['Morning report 🌅.', said, 'Crew of 12 👩‍✈️, café reopened.', '“We are ready,” the captain said.'].join('\r\n') });
    const second = await vscode.workspace.openTextDocument({ content: ['Evening edition 🌙.', '', '\tIn brief: ' + said, '“We are ready,” the captain said.'].join('\r\n') });
    assert.ok(first.getText().includes('\r\n'), `the editor kept CRLF: ${JSON.stringify(first.getText().slice(0, 40))} eol ${first.eol}`);
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [first.uri, second.uri]);
    assert.strictEqual(outcome.status, 'compared');
    const comparison = (await activateExtension()).comparison();
    assert.ok(comparison);
    const sides: Array<['a' | 'b', vscode.TextDocument]> = [['a', first], ['b', second]];
    for (const [side, document] of sides) {
      const quotes: readonly Quote[] = comparison[side].quotes;
      assert.ok(quotes.length >= 2, `side ${side}: ${quotes.length} quotes`);
      for (const quote of quotes) {
        const range = new vscode.Range(document.positionAt(quote.range[0]), document.positionAt(quote.range[1]));
        assert.strictEqual(document.getText(range), quote.text, `side ${side}: quote at ${quote.range}`);
      }
    }
    assert.ok(comparison.quoteMatches.length >= 2, `${comparison.quoteMatches.length} quote matches`);
    for (const passage of comparison.passages) {
      const inA = first.getText().slice(...passage.a);
      assert.ok(inA.length > 0 && (!passage.identical || inA === second.getText().slice(...passage.b)), `passage ${JSON.stringify(passage)}`);
    }
    assert.ok(comparison.passages.length >= 1);
  });

  it('compares untitled documents', async () => {
    const first = await vscode.workspace.openTextDocument({ content: 'The mayor said "the bridge opens in May" at noon.' });
    const second = await vscode.workspace.openTextDocument({ content: 'Officials said "the bridge opens in May" on Friday.' });
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [first.uri, second.uri]);
    assert.strictEqual(outcome.status, 'compared');
  });

  it('reports a file that does not exist', async () => {
    const outcome = await compare(workspaceUri('no-such-article.txt'), workspaceUri('harbour-wire.txt'));
    assert.strictEqual(outcome.status, 'error');
    assert.ok(outcome.status === 'error' && /no-such-article\.txt/.test(outcome.message), JSON.stringify(outcome));
  });

  it('reports a folder', async () => {
    const folder = workspaceUri('robustness-folder');
    await vscode.workspace.fs.createDirectory(folder);
    created.push(folder);
    const outcome = await compare(folder, workspaceUri('harbour-wire.txt'));
    assert.strictEqual(outcome.status, 'error');
    assert.ok(outcome.status === 'error' && /folder/.test(outcome.message), JSON.stringify(outcome));
  });

  it('compares invalid UTF-8 with replacement characters, in place of the bad bytes', async () => {
    const bytes = new Uint8Array([...encoder.encode('The mayor said "the ferry runs '), 0xc3, 0x28, 0xff, ...encoder.encode(' until May" on Friday.')]);
    const broken = await fixture('robustness-invalid-utf8.txt', bytes);
    const outcome = await compare(broken, workspaceUri('harbour-wire.txt'));
    assert.strictEqual(outcome.status, 'compared', JSON.stringify(outcome.status === 'error' ? outcome.message : outcome.status));
    const comparison = (await activateExtension()).comparison();
    assert.ok(comparison?.a.quotes.some((quote) => quote.text.includes('\ufffd')), 'the quote with the bad bytes is not there');
  });

  it('ignores forged command arguments instead of reading them as paths', async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const wire = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('harbour-wire.txt')), vscode.ViewColumn.One);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(workspaceUri('harbour-herald.txt')), vscode.ViewColumn.Two);
    // Strings and look-alike objects are not URIs: the command falls back to the two visible editors.
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', 'file:///etc/passwd', ['/etc/passwd', { scheme: 'file', path: '/etc/shadow' }]);
    assert.strictEqual(outcome.status, 'compared');
    const names = [outcome.status === 'compared' && outcome.session.comparison.a.name, outcome.status === 'compared' && outcome.session.comparison.b.name];
    assert.deepStrictEqual(names.sort(), ['harbour-herald.txt', 'harbour-wire.txt']);
    assert.strictEqual(wire.document.isDirty, false);
  });

  it('catches up with an edit made while the comparison runs, and decorates only real quotes', async () => {
    const first = await fixture('robustness-edited-a.txt', longArticle('first', 500));
    // B reprints A, so that every quote has a partner to decorate once the re-run catches up.
    const second = await fixture('robustness-edited-b.txt', longArticle('first', 500));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const editor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first), vscode.ViewColumn.One);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(second), vscode.ViewColumn.Two);
    assert.strictEqual((await compare(first, second)).status, 'compared');

    // Run again and edit A while the worker is busy: every offset after the edit moves by 6.
    const running = compare(first, second);
    assert.ok(await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'EDIT. ')));
    const outcome = await running;
    assert.ok(['compared', 'cancelled'].includes(outcome.status), JSON.stringify(outcome.status));
    const api = await activateExtension();
    await waitFor('the re-run on the edited text', () => api.comparison()?.a.stats.characters === editor.document.getText().length, 30000);
    assert.ok(await assertDecorationsOnQuotes(editor.document, 'a') > 0, 'no decorations after the re-run');
    await editor.document.save();
  });

  it('survives its documents being closed while the comparison runs', async () => {
    const first = await fixture('robustness-closed-a.txt', longArticle('third', 600));
    const second = await fixture('robustness-closed-b.txt', longArticle('fourth', 600));
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(first), vscode.ViewColumn.One);
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(second), vscode.ViewColumn.Two);
    const running = compare(first, second);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    const outcome = await running; // an exception escaping the command would reject here
    assert.ok(['compared', 'cancelled', 'error'].includes(outcome.status), JSON.stringify(outcome));
    // And the same files compare again once reopened from disk.
    assert.strictEqual((await compare(first, second)).status, 'compared');
  });

  it('keeps comparing an open document whose file was deleted, and reports the file once it is gone', async () => {
    const doomed = await fixture('robustness-deleted.txt', longArticle('fifth', 20));
    const other = await fixture('robustness-kept.txt', longArticle('sixth', 20));
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(doomed), vscode.ViewColumn.One);
    const otherEditor = await vscode.window.showTextDocument(await vscode.workspace.openTextDocument(other), vscode.ViewColumn.Two);
    assert.strictEqual((await compare(doomed, other)).status, 'compared');
    await vscode.workspace.fs.delete(doomed);
    // The deleted file's document still holds its text: an edit of the other article re-runs the comparison on both.
    assert.ok(await otherEditor.edit((edit) => edit.insert(new vscode.Position(0, 0), 'Update: ')));
    const api = await activateExtension();
    await waitFor('the re-run after the deletion', () => api.comparison()?.b.stats.characters === otherEditor.document.getText().length, 30000);
    assert.ok(api.comparison()?.passages.length, 'the re-run lost the deleted file\'s text');
    await otherEditor.document.save();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    // VS Code keeps a closed document in memory for a while: compared from there while it lasts,
    // reported by name once it is gone; never an exception.
    const stillLoaded = vscode.workspace.textDocuments.some((document) => document.uri.toString() === doomed.toString());
    const outcome = await compare(doomed, other);
    if (stillLoaded) assert.strictEqual(outcome.status, 'compared');
    else assert.ok(outcome.status === 'error' && /robustness-deleted\.txt/.test(outcome.message), JSON.stringify(outcome));
  });

  it('never writes to the compared files', async () => {
    const text = longArticle('seventh', 30);
    const first = await fixture('robustness-untouched-a.txt', text);
    const second = await fixture('robustness-untouched-b.txt', text.replace(/ferry/g, 'boat'));
    const before = [await vscode.workspace.fs.readFile(first), await vscode.workspace.fs.readFile(second)];
    const outcome = await compare(first, second);
    assert.strictEqual(outcome.status, 'compared');
    assert.ok(outcome.status === 'compared' && outcome.session.comparison.passages.length > 0);
    for (const side of ['a', 'b'] as const) assert.strictEqual(outcome.status === 'compared' && outcome.session.documents[side].isDirty, false);
    const after = [await vscode.workspace.fs.readFile(first), await vscode.workspace.fs.readFile(second)];
    assert.deepStrictEqual(after.map((bytes) => Buffer.from(bytes).toString('hex')), before.map((bytes) => Buffer.from(bytes).toString('hex')));
  });

  it('ignores a reveal link whose uri is no URI at all, without throwing', async () => {
    // The link is only looked at while a comparison is shown.
    assert.strictEqual((await compare(workspaceUri('harbour-wire.txt'), workspaceUri('harbour-herald.txt'))).status, 'compared');
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    for (const uri of ['no scheme at all', '::', 'command:workbench.action.openSettings', '%E0%A4%A']) {
      await vscode.commands.executeCommand('compareSources.revealRange', { uri, range: [0, 1] });
    }
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });
});
