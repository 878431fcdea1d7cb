/**
 * What the editors mark of the shared text (the background channel of palette.ts): each passage by
 * its kind, and the words that differ inside an edited passage or an altered quote. The page marks
 * the same from the same comparison; here as plain ranges for the editor decorations.
 */
import type { Comparison, Range, Side } from '../model';
import type { PassageMarkKind } from './palette';

export interface PassageMark {
  kind: PassageMarkKind;
  range: Range;
}

/** The side's passage and changed-word marks, non-empty ranges only. */
export function planPassageMarks(comparison: Comparison, side: Side): PassageMark[] {
  const marks: PassageMark[] = [];
  const add = (kind: PassageMarkKind, range: Range): void => {
    if (range[1] > range[0]) marks.push({ kind, range });
  };
  for (const passage of comparison.passages) {
    add(passage.identical ? 'identicalPassage' : 'editedPassage', passage[side]);
    for (const difference of passage.differences) add('changedWords', difference[side]);
  }
  for (const match of comparison.quoteMatches) {
    if (match.kind === 'altered') for (const difference of match.differences) add('changedWords', difference[side]);
  }
  return marks;
}
