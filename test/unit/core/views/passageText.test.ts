import * as assert from 'assert';
import type { SharedPassage } from '../../../../src/core/model';
import { passageRuns } from '../../../../src/core/views/passageText';
import { find } from '../../comparisonFixture';

describe('passageText.passageRuns', () => {
  const a = 'Talks broke down late on Monday, officials said.';
  const b = 'Talks collapsed late on Monday night, officials said.';
  const passage = (differences: SharedPassage['differences']): SharedPassage => ({
    id: 0, a: [0, a.length], b: [0, b.length], identical: differences.length === 0, words: { a: 8, b: 8 }, differences,
  });

  it('marks what the first document has alone as removed and what the other has in its place as added', () => {
    const runs = passageRuns(passage([{ a: find(a, 'broke down'), b: find(b, 'collapsed') }]), { a, b });
    assert.deepStrictEqual(runs, [
      { text: 'Talks ' }, { text: 'broke down', change: 'removed' }, { text: 'collapsed', change: 'added' }, { text: ' late on Monday, officials said.' },
    ]);
  });

  it('gives a word inserted right after another its own space', () => {
    const at = find(a, 'Monday')[1];
    const runs = passageRuns(passage([{ a: [at, at], b: find(b, 'night') }]), { a, b });
    assert.deepStrictEqual(runs.slice(0, 3), [{ text: a.slice(0, at) }, { text: ' ' }, { text: 'night', change: 'added' }]);
  });

  it('is the passage text itself when nothing differs', () => {
    assert.deepStrictEqual(passageRuns(passage([]), { a, b }), [{ text: a }]);
  });
});
