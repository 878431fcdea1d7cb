import * as assert from 'assert';
import { DEFAULT_FILTERS, isRestorableUri, validatePersistedState, validateUiState, validateWebviewMessage } from '../../../src/protocol/webviewMessages';

describe('protocol.validateWebviewMessage', () => {
  it('accepts the well-formed messages', () => {
    assert.deepStrictEqual(validateWebviewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(validateWebviewMessage({ type: 'reveal', side: 'b', range: [3, 9] }), { type: 'reveal', side: 'b', range: [3, 9] });
    assert.deepStrictEqual(validateWebviewMessage({ type: 'revealPassage', passage: 4 }), { type: 'revealPassage', passage: 4 });
    assert.deepStrictEqual(validateWebviewMessage({ type: 'navigate', target: 'quoteDifference', direction: -1 }), { type: 'navigate', target: 'quoteDifference', direction: -1 });
  });

  it('drops anything else', () => {
    const bad: unknown[] = [
      null, undefined, 'ready', 42, [], {}, { type: 'run' }, { type: 'ready', extra: 1 },
      { type: 'reveal', side: 'c', range: [0, 1] },
      { type: 'reveal', side: 'a', range: [5, 1] },
      { type: 'reveal', side: 'a', range: [-1, 1] },
      { type: 'reveal', side: 'a', range: [0.5, 1] },
      { type: 'reveal', side: 'a', range: [0, Number.MAX_VALUE] },
      { type: 'reveal', side: 'a', range: ['0', '1'] },
      { type: 'reveal', side: 'a', range: [0, 1, 2] },
      { type: 'reveal', side: 'a' },
      { type: 'revealPassage', passage: -1 }, { type: 'revealPassage', passage: 1.5 }, { type: 'revealPassage', passage: '2' }, { type: 'revealPassage', passage: 2, side: 'a' },
      { type: 'navigate', target: 'passage', direction: 2 }, { type: 'navigate', target: 'speaker', direction: 1 }, { type: 'navigate', target: 'passage' },
      { type: 'navigate', target: 'passage', direction: 1, command: 'workbench.action.terminal.new' },
    ];
    for (const message of bad) assert.strictEqual(validateWebviewMessage(message), undefined, JSON.stringify(message));
  });

  it('copies the range instead of passing the sender object through', () => {
    const range = [1, 2];
    const message = validateWebviewMessage({ type: 'reveal', side: 'a', range });
    assert.ok(message?.type === 'reveal');
    assert.notStrictEqual(message.range, range);
  });
});

describe('protocol persisted state', () => {
  it('restores URIs and UI state, defaulting malformed parts', () => {
    const state = validatePersistedState({ uris: { a: 'file:///a.txt', b: 'untitled:Untitled-1' }, ui: { scroll: { a: 120, b: 'x' }, filters: { shared: false, speaker: -2 } } });
    assert.deepStrictEqual(state, {
      uris: { a: 'file:///a.txt', b: 'untitled:Untitled-1' },
      ui: { scroll: { a: 120, b: 0 }, place: { a: null, b: null }, filters: { ...DEFAULT_FILTERS, shared: false } },
    });
  });

  it('restores the reading place of a long article, and no malformed one', () => {
    const place = (raw: unknown): unknown => validateUiState({ place: { a: raw, b: null } }).place.a;
    assert.deepStrictEqual(place({ start: 52000, above: 31.5 }), { start: 52000, above: 31.5 });
    assert.deepStrictEqual(place({ start: 0, above: -4 }), { start: 0, above: -4 });
    for (const bad of [{ start: -1, above: 0 }, { start: 1.5, above: 0 }, { start: '7', above: 0 }, { start: 7, above: NaN },
      { start: 7, above: Infinity }, { start: 7, above: 1e9 }, { start: 7 }, [7, 0], 'junk', undefined]) {
      assert.strictEqual(place(bad), null, JSON.stringify(bad) ?? String(bad));
    }
  });

  it('refuses state without both URIs', () => {
    assert.strictEqual(validatePersistedState({ uris: { a: 'file:///a.txt' } }), undefined);
    assert.strictEqual(validatePersistedState(undefined), undefined);
    assert.deepStrictEqual(validateUiState('junk'), { scroll: { a: 0, b: 0 }, place: { a: null, b: null }, filters: DEFAULT_FILTERS });
  });
});

describe('protocol.isRestorableUri', () => {
  it('reopens files, untitled documents and the workspace folders\' schemes only', () => {
    assert.ok(isRestorableUri('file:///home/reader/wire.txt', []));
    assert.ok(isRestorableUri('untitled:Untitled-1', []));
    assert.ok(isRestorableUri('vscode-vfs://github/owner/repo/a.md', ['vscode-vfs']));
    assert.ok(!isRestorableUri('vscode-vfs://github/owner/repo/a.md', []));
    assert.ok(!isRestorableUri('command:workbench.action.openSettings', ['file']));
    assert.ok(!isRestorableUri('https://example.invalid/a.txt', []));
    assert.ok(!isRestorableUri('/no/scheme.txt', []));
    assert.ok(!isRestorableUri('', []));
  });
});
