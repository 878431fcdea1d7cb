// The attribution-conflict rule: the same words given to different speakers in the two articles,
// where neither article also gives them to the other's speaker; never raised against a copy.
import * as assert from 'assert';
import fc from 'fast-check';
import { compareTexts } from '../../../../../src/core/compare';
import type { Comparison } from '../../../../../src/core/model';
import { fuzzParameters } from '../../../fuzz/hostileText';
import { restyle } from '../../../fuzz/restyle';

const compare = (a: string, b: string): Comparison => compareTexts({ name: 'a.txt', text: a }, { name: 'b.txt', text: b });

const conflictsOf = (c: Comparison): Array<[string, string, string]> =>
  c.quoteMatches.filter((m) => m.conflict).map((m) => [c.a.quotes[m.a].text, c.a.quotes[m.a].speaker?.name ?? '', c.b.quotes[m.b].speaker?.name ?? '']);

describe('attribution conflicts', () => {
  it('flags the same words given to different people, with both attributions and their cues as evidence', () => {
    const a = 'Ann Lee runs the port.\n\n“The harbour will reopen in May,” Ann Lee said.';
    const b = 'Joe Hart spoke at the pier.\n\n“The harbour will reopen in May,” said Joe Hart.';
    const c = compare(a, b);
    assert.deepStrictEqual(conflictsOf(c), [['The harbour will reopen in May,', 'Ann Lee', 'Joe Hart']]);
    assert.strictEqual(c.conflicts.length, 1);
    const [evidence] = c.conflicts;
    assert.strictEqual(c.quoteMatches[evidence.match].conflict, true);
    assert.deepStrictEqual([a.slice(...evidence.a.range), evidence.a.cue.kind, a.slice(...(evidence.a.cue.range ?? [0, 0]))], ['Ann Lee', 'verb', 'said']);
    assert.deepStrictEqual([b.slice(...evidence.b.range), evidence.b.cue.kind, b.slice(...(evidence.b.cue.range ?? [0, 0]))], ['Joe Hart', 'verb', 'said']);
    assert.strictEqual(evidence.a.quote, c.quoteMatches[evidence.match].a);
  });

  it('raises none where an article also gives the words to the other article’s speaker', () => {
    // A puts `deeply concerned` in the ministers' mouths and again in Lee's statement; B only in Lee's.
    const a = 'The ministers said they were “deeply concerned” by the closure.\n\n“We are deeply concerned by the closure of the port,” Ann Lee said.';
    const b = '“We are deeply concerned by the closure of the port,” Ann Lee said on Monday.';
    const c = compare(a, b);
    assert.ok(c.quoteMatches.some((m) => c.a.quotes[m.a].text === 'deeply concerned'), 'the short quote is paired');
    assert.deepStrictEqual(conflictsOf(c), []);
    assert.deepStrictEqual(conflictsOf(compare(b, a)), []);
  });

  it('raises none for a speaker that is an unresolved pronoun', () => {
    const c = compare('“We will not sell the pier,” he said.', '“We will not sell the pier,” Ann Lee said.');
    assert.strictEqual(c.quoteMatches.length, 1);
    assert.deepStrictEqual(conflictsOf(c), []);
  });

  it('matches a quote with its own copy however many other quotes share its words', () => {
    const phrases = ['the pier will close', 'the budget is gone', 'a fair deal for the town'];
    const paragraphs: string[] = [];
    for (const x of phrases) for (const y of phrases) paragraphs.push(`"${x[0].toUpperCase()}${x.slice(1)}, and ${y}," Ann Lee said.`);
    const text = paragraphs.join('\n\n');
    const c = compare(text, text);
    const identical = new Set(c.quoteMatches.filter((m) => m.kind === 'identical' && c.a.quotes[m.a].text === c.b.quotes[m.b].text).map((m) => m.a));
    assert.strictEqual(c.a.quotes.length, 9);
    assert.deepStrictEqual(c.a.quotes.filter((q) => !identical.has(q.id)).map((q) => q.text), []);
  });

  it('reports no altered pair for a quote that has an identical partner', () => {
    const text = '“Are we where we need to be? Probably not,” Ann Lee said.\n\n“Are we going to get to where we need to be? Absolutely,” she added.';
    const c = compare(text, text);
    assert.deepStrictEqual(c.quoteMatches.map((m) => m.kind), ['identical', 'identical']);
  });
});

const NAMES = ['Ann Lee', 'Joe Hart', 'Ruth Okafor', 'Sam Patel', 'the harbour master', 'a council spokesperson', 'she', 'they'];
const CUES = ['said', 'added', 'told reporters', 'insisted', 'warned'];
const PHRASES = ['the pier will close', 'we are deeply concerned', 'nobody asked us', 'a fair deal for the town', 'not one more ferry', 'the budget is gone'];

/** One paragraph of news copy in straight or curly marks, its quotes attributed in the usual ways. */
const paragraph: fc.Arbitrary<string> = fc.tuple(
  fc.constantFrom('after', 'before', 'partial', 'two', 'open', 'plain', 'inverted'),
  fc.constantFrom(...NAMES), fc.constantFrom(...NAMES), fc.constantFrom(...CUES),
  fc.constantFrom(...PHRASES), fc.constantFrom(...PHRASES), fc.boolean(),
).map(([shape, who, other, cue, phrase, second, curly]) => {
  const [open, close] = curly ? ['“', '”'] : ['"', '"'];
  const Who = who[0].toUpperCase() + who.slice(1);
  const Phrase = phrase[0].toUpperCase() + phrase.slice(1);
  switch (shape) {
    case 'after': return `${open}${Phrase}, and ${second},${close} ${who} ${cue}.`;
    case 'before': return `${Who} ${cue}: ${open}${Phrase}. ${second[0].toUpperCase()}${second.slice(1)}.${close}`;
    case 'partial': return `${Who} ${cue} that ${phrase} was ${open}${second}${close} and ${other} disagreed.`;
    case 'two': return `${open}${Phrase},${close} ${who} ${cue}. ${open}${second[0].toUpperCase()}${second.slice(1)}.${close}`;
    case 'open': return `${open}${Phrase}, and ${second}.`;
    case 'inverted': return `${open}${Phrase},${close} said ${other === 'she' || other === 'they' ? 'Ann Lee' : other}.`;
    default: return `${Who} met ${other} on Monday. The ${phrase.split(' ').pop()} was on the agenda.`;
  }
});

const article = fc.array(paragraph, { minLength: 1, maxLength: 12 }).map((paragraphs) => paragraphs.join('\n\n'));

describe('attribution conflicts: properties', function () {
  this.timeout(0);

  it('finds no conflict and no altered quote between an article and itself or its restyled copy, every quote identical', () => {
    fc.assert(fc.property(article, (text) => {
      for (const copy of [text, restyle(text)]) {
        const c = compare(text, copy);
        assert.deepStrictEqual(conflictsOf(c), [], copy);
        assert.deepStrictEqual(c.conflicts, []);
        assert.ok(!c.quoteMatches.some((m) => m.kind === 'altered'), `altered quote in ${JSON.stringify(copy)}`);
        assert.strictEqual(c.b.quotes.length, c.a.quotes.length, copy);
        const identical = new Set(c.quoteMatches.filter((m) => m.kind === 'identical').map((m) => m.a));
        // A one-word quote pairs with nothing (see pairingRules): every other quote has its identical twin.
        for (const q of c.a.quotes) if (/\s/u.test(q.text.trim())) assert.ok(identical.has(q.id), `${JSON.stringify(q.text)} not matched identical in ${JSON.stringify(copy)}`);
      }
    }), fuzzParameters(300));
  });

  it('flags a conflict only when the articles give the words to different named speakers and neither also gives them to the other', () => {
    fc.assert(fc.property(article, article, (a, b) => {
      const c = compare(a, b);
      assert.strictEqual(c.conflicts.length, c.quoteMatches.filter((m) => m.conflict).length);
      for (const evidence of c.conflicts) {
        const match = c.quoteMatches[evidence.match];
        assert.ok(match.conflict);
        assert.notStrictEqual(evidence.a.speaker, evidence.b.speaker);
        assert.ok(!/^(?:he|she|they|it|we|i)$/iu.test(evidence.a.name) && !/^(?:he|she|they|it|we|i)$/iu.test(evidence.b.name));
        // Neither article also gives these words to the other's speaker through another pair.
        for (const other of c.quoteMatches) {
          if (other.b === match.b && other !== match) assert.notStrictEqual(c.a.quotes[other.a].speaker?.speaker, evidence.b.speaker);
          if (other.a === match.a && other !== match) assert.notStrictEqual(c.b.quotes[other.b].speaker?.speaker, evidence.a.speaker);
        }
        assert.strictEqual(a.slice(...evidence.a.range), a.slice(...(c.a.quotes[evidence.a.quote].speaker?.range ?? [0, 0])));
      }
    }), fuzzParameters(200));
  });
});
