// The command, the panel, decorations and hovers on the two sample articles (examples/README.md
// lists what the articles contain: an altered quote, an attribution conflict, contained quotes).
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CompareSourcesApi } from '../../src/extension';
import type { QuoteMarkKind } from '../../src/core/views/palette';
import { activateExtension, compareSamples, hoverText, sideOf, toRange, waitFor, type ComparedSamples } from './helpers';

function decoratedTexts(api: CompareSourcesApi, editor: vscode.TextEditor, kind: QuoteMarkKind): string[] {
  return (api.decorationsOf(editor.document.uri)[kind] ?? []).map((range) => editor.document.getText(range));
}

const at = (position: vscode.Position) => `${position.line + 1}:${position.character + 1}`;

describe('Compare Sources on the sample articles', () => {
  let api: CompareSourcesApi;
  let samples: ComparedSamples;

  before(async () => {
    api = await activateExtension();
    samples = await compareSamples();
  });

  it('opens the comparison panel with a fixed, CSP-protected shell', () => {
    const panel = api.panel();
    assert.ok(panel, 'no comparison panel');
    assert.strictEqual(panel.viewType, 'compareSources.comparison');
    assert.match(panel.title, /harbour-wire\.txt|harbour-herald\.txt/);
    const html = panel.webview.html;
    assert.match(html, /<meta http-equiv="Content-Security-Policy" content="default-src 'none';[^"]*script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    assert.ok(!/Westhaven|Tregarth/.test(html), 'article text must arrive by message, not in the HTML');
    assert.ok(!/ on[a-z]+=/i.test(html) && !/style="/.test(html), 'no inline handlers or styles');
    assert.deepStrictEqual(panel.webview.options.localResourceRoots?.map((uri) => uri.path.replace(/.*\//, '')), ['media']);
  });

  it('compares the two visible editors and finds shared passages and quote matches', () => {
    const comparison = api.comparison();
    assert.ok(comparison);
    assert.deepStrictEqual([comparison.a.name, comparison.b.name].sort(), ['harbour-herald.txt', 'harbour-wire.txt']);
    assert.ok(comparison.passages.length > 0, 'no shared passages');
    assert.ok(comparison.quoteMatches.length > 0, 'no quote matches');
  });

  it('decorates on each editor exactly the matched quotes, once each: by their strongest kind, or as a conflict', () => {
    const comparison = api.comparison();
    assert.ok(comparison);
    for (const editor of [samples.wire, samples.herald]) {
      const side = sideOf(api, editor.document);
      const painted = api.decorationsOf(editor.document.uri);
      const expected = new Map<string, QuoteMarkKind>();
      const strength = { identical: 0, contained: 1, altered: 2 };
      for (const match of [...comparison.quoteMatches].sort((x, y) => strength[y.kind] - strength[x.kind])) {
        expected.set(at(toRange(editor.document, comparison[side].quotes[match[side]].range).start), match.kind);
      }
      for (const match of comparison.quoteMatches.filter((candidate) => candidate.conflict)) {
        expected.set(at(toRange(editor.document, comparison[side].quotes[match[side]].range).start), 'conflict');
      }
      const actual = new Map<string, QuoteMarkKind>();
      let marks = 0;
      for (const kind of ['identical', 'contained', 'altered', 'conflict'] as const) {
        for (const range of painted[kind] ?? []) {
          actual.set(at(range.start), kind);
          marks++;
        }
      }
      assert.strictEqual(marks, expected.size, `${side}: ${marks} marks on ${expected.size} matched quotes`);
      assert.deepStrictEqual(actual, expected);
    }
  });

  it('shows the attribution conflict and the altered quote of the samples', () => {
    for (const editor of [samples.wire, samples.herald]) {
      assert.ok(decoratedTexts(api, editor, 'conflict').some((text) => text.includes('Both sides must be back at the table')), 'conflict not decorated');
      assert.ok(decoratedTexts(api, editor, 'altered').some((text) => text.includes('kept this port alive')), 'altered quote not decorated');
    }
  });

  it('serves a hover with the speaker, a link to the other article and the word differences', async () => {
    const document = samples.wire.document;
    const offset = document.getText().indexOf('kept this port alive');
    const markdown = await hoverText(document, document.positionAt(offset));
    assert.ok(markdown, 'no Compare Sources hover on the altered quote');
    assert.match(markdown, /Altered in harbour-herald\.txt \(2 differences\)/);
    assert.match(markdown, /Said by Ruth Achebe/);
    assert.match(markdown, /\(command:compareSources\.revealRange\?[^)]+\)/);
    // Which article has which word: a table headed by the two articles' names, this article first.
    assert.match(markdown, /harbour-wire\.txt\s+│ harbour-herald\.txt\npeople\s+│ families\ngenerations\s+│ decades/);
    const outside = await hoverText(document, document.positionAt(document.getText().indexOf('About 1,200')));
    assert.strictEqual(outside, undefined, 'hover outside quotes');
  });

  it('says so in the hover when the articles give the same words to different speakers', async () => {
    const document = samples.herald.document;
    const markdown = await hoverText(document, document.positionAt(document.getText().indexOf('back at the table')));
    assert.ok(markdown);
    assert.match(markdown, /Attribution conflict/);
    assert.match(markdown, /Jane Marlow/);
    assert.match(markdown, /Owen Tregarth/);
    // The evidence: each article's attribution with the words it rests on, the hovered article first.
    assert.match(markdown, /harbour-herald\.txt, line \d+: Owen Tregarth, named “the harbour master”, on the cue “added”\s+harbour-wire\.txt, line \d+: Jane Marlow, named “Ms Marlow”, on the cue “said”/);
  });

  it('opens the other article at the quote from the hover link', async () => {
    const document = samples.wire.document;
    const markdown = await hoverText(document, document.positionAt(document.getText().indexOf('kept this port alive')));
    const encoded = /command:compareSources\.revealRange\?([^)\s]+)/.exec(markdown ?? '')?.[1];
    assert.ok(encoded);
    const [args] = JSON.parse(decodeURIComponent(encoded));
    await vscode.commands.executeCommand('compareSources.revealRange', args);
    const editor = vscode.window.activeTextEditor;
    assert.strictEqual(editor?.document.uri.toString(), samples.herald.document.uri.toString());
    assert.match(editor.document.getText(editor.selection), /kept this port alive for decades/);
  });

  it('ignores reveal links with hostile or malformed arguments', async () => {
    const before = vscode.window.activeTextEditor?.document.uri.toString();
    for (const args of [undefined, 'x', { uri: 'file:///etc/passwd', range: [0, 10] }, { uri: samples.wire.document.uri.toString(), range: [-1, 'a'] }]) {
      await vscode.commands.executeCommand('compareSources.revealRange', args);
    }
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), before);
  });

  it('runs the comparison again when a setting changes', async () => {
    const before = api.comparison();
    assert.ok(before && before.passages.some((passage) => passage.words.a < 40));
    const config = vscode.workspace.getConfiguration('compareSources');
    await config.update('minPassageWords', 40, vscode.ConfigurationTarget.Global);
    try {
      const after = await waitFor('a comparison with the new setting', () => (api.comparison()?.options.minWords === 40 ? api.comparison() : undefined), 10000);
      assert.ok(after.passages.every((passage) => passage.words.a >= 40 || passage.words.b >= 40), 'a passage shorter than the new minimum');
      assert.ok(after.passages.length < before.passages.length);
    } finally {
      await config.update('minPassageWords', undefined, vscode.ConfigurationTarget.Global);
      await waitFor('the default setting again', () => api.comparison()?.options.minWords === 6, 10000);
      await api.decorationsPainted();
    }
  });

  it('drops the decoration an edit touches at once, and re-runs after the debounce', async () => {
    const editor = await vscode.window.showTextDocument(samples.wire.document, vscode.ViewColumn.One);
    const before = api.comparison();
    const quote = 'The harbour is safe and every vessel is accounted for';
    const decorated = () => decoratedTexts(api, editor, 'identical').some((text) => text.includes(quote));
    assert.ok(decorated(), 'the quote to edit is decorated as identical');
    const offset = editor.document.getText().indexOf(quote) + 'The harbour is '.length;
    assert.ok(await editor.edit((edit) => edit.insert(editor.document.positionAt(offset), 'not ')));
    try {
      await waitFor('the touched decoration to go', () => !decoratedTexts(api, editor, 'identical').some((text) => text.includes('harbour is')), 1000);
      for (const kind of ['identical', 'contained', 'altered', 'conflict'] as const) {
        for (const text of decoratedTexts(api, editor, kind)) assert.ok(!text.includes('not safe'), `${kind} decoration on edited words`);
      }
      await waitFor('a new comparison', () => api.comparison() !== before, 5000);
      await api.decorationsPainted();
      const all = (['identical', 'contained', 'altered', 'conflict'] as const).flatMap((kind) => decoratedTexts(api, editor, kind));
      assert.ok(all.length > 0);
      assert.ok(!all.some((text) => text.includes(quote)), 'the edited quote is no longer identical');
    } finally {
      await vscode.commands.executeCommand('undo');
      await waitFor('the undo to be compared again', decorated, 5000);
    }
  });
});
