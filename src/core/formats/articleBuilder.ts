/**
 * Builds an article's text and its offset map from the pieces a reader finds in the source, laid
 * out the way the quote reader expects: one paragraph per block with a blank line between, a
 * line break only where the source breaks a line inside a paragraph, spaces collapsed as a browser
 * shows them (a line wrapped in the source is one line of article text). Readers say what they
 * saw (text with its source span, a block ending, a `<br>`) and this decides what becomes text.
 */
import type { Article, ArticleBlock, BlockKind, InputFormat } from './article';
import { OffsetMapBuilder } from './offsetMap';

/** What HTML and CommonMark collapse: space, tab, line feed, form feed, carriage return. */
function isCollapsibleSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0c || code === 0x0d;
}

/** The runs of whitespace that collapsing changes (anything but one plain space): found by the regex engine, faster than a loop. */
const TO_COLLAPSE = /[ \t\n\f\r]{2,}|[\t\n\f\r]/g;

export function isAllCollapsibleSpace(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isCollapsibleSpace(text.charCodeAt(i))) return false;
  return true;
}

interface PendingPiece {
  text: string;
  sourceStart: number;
  sourceEnd: number;
}

export class ArticleBuilder {
  private readonly parts: string[] = [];
  private readonly map = new OffsetMapBuilder();
  private readonly blocks: ArticleBlock[] = [];
  private length = 0;
  /** Source offset just past the last character of text. */
  private lastSourceEnd = 0;
  /** The open block, once its first character is written. */
  private block: ArticleBlock | null = null;
  private nextKind: BlockKind = 'paragraph';
  private nextLevel: number | undefined;
  private pendingBreak: 'paragraph' | 'line' | null = null;
  /** Whitespace seen since the last text: one space when collapsing, the pieces themselves in preformatted text. */
  private pendingSpace: PendingPiece[] = [];
  /** Inside `<pre>` or a code block: whitespace and line breaks are kept as they are. */
  preformatted = false;

  /**
   * Text read from source `[sourceStart, sourceEnd)`. When the lengths agree the text maps
   * character by character (it is the source, or the source with `\r` read as `\n`); otherwise it
   * is one whole piece (a decoded reference).
   */
  append(text: string, sourceStart: number, sourceEnd: number): void {
    if (text.length === 0) return;
    if (text.length !== sourceEnd - sourceStart) {
      if (isAllCollapsibleSpace(text)) this.space(text, sourceStart, sourceEnd);
      else this.content(text, sourceStart, sourceEnd);
      return;
    }
    if (this.preformatted) {
      this.appendRuns(text, sourceStart);
      return;
    }
    // Text as it stands, in as few pieces as the whitespace allows: a single space between words
    // is already what collapsing makes, so only other runs of whitespace split the text.
    const length = text.length;
    let first = 0;
    while (first < length && isCollapsibleSpace(text.charCodeAt(first))) first++;
    if (first > 0) this.space(text.slice(0, first), sourceStart, sourceStart + first);
    let last = length;
    while (last > first && isCollapsibleSpace(text.charCodeAt(last - 1))) last--;
    let chunkStart = first;
    const toCollapse = TO_COLLAPSE;
    toCollapse.lastIndex = first;
    for (let match = toCollapse.exec(text); match !== null && match.index < last; match = toCollapse.exec(text)) {
      const runEnd = match.index + match[0].length;
      this.content(text.slice(chunkStart, match.index), sourceStart + chunkStart, sourceStart + match.index);
      this.space(match[0], sourceStart + match.index, sourceStart + runEnd);
      chunkStart = runEnd;
    }
    if (last > chunkStart) this.content(text.slice(chunkStart, last), sourceStart + chunkStart, sourceStart + last);
    if (last < length && last >= first) this.space(text.slice(last), sourceStart + last, sourceStart + length);
  }

  /** Preformatted text: every run of whitespace kept, as its own piece. */
  private appendRuns(text: string, sourceStart: number): void {
    let runStart = 0;
    let runIsSpace = isCollapsibleSpace(text.charCodeAt(0));
    for (let i = 1; i <= text.length; i++) {
      const isSpace = i < text.length && isCollapsibleSpace(text.charCodeAt(i));
      if (i < text.length && isSpace === runIsSpace) continue;
      const run = text.slice(runStart, i);
      if (runIsSpace) this.space(run, sourceStart + runStart, sourceStart + i);
      else this.content(run, sourceStart + runStart, sourceStart + i);
      runStart = i;
      runIsSpace = isSpace;
    }
  }

  /** The current block ends; the next text starts a new paragraph of the given kind. */
  endBlock(nextKind: BlockKind = 'paragraph', nextLevel?: number): void {
    this.pendingBreak = 'paragraph';
    this.nextKind = nextKind;
    this.nextLevel = nextLevel;
  }

  /** A line break inside a paragraph (`<br>`, a Markdown hard break); two in a row end the paragraph. */
  lineBreak(): void {
    if (this.block === null) return;
    this.pendingBreak = this.pendingBreak === null ? 'line' : 'paragraph';
  }

  finish(format: InputFormat, warnings: string[], note?: string): Article {
    this.closeBlock();
    return { format, text: this.parts.join(''), map: this.map.finish(), blocks: this.blocks, warnings, ...(note === undefined ? {} : { note }) };
  }

  private space(text: string, sourceStart: number, sourceEnd: number): void {
    if (this.preformatted && this.block !== null && this.pendingBreak === null) {
      // Line breaks kept as `\n` whatever the source's (`\r\n`), as everywhere else in article text.
      this.pendingSpace.push({ text: text.replace(/\r\n?/g, '\n'), sourceStart, sourceEnd });
      return;
    }
    // Collapsed whitespace is one space, standing for the first run of it (not for markup between runs).
    const last = this.pendingSpace[this.pendingSpace.length - 1];
    if (last === undefined) this.pendingSpace.push({ text: ' ', sourceStart, sourceEnd });
    else if (last.sourceEnd === sourceStart) last.sourceEnd = sourceEnd;
  }

  private content(text: string, sourceStart: number, sourceEnd: number): void {
    if (this.block !== null && this.pendingBreak !== null) {
      const separator = this.pendingBreak === 'paragraph' ? '\n\n' : '\n';
      if (this.pendingBreak === 'paragraph') this.closeBlock();
      // The break stands for the markup between the two paragraphs.
      this.write(separator, this.lastSourceEnd, Math.max(this.lastSourceEnd, sourceStart));
    } else if (this.block !== null) {
      for (const piece of this.pendingSpace) this.write(piece.text, piece.sourceStart, piece.sourceEnd);
    }
    this.pendingBreak = null;
    this.pendingSpace = [];
    if (this.block === null) {
      this.block = { kind: this.nextKind, range: [this.length, this.length], ...(this.nextLevel === undefined ? {} : { level: this.nextLevel }) };
      this.blocks.push(this.block);
    }
    this.write(text, sourceStart, sourceEnd);
    this.block.range[1] = this.length;
  }

  private write(text: string, sourceStart: number, sourceEnd: number): void {
    this.parts.push(text);
    this.map.add(text.length, sourceStart, sourceEnd);
    this.length += text.length;
    this.lastSourceEnd = sourceEnd;
  }

  private closeBlock(): void {
    this.block = null;
  }
}
