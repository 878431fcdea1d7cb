// A small hand-written comparison, built from offsets located in two invented texts, so that the
// view-model helpers can be tested without depending on how the core finds quotes.
import type { Comparison, Quote, Range } from '../../src/core/model';

export const TEXT_A = 'The mayor said "we will rebuild the pier by spring" on Monday. '
  + 'A resident said "nobody asked us". The ferry runs again from June. '
  + 'Critics called it "a stunt".';
export const TEXT_B = 'Officials confirmed the ferry runs again from June. '
  + '"We will rebuild the pier by summer," the mayor said. '
  + 'Jo Park said "nobody asked us" and left.';

/** Range of the n-th occurrence (0-based) of `words` in `text`. */
export function find(text: string, words: string, occurrence = 0): Range {
  let index = -1;
  for (let n = 0; n <= occurrence; n++) {
    index = text.indexOf(words, index + 1);
    if (index < 0) throw new Error(`"${words}" not found`);
  }
  return [index, index + words.length];
}

function quote(id: number, text: string, words: string, statement: number, speaker: Quote['speaker']): Quote {
  return { id, range: find(text, words), text: words, statement, speaker };
}

export function fixtureComparison(): Comparison {
  const said = (text: string, occurrence: number) => ({ kind: 'verb' as const, range: find(text, 'said', occurrence) });
  const mayorA = { speaker: 0, name: 'Ann Lee', range: find(TEXT_A, 'The mayor'), cue: said(TEXT_A, 0) };
  const mayorB = { speaker: 0, name: 'Ann Lee', range: find(TEXT_B, 'the mayor'), cue: said(TEXT_B, 0) };
  const resident = { speaker: 2, name: 'A resident', range: find(TEXT_A, 'A resident'), cue: said(TEXT_A, 1) };
  const jo = { speaker: 1, name: 'Jo Park', range: find(TEXT_B, 'Jo Park'), cue: said(TEXT_B, 1) };
  const quotesA = [
    quote(0, TEXT_A, 'we will rebuild the pier by spring', 0, mayorA),
    quote(1, TEXT_A, 'nobody asked us', 1, resident),
    quote(2, TEXT_A, 'a stunt', 2, null),
  ];
  const quotesB = [
    quote(0, TEXT_B, 'We will rebuild the pier by summer,', 0, mayorB),
    quote(1, TEXT_B, 'nobody asked us', 1, jo),
  ];
  const stats = (text: string) => ({ characters: text.length, words: text.split(/\s+/).length, sharedCharacters: 0, sharedWords: 0, share: 0.25 });
  return {
    version: 1,
    options: { minWords: 4 },
    a: { name: 'a.txt', format: 'text', stats: stats(TEXT_A), quotes: quotesA, nonSpeech: [{ range: find(TEXT_A, 'a stunt'), kind: 'scare' }] },
    b: { name: 'b.txt', format: 'text', stats: stats(TEXT_B), quotes: quotesB, nonSpeech: [] },
    passages: [{ id: 0, a: find(TEXT_A, 'The ferry runs again from June'), b: find(TEXT_B, 'the ferry runs again from June'), identical: true, words: { a: 6, b: 6 }, differences: [] }],
    speakers: [
      { id: 0, name: 'Ann Lee', kind: 'person', aliases: ['the mayor'], titles: ['Mayor'], quotes: { a: [0], b: [0] } },
      { id: 1, name: 'Jo Park', kind: 'person', aliases: [], titles: [], quotes: { a: [], b: [1] } },
      { id: 2, name: 'A resident', kind: 'person', aliases: [], titles: [], quotes: { a: [1], b: [] } },
    ],
    quoteMatches: [
      { a: 0, b: 0, kind: 'altered', conflict: false, differences: [{ a: find(TEXT_A, 'spring'), b: find(TEXT_B, 'summer') }] },
      { a: 1, b: 1, kind: 'identical', conflict: true, differences: [] },
    ],
    conflicts: [{ match: 1, a: { ...resident, quote: 1 }, b: { ...jo, quote: 1 } }],
    truncated: false,
    truncatedParts: [],
  };
}
