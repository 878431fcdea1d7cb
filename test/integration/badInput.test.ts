// Inputs the command must refuse politely: it reports, returns, and never throws.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { Quote } from '../../src/core/model';
import type { CompareOutcome } from '../../src/vscode/commands';
import { activateExtension, workspaceUri } from './helpers';

describe('Compare Sources refuses bad input', () => {
  before(async () => {
    await activateExtension();
  });

  it('refuses to compare a document with itself', async () => {
    const wire = workspaceUri('harbour-wire.txt');
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', wire, [wire, wire]);
    assert.strictEqual(outcome.status, 'same-document');
  });

  it('reports a binary file as not text', async () => {
    const binary = workspaceUri('picture.bin');
    await vscode.workspace.fs.writeFile(binary, new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0xff]));
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', binary, [binary, workspaceUri('harbour-wire.txt')]);
    assert.strictEqual(outcome.status, 'error');
    assert.ok(outcome.status === 'error' && /binary/.test(outcome.message), JSON.stringify(outcome));
  });

  it('reports a notebook as not an article, without opening it', async () => {
    const notebook = workspaceUri('analysis.ipynb');
    await vscode.workspace.fs.writeFile(notebook, new TextEncoder().encode(JSON.stringify({ cells: [], metadata: {}, nbformat: 4, nbformat_minor: 5 })));
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
});
