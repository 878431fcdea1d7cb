// The extension's bounds in a real extension host: a comparison that needs more memory than its
// worker may use is stopped with a clear message, the host and the user's documents untouched; a
// comparison that a work budget cuts short says so. Both with crafted input (texts over a handful of
// words, the shape that makes a comparison work hardest per byte).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareOutcome } from '../../src/vscode/commands';
import { activateExtension, workspaceUri } from './helpers';

/** `count` words drawn evenly from `size` made-up words, in sentences, some quoted (the same text every run). */
function craftedText(size: number, count: number, seed: number): string {
  let state = seed;
  const next = (): number => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state >>> 8;
  };
  const sentences: string[] = [];
  for (let said = 0; said < count;) {
    const length = 6 + (next() % 20);
    const words = Array.from({ length }, () => `w${next() % size}`).join(' ');
    sentences.push(next() % 2 ? `“${words},” she said.` : `${words}.`);
    said += length;
  }
  return sentences.join(next() % 3 ? ' ' : '\n\n');
}

describe('Compare Sources within its limits', function () {
  this.timeout(120000);
  const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('compareSources');
  const created: vscode.Uri[] = [];
  const fixture = async (name: string, content: string): Promise<vscode.Uri> => {
    const uri = workspaceUri(name);
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(content));
    created.push(uri);
    return uri;
  };
  const compare = (...uris: vscode.Uri[]): Thenable<CompareOutcome> =>
    vscode.commands.executeCommand<CompareOutcome>('compareSources.compare', undefined, uris);

  before(async () => {
    await activateExtension();
  });

  after(async () => {
    await config().update('maxComparisonMemoryMb', undefined, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    for (const uri of created) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });

  it('stops a comparison that needs more memory than its limit, says so, and leaves the host and the documents as they were', async () => {
    const texts = { a: craftedText(8, 60000, 1), b: craftedText(8, 60000, 2) };
    const first = await fixture('memory-a.txt', texts.a);
    const second = await fixture('memory-b.txt', texts.b);
    await config().update('maxComparisonMemoryMb', 16, vscode.ConfigurationTarget.Global);
    const stopped = await compare(first, second);
    assert.strictEqual(stopped.status, 'error', JSON.stringify(stopped.status));
    assert.ok(stopped.status === 'error' && /needed more than 16 MB of memory/.test(stopped.message) && /compareSources\.maxComparisonMemoryMb/.test(stopped.message), JSON.stringify(stopped));
    for (const [uri, text] of [[first, texts.a], [second, texts.b]] as const) {
      const document = vscode.workspace.textDocuments.find((open) => open.uri.toString() === uri.toString());
      assert.ok(document, 'the document stays open');
      assert.strictEqual(document.isDirty, false);
      assert.ok(document.getText() === text, 'the document is unchanged');
      assert.ok(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)) === text, 'the file is unchanged');
    }
    // The host goes on: with the limit back to its default, the same comparison runs in a fresh worker.
    await config().update('maxComparisonMemoryMb', undefined, vscode.ConfigurationTarget.Global);
    const again = await compare(first, second);
    assert.strictEqual(again.status, 'compared', JSON.stringify(again.status));
  });

  it('reports a comparison that a work budget cut short, with what it found', async () => {
    const first = await fixture('budget-a.txt', craftedText(6, 12000, 3));
    const second = await fixture('budget-b.txt', craftedText(6, 12000, 4));
    const outcome = await compare(first, second);
    assert.strictEqual(outcome.status, 'compared');
    const comparison = outcome.status === 'compared' ? outcome.session.comparison : undefined;
    assert.strictEqual(comparison?.truncated, true);
    assert.ok(comparison?.truncatedParts.includes('passages'), JSON.stringify(comparison?.truncatedParts));
    assert.ok((comparison?.passages.length ?? 0) > 0, 'what was found within the budget is shown');
  });

  it('holds three articles to the same memory limit, and reports a comparison of three that a budget cut short', async () => {
    const uris = await Promise.all([5, 6, 7].map((seed) => fixture(`many-${seed}.txt`, craftedText(8, 60000, seed))));
    await config().update('maxComparisonMemoryMb', 16, vscode.ConfigurationTarget.Global);
    const stopped = await compare(...uris);
    assert.strictEqual(stopped.status, 'error', JSON.stringify(stopped.status));
    assert.ok(stopped.status === 'error' && /comparing 3 articles needed more than 16 MB of memory/.test(stopped.message), JSON.stringify(stopped));
    await config().update('maxComparisonMemoryMb', undefined, vscode.ConfigurationTarget.Global);
    const cut = await compare(...await Promise.all([8, 9, 10].map((seed) => fixture(`many-budget-${seed}.txt`, craftedText(6, 12000, seed)))));
    assert.strictEqual(cut.status, 'compared-many', JSON.stringify(cut.status));
    const comparison = cut.status === 'compared-many' ? cut.session.comparison : undefined;
    assert.strictEqual(comparison?.truncated, true);
    assert.ok(comparison?.truncatedParts.includes('passageClusters'), JSON.stringify(comparison?.truncatedParts));
    assert.ok((comparison?.passageClusters.length ?? 0) > 0, 'what was found within the budgets is shown');
  });
});
