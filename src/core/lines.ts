/**
 * Offsets to line/column positions, for reports (`file:line:col`). Line breaks are those VS Code
 * recognises (`\r\n`, `\n`, `\r`), so a position printed by the CLI is the one the editor shows.
 */

/** 1-based line and column; the column counts UTF-16 code units, as VS Code does. */
export interface LineColumn {
  line: number;
  column: number;
}

export class LineIndex {
  /** Offset at which each line starts; `starts[0]` is 0. */
  private readonly starts: number[];

  constructor(text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code === 10) starts.push(i + 1);
      else if (code === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): LineColumn {
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >>> 1;
      if (this.starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - this.starts[low] + 1 };
  }
}
