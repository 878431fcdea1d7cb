import * as assert from 'assert';
import { groupCount, withRowBelow } from '../../../../src/core/views/editorLayout';

describe('editorLayout.withRowBelow', () => {
  it('puts two editors side by side in a top row and adds a full-width row below', () => {
    const layout = withRowBelow({ orientation: 0, groups: [{ size: 0.5 }, { size: 0.5 }] }, 0.6);
    assert.deepStrictEqual(layout, { orientation: 1, groups: [{ groups: [{ size: 0.5 }, { size: 0.5 }], size: 0.4 }, { size: 0.6 }] });
    assert.strictEqual(groupCount(layout), 3);
  });

  it('adds a bottom row to groups already stacked, keeping their proportions', () => {
    const layout = withRowBelow({ orientation: 1, groups: [{ size: 300 }, { size: 100, groups: [{}, {}] }] }, 0.6);
    assert.deepStrictEqual(layout.groups.map((group) => Math.round((group.size ?? 0) * 100) / 100), [0.3, 0.1, 0.6]);
    assert.strictEqual(layout.orientation, 1);
    assert.strictEqual(groupCount(layout), 4);
  });

  it('gives a lone group the top row', () => {
    assert.deepStrictEqual(withRowBelow({ orientation: 0, groups: [] }, 0.5), { orientation: 1, groups: [{ groups: [{}], size: 0.5 }, { size: 0.5 }] });
    assert.strictEqual(groupCount({ orientation: 0, groups: [{}] }), 1);
  });
});
