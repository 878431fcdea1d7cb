/**
 * How long articles are laid out: in blocks of whole lines that skip layout while off screen
 * (`.article.lazy` in webview.css), so that a 1 MB article does not hold the page while the
 * browser lays out every line. Shorter articles are laid out whole, so that their scroll
 * positions are exact.
 */

/** Articles from this many characters are laid out lazily. */
export const LAZY_LAYOUT_FROM_CHARS = 100_000;

/** Characters per block (whole lines, see `splitBlocks`): few enough boxes to lay out at once, small enough to paint a screenful quickly. */
export const BLOCK_CHARS = 2000;

export function isLaidOutLazily(text: string): boolean {
  return text.length >= LAZY_LAYOUT_FROM_CHARS;
}
