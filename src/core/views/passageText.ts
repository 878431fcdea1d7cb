/**
 * A shared passage's text with its word differences, as runs: the first document's words, with
 * what it has alone marked `removed` and what the other has in their place marked `added`. The
 * command line writes the runs in git's word-diff style, the reports as struck-through and
 * underlined words, so every surface shows one passage the same way.
 */
import type { SharedPassage } from '../model';

export interface TextRun {
  text: string;
  /** `removed`: words only the first document has here; `added`: words only the other has. */
  change?: 'removed' | 'added';
}

export function passageRuns(passage: SharedPassage, texts: { readonly a: string; readonly b: string }): TextRun[] {
  const runs: TextRun[] = [];
  let at = passage.a[0];
  let before = '';
  const push = (run: TextRun) => {
    if (run.text === '') return;
    runs.push(run);
    before = run.text;
  };
  for (const difference of passage.differences) {
    push({ text: texts.a.slice(at, difference.a[0]) });
    const removed = texts.a.slice(difference.a[0], difference.a[1]);
    const added = texts.b.slice(difference.b[0], difference.b[1]);
    // An insertion right after a word gets its own space, so that the words stay apart.
    if (removed === '' && before !== '' && !/\s$/.test(before)) push({ text: ' ' });
    push({ text: removed, change: 'removed' });
    push({ text: added, change: 'added' });
    at = difference.a[1];
  }
  push({ text: texts.a.slice(at, passage.a[1]) });
  return runs;
}
