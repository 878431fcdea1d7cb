import * as assert from 'assert';
import { buildReport, utcMinute, utf8Length } from '../../../../../src/core/views/report/content';
import { find, fixtureComparison, TEXT_A, TEXT_B } from '../../../comparisonFixture';

const input = () => ({ comparison: fixtureComparison(), texts: { a: TEXT_A, b: TEXT_B }, createdAt: new Date('2025-05-01T09:30:59Z') });

describe('report content', () => {
  it('lists the documents with their size, words, quotes and share found in the other', () => {
    const report = buildReport({ ...input(), bytes: { a: 5000 } });
    assert.deepStrictEqual(report.documents.map((document) => [document.label, document.name, document.size, document.quotes, document.found.percent, document.found.in]), [
      ['A', 'a.txt', '4.9 KB (5000 bytes)', 3, '25%', [1]],
      ['B', 'b.txt', `${utf8Length(TEXT_B)} bytes`, 2, '25%', [0]],
    ]);
    assert.strictEqual(report.subject, 'a.txt ↔ b.txt');
    assert.strictEqual(report.createdAt, '2025-05-01 09:30 UTC');
    assert.deepStrictEqual(report.settings, [{ name: 'Shortest shared passage', value: '4 words' }]);
  });

  it('gives every passage its place in each file and its words', () => {
    const [passage] = buildReport(input()).passages;
    assert.deepStrictEqual(passage.places.map((place) => place.text), [`a.txt:1:${find(TEXT_A, 'The ferry')[0] + 1}`, `b.txt:1:${find(TEXT_B, 'the ferry')[0] + 1}`]);
    assert.deepStrictEqual(passage.runs, [{ text: 'The ferry runs again from June' }]);
    assert.strictEqual(passage.description, 'identical, 6 words');
  });

  it('gives every quote its speaker, the words the attribution rests on and how it stands in the other article', () => {
    const report = buildReport(input());
    assert.deepStrictEqual(report.quotes[0].map((quote) => [quote.text, quote.speaker, quote.attribution?.words ?? null, quote.badge, quote.standing]), [
      ['we will rebuild the pier by spring', 'Ann Lee', 'The mayor', 'altered', 'Altered in b.txt (1 difference)'],
      ['nobody asked us', 'A resident', 'A resident', 'attribution conflict', 'Quoted word for word in b.txt'],
      ['a stunt', null, null, 'only here', 'Not quoted in b.txt'],
    ]);
    assert.strictEqual(report.quotes[1][0].place.text, `b.txt:1:${find(TEXT_B, 'We will rebuild')[0] + 1}`);
  });

  it('lists altered quotes with their word differences and conflicts with their evidence', () => {
    const report = buildReport(input());
    assert.deepStrictEqual(report.altered.map((pair) => pair.differences), [[['spring', 'summer']]]);
    assert.strictEqual(report.conflicts.length, 1);
    const [conflict] = report.conflicts;
    assert.strictEqual(conflict.sentence, 'a.txt gives these words to A resident, b.txt to Jo Park.');
    assert.deepStrictEqual(conflict.quotes.map((quote) => [quote.document, quote.attribution?.words, quote.attribution?.place.text]), [
      [0, 'A resident', `a.txt:1:${find(TEXT_A, 'A resident')[0] + 1}`],
      [1, 'Jo Park', `b.txt:1:${find(TEXT_B, 'Jo Park')[0] + 1}`],
    ]);
    assert.deepStrictEqual(report.pairs.map((pair) => [pair.number, pair.label, pair.conflict]), [[1, 'altered', false], [2, 'identical', true]]);
  });

  it('has the view\'s figures and the Speakers view\'s speakers, the unattributed quotes last', () => {
    const report = buildReport(input());
    assert.deepStrictEqual(report.summary.map((item) => item.text), ['25% of a.txt is found in b.txt', '25% of b.txt is found in a.txt', '1 shared passage (identical)', '2 quotes in both articles, 1 altered', '1 attribution conflict']);
    assert.deepStrictEqual(report.speakers.map((speaker) => [speaker.name, speaker.quotes.map((quotes) => quotes.length)]), [
      ['Ann Lee', [1, 1]], ['Jo Park', [0, 1]], ['A resident', [1, 0]], ['No speaker found', [1, 0]],
    ]);
    assert.deepStrictEqual(report.speakers[0].titles, ['Mayor']);
  });

  it('counts UTF-8 bytes as an encoder writes them, and prints times in UTC to the minute', () => {
    assert.strictEqual(utf8Length('aé€😀'), 1 + 2 + 3 + 4);
    assert.strictEqual(utf8Length('\ud800x'), 3 + 1);
    assert.strictEqual(utf8Length(''), 0);
    assert.strictEqual(utcMinute(new Date('2024-12-31T23:05:00-02:00')), '2025-01-01 01:05 UTC');
  });
});
