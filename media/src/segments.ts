/** A highlighted range of an article, with the classes and data its text spans carry. */
export interface Mark {
  range: readonly [number, number];
  classes: string[];
  data: { passage?: number; quote?: number; speaker?: number };
  title?: string;
}

/** A label shown at an offset of the text (a speaker's name before a statement), not part of the text. */
export interface Label {
  offset: number;
  text: string;
}

export interface Segment {
  start: number;
  text: string;
  /** Marks covering the whole segment, in the order given. */
  marks: Mark[];
  /** Label to show before this segment: set on the segment that starts at a label's offset. */
  tag?: string;
}

/**
 * Cuts a text at every mark boundary and label, so that overlapping marks (a quote inside a shared
 * passage, a word difference inside both) become flat runs that each carry every mark covering
 * them: nested spans would need the marks to nest properly, and passages and quotes do not.
 */
export function buildSegments(text: string, marks: readonly Mark[], labels: readonly Label[] = []): Segment[] {
  const valid = marks
    .map((mark, order) => ({ mark, order, start: Math.max(0, Math.min(text.length, mark.range[0])), end: Math.max(0, Math.min(text.length, mark.range[1])) }))
    .filter((entry) => entry.end > entry.start)
    .sort((x, y) => x.start - y.start);
  const bounds = new Set<number>([0, text.length]);
  for (const entry of valid) {
    bounds.add(entry.start);
    bounds.add(entry.end);
  }
  const labelAt = new Map<number, string>();
  for (const label of labels) {
    const offset = Math.max(0, Math.min(text.length, label.offset));
    if (offset === text.length || labelAt.has(offset)) continue;
    labelAt.set(offset, label.text);
    bounds.add(offset);
  }
  const points = [...bounds].sort((x, y) => x - y);
  const segments: Segment[] = [];
  let next = 0;
  let active: typeof valid = [];
  for (let index = 0; index + 1 < points.length; index++) {
    const start = points[index];
    const end = points[index + 1];
    active = active.filter((entry) => entry.end > start);
    const opened: typeof valid = [];
    while (next < valid.length && valid[next].start <= start) opened.push(valid[next++]);
    active.push(...opened);
    const tag = labelAt.get(start);
    const ordered = active.length > 1 ? [...active].sort((x, y) => x.order - y.order) : active;
    segments.push({ start, text: text.slice(start, end), marks: ordered.map((entry) => entry.mark), ...(tag !== undefined ? { tag } : {}) });
  }
  return segments;
}

/**
 * The segments in blocks of whole lines: every segment cut after a line feed where the block so far
 * holds at least `minChars` characters (1: a block per line); the line feed stays at the end of its
 * block's last piece, so the blocks' text joined is the text. A piece keeps its segment's marks; a
 * segment's tag goes to its first piece. Blocks are what the page lays out one by one, skipping
 * those off screen in a long article.
 */
export function splitBlocks(segments: readonly Segment[], minChars: number): Segment[][] {
  const blocks: Segment[][] = [[]];
  let blockChars = 0;
  for (const segment of segments) {
    let from = 0;
    while (from < segment.text.length) {
      const feed = segment.text.indexOf('\n', from);
      const to = feed < 0 ? segment.text.length : feed + 1;
      const piece: Segment = { start: segment.start + from, text: segment.text.slice(from, to), marks: segment.marks };
      if (from === 0 && segment.tag !== undefined) piece.tag = segment.tag;
      blocks[blocks.length - 1].push(piece);
      blockChars += to - from;
      if (feed >= 0 && blockChars >= minChars) {
        blocks.push([]);
        blockChars = 0;
      }
      from = to;
    }
  }
  if (blocks.length > 1 && blocks[blocks.length - 1].length === 0) blocks.pop();
  return blocks;
}
