import * as assert from 'assert';
import type { QuoteMatch } from '../../../../src/core/model';
import { LineIndex } from '../../../../src/core/text/lines';
import { attributionEvidence, conflictEvidenceLines, conflictSentence, countOf, diffMarkup, differenceLines, fileLocation, matchLabel, percent, quoteStanding, speakerWithMention, statusBadge } from '../../../../src/core/views/wording';
import { find, fixtureComparison, TEXT_A, TEXT_B } from '../../comparisonFixture';
import { conflictsByMatch } from '../../../../src/core/views/lookup';

const match = (kind: QuoteMatch['kind'], container?: 'a' | 'b'): QuoteMatch => ({ a: 0, b: 0, kind, conflict: false, differences: [], ...(container ? { container } : {}) });

describe('wording', () => {
  it('says how a quote stands in the other article, from its own side', () => {
    assert.strictEqual(quoteStanding(match('identical'), 'a', 'b.txt'), 'quoted identically in b.txt');
    assert.strictEqual(quoteStanding(match('altered'), 'b', 'a.txt'), 'altered in a.txt');
    assert.strictEqual(quoteStanding(undefined, 'a', 'the other article'), 'not quoted in the other article');
    // A holds the longer quote: A's quote is partly quoted in B, B's quote is part of a longer one in A.
    assert.strictEqual(quoteStanding(match('contained', 'a'), 'a', 'b.txt'), 'partly quoted in b.txt');
    assert.strictEqual(quoteStanding(match('contained', 'a'), 'b', 'a.txt'), 'part of a longer quote in a.txt');
  });

  it('names a match from neither side for the command line, and badges a status for a list row', () => {
    assert.strictEqual(matchLabel(match('contained', 'a')), 'contained (B quotes part of A)');
    assert.strictEqual(matchLabel(match('contained', 'b')), 'contained (A quotes part of B)');
    assert.strictEqual(matchLabel(match('altered')), 'altered');
    assert.strictEqual(statusBadge({ kind: 'altered', conflict: true }), 'altered · conflict');
    assert.strictEqual(statusBadge({ kind: 'identical', conflict: false }), 'identical');
    assert.strictEqual(statusBadge({ kind: 'unmatched', conflict: false }), 'only here');
  });

  it('puts an attribution conflict in one sentence, nobody for a missing speaker', () => {
    assert.strictEqual(conflictSentence({ side: 'a.txt', other: 'b.txt' }, { side: 'Ann Lee', other: undefined }), 'a.txt gives these words to Ann Lee, b.txt to nobody.');
  });

  it('gives a conflict’s evidence: each article, where, to whom, named how and on what cue, the reader’s side first', () => {
    const comparison = fixtureComparison();
    const conflict = conflictsByMatch(comparison).get(comparison.quoteMatches[1]);
    assert.ok(conflict);
    const texts = { a: TEXT_A, b: TEXT_B };
    const lines = { a: new LineIndex(TEXT_A), b: new LineIndex(TEXT_B) };
    const lineOf = (side: 'a' | 'b', offset: number): number => lines[side].positionAt(offset).line;
    assert.deepStrictEqual(conflictEvidenceLines(conflict, 'b', { a: 'a.txt', b: 'b.txt' }, texts, lineOf), [
      'b.txt, line 1: Jo Park, named “Jo Park”, on the cue “said”',
      'a.txt, line 1: A resident, named “A resident”, on the cue “said”',
    ]);
    assert.strictEqual(conflictsByMatch(comparison).get(comparison.quoteMatches[0]), undefined);
  });

  it('says what an attribution rests on when no speech verb marks it', () => {
    const text = 'She left. "Never," she said. "Not again."';
    const mention = { speaker: 0, name: 'Ann Lee', range: find(text, 'she') };
    assert.strictEqual(attributionEvidence({ ...mention, cue: { kind: 'subject', range: null } }, text), 'named “she”, the subject of the sentence (no speech verb)');
    assert.strictEqual(attributionEvidence({ ...mention, cue: { kind: 'carried', range: find(text, 'said') } }, text), 'named “she” before, carried on from the statement before (cue “said”)');
  });

  it('marks word differences in git word-diff style, leaving an empty side out', () => {
    assert.strictEqual(diffMarkup('spring', 'summer'), '[-spring-]{+summer+}');
    assert.strictEqual(diffMarkup('single', ''), '[-single-]');
    assert.strictEqual(diffMarkup('', 'now'), '{+now+}');
  });

  it('lists differences one per line from either side, ∅ for missing words', () => {
    const comparison = fixtureComparison();
    const texts = { a: TEXT_A, b: TEXT_B };
    const differences = [...comparison.quoteMatches[0].differences, { a: find(TEXT_A, 'by'), b: [5, 5] as [number, number] }];
    assert.strictEqual(differenceLines(differences, 'a', texts), 'spring  →  summer\nby  →  ∅');
    assert.strictEqual(differenceLines(differences, 'b', texts), 'summer  →  spring\n∅  →  by');
  });

  it('writes a place as file:line:column, counting from one', () => {
    const lines = new LineIndex('first line\r\nsecond');
    assert.strictEqual(fileLocation('x.txt', lines, 0), 'x.txt:1:1');
    assert.strictEqual(fileLocation('x.txt', lines, 14), 'x.txt:2:3');
  });

  it('writes shares as percentages, one decimal below one per cent so that a small share never reads as none', () => {
    assert.deepStrictEqual([0, 0.004, 0.0049, 0.01, 0.555, 1].map(percent), ['0%', '0.4%', '0.5%', '1%', '56%', '100%']);
  });

  it('counts with the right noun', () => {
    assert.strictEqual(countOf(1, 'quote'), '1 quote');
    assert.strictEqual(countOf(0, 'quote'), '0 quotes');
    assert.strictEqual(countOf(2, 'speech', 'speeches'), '2 speeches');
  });

  it('names a speaker with the words of the attribution when they differ', () => {
    assert.strictEqual(speakerWithMention('Ruth Achebe', 'Ms Achebe'), 'Ruth Achebe (as “Ms Achebe”)');
    assert.strictEqual(speakerWithMention('Ruth Achebe', 'Ruth Achebe'), 'Ruth Achebe');
    assert.strictEqual(speakerWithMention('Ruth Achebe', ''), 'Ruth Achebe');
  });
});
