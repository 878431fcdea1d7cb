import * as assert from 'assert';
import type { QuoteMatch } from '../../../../src/core/model';
import { LineIndex } from '../../../../src/core/text/lines';
import * as words from '../../../../src/core/views/wording';
import { attributionEvidence, conflictEvidenceLines, conflictSentence, countOf, diffMarkup, differenceWords, fileLocation, matchLabel, percent, quoteHeadline, speakerWithMention, truncationNotice } from '../../../../src/core/views/wording';
import { find, fixtureComparison, TEXT_A, TEXT_B } from '../../comparisonFixture';
import { conflictsByMatch } from '../../../../src/core/views/lookup';

const match = (kind: QuoteMatch['kind'], container?: 'a' | 'b'): QuoteMatch => ({ a: 0, b: 0, kind, conflict: false, differences: [], ...(container ? { container } : {}) });

describe('wording', () => {
  it('names a match from neither side for the command line', () => {
    assert.strictEqual(matchLabel(match('contained', 'a')), 'contained (B quotes part of A)');
    assert.strictEqual(matchLabel(match('contained', 'b')), 'contained (A quotes part of B)');
    assert.strictEqual(matchLabel(match('altered')), 'altered');
  });

  it('says when an altered pair was too different to align word by word, and what a cut-short comparison may lack', () => {
    const unaligned: QuoteMatch = { ...match('altered'), unaligned: true };
    assert.strictEqual(matchLabel(unaligned), 'altered (too different to align word by word)');
    assert.strictEqual(quoteHeadline(unaligned, 'a', 'b.txt'), 'Altered in b.txt (too different to align word by word)');
    assert.strictEqual(truncationNotice(['passages']), 'some shared passages may be missing or shorter');
    assert.strictEqual(truncationNotice(['passages', 'quoteMatches']), 'some shared passages and quote pairs may be missing or shorter');
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

  it('writes a place as file:line:column, counting from one', () => {
    const lines = new LineIndex('first line\r\nsecond');
    assert.strictEqual(fileLocation('x.txt', lines, 0), 'x.txt:1:1');
    assert.strictEqual(fileLocation('x.txt', lines, 14), 'x.txt:2:3');
  });

  it('writes shares as percentages, one decimal below one per cent and above 99, so that no share reads as none or all that is not', () => {
    assert.deepStrictEqual([0, 0.004, 0.0049, 0.01, 0.555, 0.996, 1].map(percent), ['0%', '0.4%', '0.5%', '1%', '56%', '99.6%', '100%']);
  });

  it('gives one side\'s words of a difference, "(nothing)" where it has none', () => {
    const texts = { a: TEXT_A, b: TEXT_B };
    const difference = { a: find(TEXT_A, 'spring'), b: [5, 5] as [number, number] };
    assert.deepStrictEqual([differenceWords(difference, 'a', texts), differenceWords(difference, 'b', texts)], ['spring', '(nothing)']);
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

describe('wording: sentences of the page, hover, tree and status bar', () => {
  it('says shared with which article, and never rounds something to nothing or to everything', () => {
    assert.strictEqual(words.shareSentence(0.41, 'a.txt', 'b.txt'), '41% of a.txt is found in b.txt');
    assert.strictEqual(words.shareSentence(0.004, 'a.txt', 'b.txt'), '0.4% of a.txt is found in b.txt');
    assert.strictEqual(words.shareSentence(0.996, 'a.txt', 'b.txt'), '99.6% of a.txt is found in b.txt');
    assert.strictEqual(words.shareSentence(0, 'a.txt', 'b.txt'), 'None of a.txt is found in b.txt');
    assert.strictEqual(words.shareSentence(1, 'a.txt', 'b.txt'), 'All of a.txt is found in b.txt');
  });

  it('summarises passages, quotes and conflicts in sentences, with an empty state that names the threshold', () => {
    const comparison = fixtureComparison();
    assert.strictEqual(words.passagesSummary(comparison), '1 shared passage (identical)');
    comparison.passages.push({ ...comparison.passages[0], id: 1, identical: false }, { ...comparison.passages[0], id: 2, identical: false });
    assert.strictEqual(words.passagesSummary(comparison), '3 shared passages (1 identical, 2 edited)');
    assert.strictEqual(words.quotesSummary(comparison), '2 quotes in both articles, 1 altered');
    assert.deepStrictEqual([words.conflictsSummary(0), words.conflictsSummary(1), words.conflictsSummary(2)], ['No attribution conflict', '1 attribution conflict', '2 attribution conflicts']);
    comparison.passages = [];
    comparison.quoteMatches = [];
    assert.strictEqual(words.passagesSummary(comparison), 'No shared passage');
    assert.strictEqual(words.quotesSummary(comparison), 'No quote in both articles');
    assert.strictEqual(words.noSharedPassages(6), 'These articles share no passage of 6 words or more.');
    assert.strictEqual(words.noSharedPassages(1), 'These articles share no passage of 1 word or more.');
  });

  it('says where a reader is and what the speaker filter counts', () => {
    assert.deepStrictEqual([words.positionText(1, 4), words.positionText(-1, 4), words.positionText(-1, 1), words.positionText(-1, 0)], ['Passage 2 of 4', '4 passages', '1 passage', 'No shared passage']);
    const comparison = fixtureComparison();
    assert.strictEqual(words.speakerOption(comparison.speakers[0], { a: 'a.txt', b: 'b.txt' }), 'Ann Lee — 1 in a.txt, 1 in b.txt');
    assert.strictEqual(words.speakerOption(comparison.speakers[1], { a: 'a.txt', b: 'b.txt' }), 'Jo Park — 1 in b.txt');
  });

  it('heads the hover with how the quote stands in the other article', () => {
    const comparison = fixtureComparison();
    const [altered, identical] = comparison.quoteMatches;
    assert.strictEqual(words.quoteHeadline(altered, 'a', 'b.txt'), 'Altered in b.txt (1 difference)');
    assert.strictEqual(words.quoteHeadline(identical, 'a', 'b.txt'), 'Quoted word for word in b.txt');
    assert.strictEqual(words.quoteHeadline({ ...identical, kind: 'contained', container: 'a' }, 'a', 'b.txt'), 'b.txt quotes part of these words');
    assert.strictEqual(words.quoteHeadline({ ...identical, kind: 'contained', container: 'b' }, 'a', 'b.txt'), 'Part of a longer quote in b.txt');
    assert.strictEqual(words.quoteHeadline(undefined, 'a', 'b.txt'), 'Not quoted in b.txt');
    assert.strictEqual(words.speakerSentence('Ann Lee', 'the mayor'), 'Said by Ann Lee (as “the mayor”)');
    assert.strictEqual(words.speakerSentence(undefined), 'No speaker found in the text');
  });

  it('shows which article has which word', () => {
    const comparison = fixtureComparison();
    const differences = [...comparison.quoteMatches[0].differences, { a: [4, 4] as [number, number], b: [0, 3] as [number, number] }];
    const names = { a: 'wire.txt', b: 'the-herald.txt' };
    assert.strictEqual(words.differenceTable(differences, 'a', { a: TEXT_A, b: TEXT_B }, names), [
      'wire.txt  │ the-herald.txt', 'spring    │ summer', '(nothing) │ Off'].join('\n'));
    assert.strictEqual(words.differenceTable(differences.slice(0, 1), 'b', { a: TEXT_A, b: TEXT_B }, names), ['the-herald.txt │ wire.txt', 'summer         │ spring'].join('\n'));
    assert.strictEqual(words.changedWordTitle(differences[0], { a: TEXT_A, b: TEXT_B }, names), 'wire.txt has “spring”; the-herald.txt has “summer”');
  });

  it('fits the status bar summary and fences code longer than any backtick run', () => {
    const comparison = fixtureComparison();
    assert.strictEqual(words.statusBarSummary(comparison, 'a'), '25% shared · 1 passage · 1 conflict');
    comparison.quoteMatches[1].conflict = false;
    assert.strictEqual(words.statusBarSummary(comparison, 'b'), '25% shared · 1 passage');
    assert.strictEqual(words.codeFence('plain'), '```');
    assert.strictEqual(words.codeFence('a ```` b'), '`````');
  });
});
