/**
 * Offsets to line/column positions, for reports (`file:line:col`). Line breaks are those VS Code
 * recognises (`\r\n`, `\n`, `\r`), so a position printed by the CLI is the one the editor shows.
 */

import { partitionPoint } from './binarySearch';

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
    // The last line starting at or before `offset`; line 1 starts at 0, so there always is one.
    const line = Math.max(0, partitionPoint(this.starts.length, (i) => this.starts[i] <= offset) - 1);
    return { line: line + 1, column: offset - this.starts[line] + 1 };
  }
}
