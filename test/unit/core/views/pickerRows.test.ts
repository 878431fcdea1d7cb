import * as assert from 'assert';
import { folderDescription, pickerRows, samePickMessage } from '../../../../src/core/views/pickerRows';

const folders = [{ name: 'news', path: '/home/ed/news' }];
const file = (path: string) => ({ key: `file://${path}`, path });

describe('pickerRows', () => {
  it('shows one line per file: the name, then where it is, never the name twice', () => {
    const rows = pickerRows([file('/home/ed/news/harbour-wire.txt')], [file('/home/ed/news/archive/2021/harbour-herald.txt'), file('/home/ed/news/harbour-wire.txt')], folders);
    assert.deepStrictEqual(rows.map((row) => row.kind === 'separator' ? `-- ${row.label}` : `${row.label} | ${row.description}`), [
      '-- Open documents',
      '$(file) harbour-wire.txt | news',
      '-- Workspace files',
      '$(file) harbour-herald.txt | archive/2021',
      '-- ',
      '$(folder-opened) Browse… | any file on disk',
    ]);
    for (const row of rows) if (row.kind === 'source') assert.ok(!row.description.includes(row.label.replace('$(file) ', '')), row.description);
  });

  it('tells files of the same name apart by their folder, and names files outside the workspace by their full folder', () => {
    const rows = pickerRows([], [file('/home/ed/news/a/story.txt'), file('/home/ed/news/b/story.txt'), file('/tmp/story.txt')], folders);
    assert.deepStrictEqual(rows.filter((row) => row.kind === 'source').map((row) => row.kind === 'source' && row.description), ['a', 'b', '/tmp']);
  });

  it('prefixes the workspace folder when there are several, and says "unsaved" for untitled documents', () => {
    const two = [...folders, { name: 'notes', path: '/home/ed/notes' }];
    assert.strictEqual(folderDescription(file('/home/ed/notes/x/y.md'), two), 'notes/x');
    assert.strictEqual(folderDescription(file('/home/ed/newsroom/y.md'), folders), '/home/ed/newsroom', 'a sibling folder whose name starts alike is outside');
    assert.strictEqual(folderDescription({ key: 'untitled:Untitled-1', path: 'Untitled-1', untitled: true }, folders), 'unsaved');
  });

  it('shows a file or folder named like an icon as written, its icon syntax escaped', () => {
    const rows = pickerRows([], [file('/home/ed/news/$(zap) memo/$(sync~spin) notes.txt')], folders);
    const source = rows.find((row) => row.kind === 'source');
    assert.deepStrictEqual(source && [source.label, source.description], ['$(file) \\$(sync~spin) notes.txt', '\\$(zap) memo']);
  });

  it('leaves out the article already picked and still offers Browse… when nothing else is left', () => {
    const only = file('/home/ed/news/harbour-wire.txt');
    const rows = pickerRows([only], [only], folders, only.key);
    assert.deepStrictEqual(rows.flatMap((row) => (row.kind === 'separator' ? [] : [`${row.label} | ${row.description}`])),
      ['$(folder-opened) Browse… | no other article is open or in the workspace']);
  });

  it('says what happened when one article is picked twice', () => {
    assert.strictEqual(samePickMessage('harbour-wire.txt'), '“harbour-wire.txt” was picked twice: pick two different articles to compare.');
  });
});
