import * as assert from 'assert';
import { analyzeQuotes, attributeQuotes, ruleSpeech, type SpeechDecision } from '../../../../src/core/quotes/attribution';
import { extractQuotedRegions } from '../../../../src/core/quotes/quotedRegions';
import fc from 'fast-check';
import { DOUBT_MARGIN, modelWeighs, persons, SPEECH_FEATURES, SPEECH_MARGIN } from '../../../../src/core/quotes/speechModel';
import { SPEECH_WEIGHTS } from '../../../../src/core/quotes/speechWeights';

/** Every lone quotation the analysis asks about on `text`, answered by the rules. */
function decisions(text: string): SpeechDecision[] {
  const out: SpeechDecision[] = [];
  attributeQuotes(text, extractQuotedRegions(text), undefined, (decision) => {
    out.push(decision);
    return ruleSpeech(decision);
  });
  return out;
}

const quoted = (doc: ReturnType<typeof analyzeQuotes>): string[] => doc.quotes.map((q) => q.text);
const feature = (name: string): number => SPEECH_FEATURES.indexOf(name);

describe('speech model', () => {
  it('has one weight per feature (retrain with scripts/model/speech.mjs --write after changing the features)', () => {
    assert.strictEqual(SPEECH_WEIGHTS.length, SPEECH_FEATURES.length);
    assert.ok(SPEECH_WEIGHTS.every(Number.isFinite));
  });

  it('takes back a partial quote that the rules read as a scare quote: `blamed the closure on “knuckleheaded …”`', () => {
    const text = 'Ms Doe blamed the closure on “knuckleheaded state politicians.”';
    const [decision] = decisions(text);
    assert.deepStrictEqual(decision.reading, { kind: 'scare', rule: 'short' });
    assert.ok(decision.score(SPEECH_WEIGHTS) >= SPEECH_MARGIN, `score ${decision.score(SPEECH_WEIGHTS)}`);
    const rules = attributeQuotes(text, extractQuotedRegions(text), undefined, ruleSpeech);
    assert.deepStrictEqual(quoted(rules), []);
    assert.deepStrictEqual(rules.nonSpeech.map((n) => text.slice(n.range[0], n.range[1])), ['knuckleheaded state politicians.']);
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(quoted(doc), ['knuckleheaded state politicians.']);
    assert.deepStrictEqual(doc.nonSpeech, []);
    assert.strictEqual(doc.quotes[0].speaker?.name, 'Ms Doe');
  });

  it('reads a quotation\'s person from its words in any case, curly apostrophes too', () => {
    const person = (quotation: string): [number, number] => {
      const [decision] = decisions(`Ms Doe had “${quotation}” in mind.`);
      const features = decision.features();
      return [features[feature('first-person')], features[feature('second-person')]];
    };
    assert.deepStrictEqual(person('the plan works'), [0, 0]);
    assert.deepStrictEqual(person('WE will win'), [1, 0]);
    assert.deepStrictEqual(person('I’ve had it'), [1, 0]);
    assert.deepStrictEqual(person("i'd go"), [1, 0]);
    assert.deepStrictEqual(person('Yourself first'), [0, 1]);
    assert.deepStrictEqual(person('ours and Yours'), [1, 1]);
    assert.deepStrictEqual(person('the İ and Kelvin signs'), [0, 0]);
    assert.deepStrictEqual(person('Mine, said the owl'), [1, 0]);
  });

  it('leaves a scare quote with no one to own it a scare quote', () => {
    const text = 'The ferry, a “floating ruin” by some accounts, sailed on.';
    assert.deepStrictEqual(quoted(analyzeQuotes(text)), []);
  });

  it('never takes back what the writer names a title, and never drops cued speech', () => {
    const text = 'The council released a memo titled "Why the ferry must stop. And what comes next."\n\nMs Doe called the memo “overdue.”';
    const [titled, partial] = decisions(text);
    assert.deepStrictEqual(titled.reading, { kind: 'title', rule: 'named' });
    assert.strictEqual(modelWeighs(titled.reading), false);
    assert.deepStrictEqual(partial.reading, { kind: 'speech', rule: 'cued' });
    assert.strictEqual(modelWeighs(partial.reading), false);
    assert.deepStrictEqual(quoted(analyzeQuotes(text)), ['overdue.']);
  });

  it('drops uncued “speech” that reads as a title: `“Ferry is the New Bus” star Jane Doe`', () => {
    const text = '“Ferry is the New Bus” star Jane Doe opened up about her childhood in the town.';
    const [decision] = decisions(text);
    assert.deepStrictEqual(decision.reading, { kind: 'speech', rule: 'uncued' });
    assert.strictEqual(modelWeighs(decision.reading), true);
    assert.ok(decision.score(SPEECH_WEIGHTS) < DOUBT_MARGIN, `score ${decision.score(SPEECH_WEIGHTS)}`);
    assert.deepStrictEqual(quoted(attributeQuotes(text, extractQuotedRegions(text), undefined, ruleSpeech)), ['Ferry is the New Bus']);
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(quoted(doc), []);
    assert.deepStrictEqual(doc.nonSpeech.map((n) => [text.slice(n.range[0], n.range[1]), n.kind]), [['Ferry is the New Bus', 'scare']]);
  });

  it('keeps an uncued sentence of speech: a paragraph that is one quotation', () => {
    const text = '"We will keep the ferry running."\n\nThe mayor spoke at the harbour on Monday.';
    const [decision] = decisions(text);
    assert.deepStrictEqual(decision.reading, { kind: 'speech', rule: 'uncued' });
    assert.ok(decision.score(SPEECH_WEIGHTS) >= DOUBT_MARGIN, `score ${decision.score(SPEECH_WEIGHTS)}`);
    assert.deepStrictEqual(quoted(analyzeQuotes(text)), ['We will keep the ferry running.']);
  });

  it('scores as its features say, and a decider with other weights decides otherwise', () => {
    const text = 'Mr Cruz blamed the closure of the plant on “knuckleheaded state politicians.”';
    const [decision] = decisions(text);
    const features = decision.features();
    const weights = SPEECH_FEATURES.map((_, k) => ((k * 7919) % 13) / 13 - 0.5);
    assert.ok(Math.abs(decision.score(weights) - features.reduce((sum, x, k) => sum + x * weights[k], 0)) < 1e-12);
    assert.strictEqual(features[feature('bias')], 1);
    assert.strictEqual(features[feature('rule:short')], 1);
    assert.strictEqual(features[feature('subject:person')], 1);
    assert.strictEqual(features[feature('end:stop')], 1);
    assert.strictEqual(features[feature('title-case')], 0);
    // Weights that count a person as the sentence's subject as speech take the quotation back.
    const personWeights = SPEECH_FEATURES.map((name) => (name === 'subject:person' ? 1 : 0));
    const doc = attributeQuotes(text, extractQuotedRegions(text), undefined, (d) => d.reading.kind === 'speech' || d.score(personWeights) > 0);
    assert.deepStrictEqual(doc.quotes.map((q) => [q.text, q.speaker?.name]), [['knuckleheaded state politicians.', 'Mr Cruz']]);
  });
});

describe('persons', () => {
  /** The definition: each word (a run of letters and apostrophes) lower-cased, its curly apostrophes straightened, looked up. */
  function personsByWord(content: string): number {
    let first = 0;
    let second = 0;
    for (const [raw] of content.matchAll(/[\p{L}’']+/gu)) {
      const w = raw.toLowerCase().replace(/’/g, "'");
      if (['i', 'me', 'my', 'mine', 'we', 'us', 'our', 'ours', 'myself', 'ourselves'].includes(w) || w.startsWith("i'")) first = 1;
      else if (['you', 'your', 'yours', 'yourself'].includes(w)) second = 1;
    }
    return first | (second << 1);
  }

  it('finds the persons that lower-casing each word finds, on any text (property)', () => {
    const pieces = ['i', 'I', 'me', 'ME', 'My', 'mine', 'we', 'We', 'us', 'US', 'our', 'Ours', 'myself', 'ourselves', 'you', 'YOU', 'your', 'Yours', 'yourself',
      "'", '’', "I'm", 'I’ve', 'İ', 'ı', 'K', 'ſ', 'é', 'e\u0301', '𝐀', '7', ' ', '.', '-', 'a', 's', 'ing', 'Mi', 'yo'];
    fc.assert(fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
      const content = parts.join('');
      assert.strictEqual(persons(content), personsByWord(content), JSON.stringify(content));
    }), { numRuns: 3000, seed: 29 });
  });
});
