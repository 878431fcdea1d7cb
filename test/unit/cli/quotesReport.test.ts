import * as assert from 'assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli as run } from './runCli';

const FIXTURES = path.join(__dirname, '../../fixtures/quotes');
const A = path.join(FIXTURES, 'harbour-a.txt');
const B = path.join(FIXTURES, 'harbour-b.txt');

describe('compare-sources quotes', () => {
  it('prints each quotation with its segments, speaker mention and cue as JSON, options before or after the file', () => {
    const text = fs.readFileSync(B, 'utf8');
    const after = run('quotes', B, '--json');
    const before = run('quotes', '--json', B);
    assert.strictEqual(after.code, 0, after.stderr);
    assert.strictEqual(before.stdout, after.stdout);
    type Quotation = { start: number; end: number; text: string; statement: number; segments: Array<[number, number]>; speaker: { name: string; start: number; end: number; cue: { kind: string; start?: number; end?: number } } | null };
    const { quotes } = JSON.parse(after.stdout) as { quotes: Quotation[] };
    // Ten segments, two pairs of them statements over two paragraphs: eight quotations.
    assert.strictEqual(quotes.length, 8);
    for (const q of quotes) {
      assert.deepStrictEqual(Object.keys(q), ['start', 'end', 'text', 'statement', 'segments', 'speaker']);
      assert.strictEqual(text.slice(q.start, q.end), q.text);
      assert.strictEqual(q.segments[0][0], q.start);
      assert.strictEqual(q.segments[q.segments.length - 1][1], q.end);
    }
    const no = quotes.find((q) => q.text === 'No.');
    assert.ok(no?.speaker);
    assert.strictEqual(no.speaker.name, 'Elena Marsh');
    assert.strictEqual(text.slice(no.speaker.start, no.speaker.end), 'the minister');
    assert.strictEqual(no.speaker.cue.kind, 'verb');
    assert.strictEqual(text.slice(no.speaker.cue.start, no.speaker.cue.end), 'replied');
    const tweet = quotes.filter((q) => q.speaker?.name === 'union');
    assert.strictEqual(tweet.length, 1);
    assert.strictEqual(tweet[0].segments.length, 2);
    assert.match(tweet[0].text, /\n/);
  });

  it('prints a readable list without --json', () => {
    const { code, stdout } = run('quotes', A);
    assert.strictEqual(code, 0);
    assert.match(stdout, /^7 quotes from 3 speakers in /);
    assert.match(stdout, /harbour-a\.txt:7:2 \[statement 2\] Elena Marsh \(“she” at /);
    assert.match(stdout, /scare: “rescue package”/);
  });

  it('adds speakers, quote pairs, misquotes and conflicts to the compare report and its JSON', () => {
    const report = run('compare', A, B);
    assert.strictEqual(report.code, 0, report.stderr);
    assert.match(report.stdout, /Elena Marsh \(Harbour Minister; [^)]*\): 5 in .*harbour-a\.txt, 5 in .*harbour-b\.txt/);
    assert.match(report.stdout, /6 quote pairs in both articles: 1 altered \(possible misquote\), 1 attribution conflict/);
    assert.match(report.stdout, /\[-food-\]\{\+bread\+\}/);
    assert.match(report.stdout, /CONFLICT: identical .*\n {2}A \(Port managers\): “back to the cranes”\n {2}B \(Tomas Reyes\)/);
    const json = JSON.parse(run('compare', A, B, '--json').stdout);
    assert.strictEqual(json.a.quotes.length, 7);
    assert.strictEqual(json.speakers[0].name, 'Elena Marsh');
    assert.strictEqual(json.quoteMatches.filter((m: { conflict: boolean }) => m.conflict).length, 1);
  });
});
