/**
 * Keeping ranges honest while the user types, before the comparison is recomputed.
 *
 * An edit that touches a range (overlaps it, or sits right at its edge) may change the words the
 * range stands for, so the range is dropped at once rather than stretched or shrunk: a decoration
 * on the wrong words is worse than a missing one for the debounce delay. Ranges wholly after the
 * edit move by its length difference; ranges before it stay.
 */
import type { Range } from '../model';

/** One replacement in a document: `[start, end)` of the old text became `insertedLength` code units. */
export interface TextEdit {
  start: number;
  end: number;
  insertedLength: number;
}

export interface Ranged {
  range: Range;
}

/**
 * Applies edits given in the order the editor applied them (each against the text the previous
 * one produced), keeping the items no edit touched.
 */
export function applyEdits<T extends Ranged>(items: readonly T[], edits: readonly TextEdit[]): T[] {
  let current: T[] = [...items];
  for (const edit of edits) current = applyEdit(current, edit);
  return current;
}

function applyEdit<T extends Ranged>(items: readonly T[], edit: TextEdit): T[] {
  const delta = lengthChange(edit);
  const kept: T[] = [];
  for (const item of items) {
    const [start, end] = item.range;
    if (end < edit.start) kept.push(item);
    else if (start > edit.end) kept.push({ ...item, range: [start + delta, end + delta] });
    // Otherwise the edit overlaps or touches the range: drop it (see above).
  }
  return kept;
}

/**
 * The one edit that turns `before` into `after`: everything between their common start and their
 * common end (which never overlap). Between two renderings of a comparison the texts differ by what
 * the user typed meanwhile, most often in one spot; where they typed in several, the span covers them all.
 */
export function editBetween(before: string, after: string): TextEdit {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let common = 0;
  while (common < shorter - start && before.charCodeAt(before.length - 1 - common) === after.charCodeAt(after.length - 1 - common)) common++;
  return { start, end: before.length - common, insertedLength: after.length - common - start };
}

/**
 * Where the character at `offset` before `edit` stands after it: moved with the text after the edit,
 * kept before it, and at the edit's start where the edit replaced it.
 */
export function mapOffset(offset: number, edit: TextEdit): number {
  if (offset < edit.start) return offset;
  if (offset >= edit.end) return offset + lengthChange(edit);
  return edit.start;
}

/** How much longer the text is after `edit` (negative when shorter). */
const lengthChange = (edit: TextEdit): number => edit.insertedLength - (edit.end - edit.start);
