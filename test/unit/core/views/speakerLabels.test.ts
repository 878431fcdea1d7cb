import * as assert from 'assert';
import type { Quote } from '../../../../src/core/model';
import { beforeOpeningMark, speakerLabels } from '../../../../src/core/views/speakerLabels';
import { cleanAliases } from '../../../../src/core/views/aliases';

const quoteAt = (text: string, words: string, id: number, statement: number, speaker: string | null): Quote => {
  const start = text.indexOf(words);
  return { id, range: [start, start + words.length], text: words, statement, speaker: speaker ? { speaker: 0, name: speaker, range: [0, 1], cue: { kind: 'verb', range: null } } : null };
};

describe('speakerLabels', () => {
  it('stands before the opening mark, whatever the mark', () => {
    const cases: [string, string][] = [
      ['He said “yes” then.', 'He said '], ['He said "yes" then.', 'He said '], ["He said ''yes'' then.", 'He said '],
      ['Il a dit « yes » ici.', 'Il a dit '], ['He said ‘yes’ then.', 'He said '], ['no mark yes', 'no mark '],
    ];
    for (const [text, before] of cases) assert.strictEqual(text.slice(0, beforeOpeningMark(text, text.indexOf('yes'))), before, text);
  });

  it('names the same speaker once in a paragraph, and again in the next one or for another speaker', () => {
    const text = 'She called it “a slow closure” and said “we will return”.\n“Later,” she said, and he said “no”.';
    const speaker = (id: number, name: string) => ({ speaker: id, name, range: [0, 1] as [number, number], cue: { kind: 'verb' as const, range: null } });
    const at = (words: string, id: number, statement: number, who: ReturnType<typeof speaker>): Quote => ({ ...quoteAt(text, words, id, statement, null), speaker: who });
    const ann = speaker(0, 'Ann Lee');
    const quotes = [at('a slow closure', 0, 0, ann), at('we will return', 1, 1, ann), at('Later,', 2, 2, ann), at('no', 3, 3, speaker(1, 'Bo Li'))];
    assert.deepStrictEqual(speakerLabels(quotes, text).map((label) => [label.quoteId, label.name]), [[0, 'Ann Lee'], [2, 'Ann Lee'], [3, 'Bo Li']]);
  });

  it('labels each statement once, at its first segment, and leaves quotes with no speaker unlabelled', () => {
    const text = '“One,” she said.\n“Two.\n\n“Three.” Then “four” came. ';
    const quotes = [quoteAt(text, 'One,', 0, 0, 'Ann Lee'), quoteAt(text, 'Two.', 1, 1, 'Ann Lee'), quoteAt(text, 'Three.', 2, 1, 'Ann Lee'), quoteAt(text, 'four', 3, 2, null)];
    const labels = speakerLabels(quotes, text);
    assert.deepStrictEqual(labels.map((label) => [label.quoteId, label.name, text.slice(label.offset, label.offset + 2)]), [[0, 'Ann Lee', '“O'], [1, 'Ann Lee', '“T']]);
  });
});

describe('aliases.cleanAliases', () => {
  it('drops possessives, the name itself, titles and repeats', () => {
    assert.deepStrictEqual(cleanAliases('Dominic Raab', ['Mr Raab', 'the foreign secretary', "Mr Raab's"], ['UK Foreign Secretary']), ['Mr Raab', 'the foreign secretary']);
    assert.deepStrictEqual(cleanAliases('world’s leading democracies', ['the world’s leading democracies']), []);
    assert.deepStrictEqual(cleanAliases('Wang Yi', ['Mr Wang', 'the Chinese foreign minister'], ["China's foreign minister"]), ['Mr Wang', 'the Chinese foreign minister']);
    assert.deepStrictEqual(cleanAliases('Ann Lee', ['Ms Lee’s', 'MS LEE', 'the mayor', 'Ann Lee'], ['Mayor']), ['Ms Lee'], 'an alias that is a title (up to "the") is the title');
    assert.deepStrictEqual(cleanAliases('the Joneses', ['the Joneses’']), []);
  });
});
