import * as assert from 'assert';
import { analyzeQuotes } from '../../../../src/core/quotes/attribution';
import type { Speaker } from '../../../../src/core/model';
import { mergeSpeakers, mergeSpeakersOfMany, sameSpeaker } from '../../../../src/core/quotes/speakerMerge';

const speaker = (name: string, kind: Speaker['kind'] = 'person', aliases: string[] = []): Speaker =>
  ({ id: 0, name, kind, aliases, titles: [], quotes: { a: [], b: [] } });

describe('sameSpeaker', () => {
  it('matches the ways news copy varies a person’s name', () => {
    assert.ok(sameSpeaker(speaker('Dana Brook'), speaker('Brook')));
    assert.ok(sameSpeaker(speaker('Dana Brook'), speaker('Ms Brook')));
    assert.ok(sameSpeaker(speaker('Lin Wei'), speaker('Lin')), 'a family name written first');
    assert.ok(sameSpeaker(speaker('the minister', 'person', ['Dana Brook']), speaker('Dana Brook')));
  });

  it('keeps different people and bodies apart', () => {
    assert.ok(!sameSpeaker(speaker('Dana Brook'), speaker('Sam Brook')), 'same surname, other first name');
    assert.ok(!sameSpeaker(speaker('Brook Street', 'organisation'), speaker('Brook')));
    assert.ok(!sameSpeaker(speaker('harbour board', 'organisation'), speaker('port board', 'organisation')));
    assert.ok(sameSpeaker(speaker('the harbour board', 'organisation'), speaker('Harbour board', 'organisation')));
    assert.ok(!sameSpeaker(speaker('he'), speaker('he')), 'two unresolved pronouns are nobody in particular');
  });
});

describe('mergeSpeakers', () => {
  const a = analyzeQuotes('Harbour Minister Elena Marsh said: “We will act.”\n\nUnion leader Tomas Reyes said it was “far too late”.');
  const b = analyzeQuotes('“Talks go on,” said the port board.\n\n“We will act,” Ms Marsh said.');
  const merged = mergeSpeakers(a, b);

  it('lists the same person once, speakers quoted in both articles first', () => {
    assert.deepStrictEqual(merged.speakers.map((s) => [s.name, s.quotes]), [
      ['Elena Marsh', { a: [0], b: [1] }],
      ['Tomas Reyes', { a: [1], b: [] }],
      ['port board', { a: [], b: [0] }],
    ]);
    assert.deepStrictEqual(merged.speakers.map((s) => s.id), [0, 1, 2]);
    assert.ok(merged.speakers[0].aliases.includes('Ms Marsh'));
    assert.deepStrictEqual(merged.speakers[0].titles, ['Harbour Minister']);
  });

  it('renumbers every quote’s speaker to the merged list', () => {
    assert.deepStrictEqual(merged.quotes.a.map((q) => q.speaker?.speaker), [0, 1]);
    assert.deepStrictEqual(merged.quotes.b.map((q) => [q.speaker?.speaker, q.speaker?.name]), [[2, 'port board'], [0, 'Elena Marsh']]);
    // The mention ranges stay those of each article.
    assert.deepStrictEqual(merged.quotes.b[1].speaker?.range, b.quotes[1].speaker?.range);
  });
});

describe('mergeSpeakersOfMany', () => {
  const articles = [
    analyzeQuotes('Harbour Minister Elena Marsh said: “We will act.”\n\nUnion leader Tomas Reyes said it was “far too late”.'),
    analyzeQuotes('“Talks go on,” said the port board.\n\n“We will act,” Ms Marsh said.'),
    analyzeQuotes('“Nothing has changed,” Reyes said.\n\nMarsh said: “We will act now.” “Really,” she added.'),
    analyzeQuotes('“We will act,” said Sam Marsh, her brother.'),
  ];
  const { speakers, ids } = mergeSpeakersOfMany(articles);

  it('lists a speaker once however each article names them, those quoted in most articles first', () => {
    assert.deepStrictEqual(speakers.map((s) => [s.name, s.quotes]), [
      ['Elena Marsh', [[0], [1], [1, 2], []]],
      ['Tomas Reyes', [[1], [], [0], []]],
      ['port board', [[], [0], [], []]],
      ['Sam Marsh', [[], [], [], [0]]],
    ]);
    assert.ok(speakers[0].aliases.includes('Ms Marsh') && speakers[0].aliases.includes('Marsh'));
  });

  it('maps each article\'s own speaker ids into the list', () => {
    articles.forEach((article, d) => {
      for (const s of article.speakers) assert.ok(speakers[ids[d][s.id]].quotes[d].every((q) => article.quotes[q].speaker?.speaker === s.id));
    });
  });

  it('merges two articles as mergeSpeakers does', () => {
    const pair = mergeSpeakers(articles[0], articles[1]);
    const many = mergeSpeakersOfMany(articles.slice(0, 2));
    assert.deepStrictEqual(many.speakers.map((s) => [s.name, s.kind, s.aliases, s.titles, s.quotes]), pair.speakers.map((s) => [s.name, s.kind, s.aliases, s.titles, [s.quotes.a, s.quotes.b]]));
  });
});
