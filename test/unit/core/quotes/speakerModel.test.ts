import * as assert from 'assert';
import { analyzeQuotes, attributeQuotes, ruleChoice, type SpeakerChoice } from '../../../../src/core/quotes/attribution';
import { extractQuotedRegions } from '../../../../src/core/quotes/quotedRegions';
import { highest, SPEAKER_FEATURES } from '../../../../src/core/quotes/speakerModel';
import { SPEAKER_WEIGHTS } from '../../../../src/core/quotes/speakerWeights';

/** Every choice the model is asked to make on `text`, answered as the model answers it. */
function choices(text: string): SpeakerChoice[] {
  const out: SpeakerChoice[] = [];
  attributeQuotes(text, extractQuotedRegions(text), (choice) => {
    out.push(choice);
    return choice.best(SPEAKER_WEIGHTS);
  });
  return out;
}

const speakers = (doc: ReturnType<typeof analyzeQuotes>): Array<string | null> => doc.quotes.map((q) => q.speaker?.name ?? null);

describe('speaker model', () => {
  it('has one weight per feature (retrain with scripts/model/speaker.mjs --write after changing the features)', () => {
    assert.strictEqual(SPEAKER_WEIGHTS.length, SPEAKER_FEATURES.length);
    assert.ok(SPEAKER_WEIGHTS.every(Number.isFinite));
  });

  it('is not asked when a cue in the sentence names the speaker', () => {
    const text = 'Jane Doe leads the council.\n\n“We will win the vote,” said Ms Doe.\n\nMayor Sam Patel said: “The library stays open.”';
    assert.deepStrictEqual(choices(text), []);
    assert.deepStrictEqual(speakers(analyzeQuotes(text)), ['Jane Doe', 'Sam Patel']);
  });

  it('weighs the subject of the sentence before against the previous speaker and other phrases', () => {
    const text = '“We will win the vote,” said Jane Doe.\n\nThe harbour master, Jo Bloggs, spoke to the crowd on Monday. Her deputy was there too. “We will reopen the harbour by spring.”';
    const [choice] = choices(text);
    const sources = choice.candidates.map((c) => c.source);
    assert.ok(sources.includes('carried') && sources.includes('previous-subject'), sources.join(', '));
    assert.strictEqual(choice.candidates[choice.rule].source, 'previous-subject');
    // The model's choice is the candidate with the highest score, and scoring agrees with the features.
    const features = choice.features();
    const scores = features.map((f) => f.reduce((sum, x, k) => sum + x * SPEAKER_WEIGHTS[k], 0));
    assert.strictEqual(choice.best(SPEAKER_WEIGHTS), highest(scores));
    assert.strictEqual(features[choice.rule][SPEAKER_FEATURES.indexOf('rule')], 1);
  });

  it('carries a speaker on past the rules’ reach when nothing else can have spoken', () => {
    const text = [
      '“We will win the vote,” said Jane Doe, the council leader.', 'The vote is due next week.', 'The council has 40 members.',
      'Its last vote was in May.', 'Most of them are new.', '“We have the numbers and we know it.”',
    ].join('\n\n');
    assert.deepStrictEqual(speakers(attributeQuotes(text, extractQuotedRegions(text), ruleChoice)), ['Jane Doe', null]);
    const doc = analyzeQuotes(text);
    assert.deepStrictEqual(speakers(doc), ['Jane Doe', 'Jane Doe']);
    assert.strictEqual(doc.quotes[1].speaker?.cue.kind, 'carried');
  });

  it('scores with weights as the features say: a weight on one feature decides', () => {
    const text = '“We will win the vote,” said Jane Doe.\n\nHer deputy was there too. “We will reopen the harbour by spring.”';
    const [choice] = choices(text);
    const carried = choice.candidates.findIndex((c) => c.source === 'carried');
    const weights = SPEAKER_FEATURES.map((name) => (name === 'source:carried' ? 1 : 0));
    assert.strictEqual(choice.best(weights), carried);
    const subjectWeights = SPEAKER_FEATURES.map((name) => (name === 'source:previous-subject' ? 1 : 0));
    assert.strictEqual(choice.candidates[choice.best(subjectWeights)].source, 'previous-subject');
  });
});
