import * as assert from 'assert';
import { lineBreakStyle } from '../../../../src/core/views/paragraphs';

const paragraph = (n: number) => `Paragraph ${n} runs on for a while, as paragraphs of news copy do, well past a hundred characters in all, to the end.`;

describe('paragraphs.lineBreakStyle', () => {
  it('reads one paragraph per line when there are no blank lines (seed 000, harbour-herald)', () => {
    assert.strictEqual(lineBreakStyle([1, 2, 3].map(paragraph).join('\n')), 'paragraph-per-line');
    assert.strictEqual(lineBreakStyle([1, 2, 3].map(paragraph).join('\r\n')), 'paragraph-per-line');
  });

  it('reads blank lines as the paragraph breaks when they are the usual separator (harbour-wire)', () => {
    assert.strictEqual(lineBreakStyle([1, 2, 3].map(paragraph).join('\n\n')), 'blank-line-paragraphs');
    assert.strictEqual(lineBreakStyle([1, 2, 3].map(paragraph).join('\r\n \r\n')), 'blank-line-paragraphs');
  });

  it('reads a headline set off by one blank line above one-line paragraphs as one paragraph per line', () => {
    assert.strictEqual(lineBreakStyle(`Headline\n\n${[1, 2, 3, 4].map(paragraph).join('\n')}`), 'paragraph-per-line');
  });

  it('reads hand-wrapped text with blank lines between paragraphs as blank-line paragraphs', () => {
    const wrapped = Array.from({ length: 3 }, () => 'a line wrapped by hand at about seventy characters, as in e-mail\n'.repeat(4)).join('\n');
    assert.strictEqual(lineBreakStyle(wrapped), 'blank-line-paragraphs');
  });

  it('handles an empty text and a single line', () => {
    assert.strictEqual(lineBreakStyle(''), 'paragraph-per-line');
    assert.strictEqual(lineBreakStyle('one line'), 'paragraph-per-line');
  });
});
