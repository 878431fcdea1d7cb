// Inputs the command must refuse politely: it reports, returns, and never throws.
import * as assert from 'assert';
import * as vscode from 'vscode';
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

  it('compares untitled documents', async () => {
    const first = await vscode.workspace.openTextDocument({ content: 'The mayor said "the bridge opens in May" at noon.' });
    const second = await vscode.workspace.openTextDocument({ content: 'Officials said "the bridge opens in May" on Friday.' });
    const outcome = await vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, [first.uri, second.uri]);
    assert.strictEqual(outcome.status, 'compared');
  });
});
