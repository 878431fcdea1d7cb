import * as assert from 'assert';
import { compareMany } from '../../../src/core/compareMany';
import { manyViewContent } from '../../../src/core/views/manyView';
import { decodeManyView, encodeManyView, validateManyViewMessage, validateManyViewState } from '../../../src/protocol/manyViewMessages';
import { exampleArticles } from '../exampleArticles';

describe('protocol of the view of many articles', () => {
  it('round-trips the view\'s content through small pieces, characters split between them', () => {
    const sources = exampleArticles();
    const content = manyViewContent(compareMany(sources), sources.map((source) => source.text));
    const pieces = encodeManyView(content, 97);
    assert.ok(pieces.length > 50);
    assert.deepStrictEqual(decodeManyView(pieces), content);
  });

  it('accepts exactly the page\'s two messages and drops anything else', () => {
    assert.deepStrictEqual(validateManyViewMessage({ type: 'ready' }), { type: 'ready' });
    assert.deepStrictEqual(validateManyViewMessage({ type: 'revealItem', kind: 'passage', id: 3 }), { type: 'revealItem', kind: 'passage', id: 3 });
    assert.deepStrictEqual(validateManyViewMessage({ type: 'revealItem', kind: 'statement', id: 0, document: 2 }), { type: 'revealItem', kind: 'statement', id: 0, document: 2 });
    for (const bad of [null, 'ready', [], { type: 'ready', extra: 1 }, { type: 'revealItem', kind: 'quote', id: 1 }, { type: 'revealItem', kind: 'passage', id: -1 },
      { type: 'revealItem', kind: 'passage', id: 1.5 }, { type: 'revealItem', kind: 'passage', id: 1, document: '0' }, { type: 'revealItem', kind: 'passage', id: 1, range: [0, 5] },
      { type: 'reveal', side: 'a', range: [0, 1] }, { type: 'revealItem', kind: 'passage', id: Number.MAX_VALUE }]) {
      assert.strictEqual(validateManyViewMessage(bad), undefined, JSON.stringify(bad));
    }
  });

  it('restores saved state with defaults for malformed parts, and none without 3 to 20 documents', () => {
    const uris = ['file:///a.txt', 'file:///b.txt', 'file:///c.txt'];
    assert.deepStrictEqual(validateManyViewState({ uris, section: 'statements', scroll: 120 }), { uris, section: 'statements', scroll: 120 });
    assert.deepStrictEqual(validateManyViewState({ uris, section: 'nope', scroll: -4 }), { uris, section: 'overview', scroll: 0 });
    for (const bad of [undefined, {}, { uris: uris.slice(0, 2) }, { uris: Array.from({ length: 21 }, () => 'file:///x') }, { uris: [1, 2, 3] }]) {
      assert.strictEqual(validateManyViewState(bad), undefined, JSON.stringify(bad));
    }
  });
});
