import * as assert from 'assert';
import type { SourceMatch } from '../../../../src/core/archive/findSources';
import { describeMatch, explainMatch } from '../../../../src/core/views/sourceList';
import { percent } from '../../../../src/core/views/wording';

const match = (shareOfArticle: number, shareOfMatch: number, passages: number): SourceMatch => ({
  key: 'k', shareOfArticle, shareOfMatch, passages, sharedWords: { article: 120, match: 40 }, words: { article: 351, match: 333 },
});

describe('core/views/sourceList', () => {
  it('describes a source by both shares and its passages', () => {
    assert.strictEqual(describeMatch(match(0.342, 0.12, 3)), '34% of the article · 12% of it · 3 passages');
    assert.strictEqual(describeMatch(match(1, 0.004, 1)), '100% of the article · 0.4% of it · 1 passage');
  });

  it('explains the figures with their word counts', () => {
    assert.strictEqual(explainMatch(match(0.342, 0.12, 3), 'a.txt', 'b.txt'),
      '34% of a.txt (120 of 351 words) is in b.txt; 12% of b.txt (40 of 333 words) is in a.txt; 3 shared passages.');
  });

  it('never shows a small share as none', () => {
    assert.strictEqual(percent(0), '0%');
    assert.strictEqual(percent(0.0004), '<0.1%');
    assert.strictEqual(percent(0.004), '0.4%');
    assert.strictEqual(percent(0.5), '50%');
  });
});
