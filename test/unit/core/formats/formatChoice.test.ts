import * as assert from 'assert';
import { formatFromFileName, formatFromLanguageId, parseInputFormatChoice, resolveInputFormat } from '../../../../src/core/formats/formatChoice';

describe('formats/formatChoice', () => {
  it('reads the format from the file extension, case-insensitively, and anything else as plain text', () => {
    assert.strictEqual(formatFromFileName('/news/Story.HTML'), 'html');
    assert.strictEqual(formatFromFileName('C:\\saved\\page.htm'), 'html');
    assert.strictEqual(formatFromFileName('notes.md'), 'markdown');
    assert.strictEqual(formatFromFileName('notes.markdown'), 'markdown');
    assert.strictEqual(formatFromFileName('article.txt'), 'text');
    assert.strictEqual(formatFromFileName('README'), 'text');
    assert.strictEqual(formatFromFileName('.md'), 'text', 'a dot file named md has no extension');
    assert.strictEqual(formatFromFileName('dir.html/article'), 'text');
  });

  it('prefers the editor language over the extension, and a forced choice over both', () => {
    assert.strictEqual(resolveInputFormat('auto', { languageId: 'plaintext', fileName: 'page.html' }), 'text');
    assert.strictEqual(resolveInputFormat('auto', { languageId: 'html', fileName: 'untitled-1' }), 'html');
    assert.strictEqual(resolveInputFormat('auto', { languageId: 'xml', fileName: 'page.html' }), 'html', 'a language not ours falls back to the extension');
    assert.strictEqual(resolveInputFormat('markdown', { languageId: 'html', fileName: 'page.html' }), 'markdown');
    assert.strictEqual(resolveInputFormat('auto', {}), 'text');
    assert.strictEqual(formatFromLanguageId(undefined), undefined);
  });

  it('never looks at the content: a .txt full of tags stays plain text', () => {
    assert.strictEqual(resolveInputFormat('auto', { fileName: 'tags.txt' }), 'text');
  });

  it('accepts only the known choices', () => {
    assert.strictEqual(parseInputFormatChoice('html'), 'html');
    assert.strictEqual(parseInputFormatChoice('auto'), 'auto');
    assert.strictEqual(parseInputFormatChoice('HTML'), undefined);
    assert.strictEqual(parseInputFormatChoice(3), undefined);
  });
});
