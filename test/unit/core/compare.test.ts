import * as assert from 'assert';
import { compareTexts } from '../../../src/core/compare';
import { MODEL_VERSION } from '../../../src/core/model';

const SHARED = 'The regional council voted on Friday to double the budget for flood defences along the river.';

describe('compareTexts', () => {
  it('fills passages and the stats of both sides', () => {
    const a = { name: 'a.txt', text: `${SHARED} Nobody else agreed.` };
    const b = { name: 'b.txt', text: `Breaking news from the valley. ${SHARED}` };
    const comparison = compareTexts(a, b);
    assert.strictEqual(comparison.version, MODEL_VERSION);
    assert.deepStrictEqual(comparison.options, { minWords: 6 });
    assert.strictEqual(comparison.passages.length, 1);
    assert.strictEqual(comparison.a.name, 'a.txt');
    assert.deepStrictEqual(comparison.a.stats, {
      characters: a.text.length, words: 19, sharedCharacters: SHARED.length, sharedWords: 16, share: 16 / 19,
    });
    assert.strictEqual(comparison.b.stats.sharedWords, 16);
    assert.strictEqual(comparison.b.stats.words, 21);
  });

  it('takes options, and compares empty texts to nothing shared', () => {
    const none = compareTexts({ name: 'a', text: '' }, { name: 'b', text: SHARED }, { minWords: 3 });
    assert.deepStrictEqual(none.options, { minWords: 3 });
    assert.deepStrictEqual(none.passages, []);
    assert.strictEqual(none.a.stats.share, 0);
    assert.strictEqual(none.b.stats.share, 0);
  });

  it('serialises to JSON and back without loss', () => {
    const comparison = compareTexts({ name: 'a', text: SHARED }, { name: 'b', text: SHARED.replace('double', 'triple') });
    assert.deepStrictEqual(JSON.parse(JSON.stringify(comparison)), comparison);
    assert.strictEqual(comparison.passages[0].identical, false);
  });
});
