import * as assert from 'assert';
import { writeJson } from '../../../src/cli/jsonOutput';

/** What `writeJson` writes for `value`, one string per write. */
function writes(value: unknown): string[] {
  const chunks: string[] = [];
  writeJson(value, { stdout: (text) => void chunks.push(text) });
  return chunks;
}

describe('writeJson', () => {
  it('writes exactly JSON.stringify and a newline, DEL and C1 escaped', () => {
    const value = {
      version: 1,
      skipped: undefined,
      a: { name: 'a\u007f.txt', quotes: [{ range: [1, 2], text: '“x”' }, undefined, null], nested: { deep: [[1], { k: undefined }] } },
      list: [1, 'two', undefined, { three: [3] }],
      empty: [],
      none: {},
    };
    const expected = JSON.stringify(value).replace(/\u007f/g, '\\u007f') + '\n';
    assert.strictEqual(writes(value).join(''), expected);
  });

  it("writes a large array inside a top-level object (a side's quotes) in pieces, not as one string", () => {
    const quote = (k: number) => ({ range: [k, k + 40], text: `“Quote number ${k} of the article, long enough”`, speaker: k % 7 });
    const value = { a: { name: 'a.txt', quotes: Array.from({ length: 20_000 }, (_, k) => quote(k)) }, passages: [] };
    const chunks = writes(value);
    assert.strictEqual(chunks.join(''), JSON.stringify(value) + '\n');
    const itemChars = Math.max(...value.a.quotes.map((item) => JSON.stringify(item).length));
    // 20,000 quotes make about 1.7 million characters of JSON; each write is one piece of 64K characters and at most one item more.
    assert.ok(chunks.length > 10, `${chunks.length} writes`);
    for (const chunk of chunks) assert.ok(chunk.length <= (1 << 16) + itemChars + 1, `a write of ${chunk.length} characters`);
  });
});
