/**
 * The shape of one continuous outline around a run of text: the union of its line boxes, squared
 * off like a selection (the first line from where the text starts, the last line to where it ends,
 * full lines between), as an SVG path. An outline drawn on the text's own spans breaks into one box
 * per line fragment and per span; this is one shape.
 */

export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** Groups the boxes of the text's fragments into lines (boxes that overlap vertically), top to bottom. */
export function lineBoxes(boxes: readonly Box[]): Box[] {
  const lines: Box[] = [];
  for (const box of [...boxes].filter((box) => box.right > box.left && box.bottom > box.top).sort((x, y) => x.top - y.top || x.left - y.left)) {
    const line = lines[lines.length - 1];
    const middle = (box.top + box.bottom) / 2;
    if (line && middle > line.top && middle < line.bottom) {
      line.left = Math.min(line.left, box.left);
      line.right = Math.max(line.right, box.right);
      line.top = Math.min(line.top, box.top);
      line.bottom = Math.max(line.bottom, box.bottom);
    } else {
      lines.push({ ...box });
    }
  }
  return lines;
}

/** The outline's path (`d`), `pad` pixels outside the text; empty when there is no box. */
export function outlinePath(boxes: readonly Box[], pad = 2): string {
  const lines = lineBoxes(boxes);
  if (lines.length === 0) return '';
  const first = lines[0];
  const last = lines[lines.length - 1];
  const left = Math.min(...lines.slice(1).map((line) => line.left), first.left) - pad;
  const right = Math.max(...lines.slice(0, -1).map((line) => line.right), last.right) + pad;
  const top = first.top - pad;
  const bottom = last.bottom + pad;
  const round = (n: number) => Math.round(n * 10) / 10;
  const points: [number, number][] = lines.length === 1
    ? [[first.left - pad, top], [first.right + pad, top], [first.right + pad, bottom], [first.left - pad, bottom]]
    : [
      [first.left - pad, top], [right, top], [right, last.top], [last.right + pad, last.top], [last.right + pad, bottom],
      [left, bottom], [left, first.bottom], [first.left - pad, first.bottom],
    ];
  return `M${points.map(([x, y]) => `${round(x)} ${round(y)}`).join(' L')} Z`;
}
