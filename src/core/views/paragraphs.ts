/**
 * How an article marks its paragraphs, so that the page can show them apart. Copied from the web,
 * most articles put each paragraph on one line (no blank lines): a line feed there ends a paragraph
 * and the page adds the space a reader expects. Others separate paragraphs by a blank line and may
 * wrap lines by hand: there a single line feed is only a line break.
 */

export type LineBreakStyle = 'paragraph-per-line' | 'blank-line-paragraphs';

/** Lines longer than this are paragraphs on one line; hand-wrapped text stays under it. */
const WRAPPED_LINE_CHARS = 100;

/**
 * `blank-line-paragraphs` when the article separates paragraphs by blank lines at least as often as
 * by single line feeds, or has blank lines and lines wrapped by hand (nearly all lines short);
 * otherwise every line feed ends a paragraph. One pass over the text.
 */
export function lineBreakStyle(text: string): LineBreakStyle {
  let singleBreaks = 0;
  let blankBreaks = 0;
  let lines = 0;
  let longLines = 0;
  let lineStart = 0;
  let blankRun = false;
  let seenText = false;
  for (let index = 0; index <= text.length; index++) {
    if (index < text.length && text.charCodeAt(index) !== 10) continue;
    const line = text.slice(lineStart, index).replace(/\r$/, '');
    lineStart = index + 1;
    if (line.trim() === '') {
      if (seenText) blankRun = true;
      continue;
    }
    if (seenText) {
      if (blankRun) blankBreaks++;
      else singleBreaks++;
    }
    seenText = true;
    blankRun = false;
    lines++;
    if (line.length > WRAPPED_LINE_CHARS) longLines++;
  }
  if (blankBreaks === 0) return 'paragraph-per-line';
  if (blankBreaks >= singleBreaks) return 'blank-line-paragraphs';
  const handWrapped = lines >= 5 && longLines <= lines * 0.1;
  return handWrapped ? 'blank-line-paragraphs' : 'paragraph-per-line';
}
