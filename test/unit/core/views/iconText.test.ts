import * as assert from 'assert';
import { escapeIcons } from '../../../../src/core/views/iconText';

describe('escapeIcons', () => {
  it('escapes the icon syntax of a file name, so that a Quick Pick shows it as written', () => {
    assert.strictEqual(escapeIcons('$(zap) notes.txt'), '\\$(zap) notes.txt');
    assert.strictEqual(escapeIcons('a$(sync~spin)b and $(x-1)'), 'a\\$(sync~spin)b and \\$(x-1)');
  });

  it('leaves everything else alone, a dollar or brackets that are no icon included', () => {
    for (const name of ['report.txt', 'cost $5 (approx).txt', '$(not an icon).md', '$()']) assert.strictEqual(escapeIcons(name), name);
  });
});
