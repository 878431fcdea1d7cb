/** JSON on stdout, written in pieces. */
import { inertJson } from './inert';
import type { CliIo } from './io';

/** Characters of JSON gathered before each write. */
const PIECE_CHARS = 1 << 16;

/**
 * `JSON.stringify(value)` and a newline, made inert (see inert.ts) and written a piece at a time:
 * the JSON of a large comparison (tens of megabytes for texts of thousands of quotes) is never
 * one string, nor one buffer, at the end of the comparison, when memory is fullest. The arrays
 * of the top level and of its objects (a side's quotes, the largest of them) are written an item
 * at a time.
 */
export function writeJson(value: unknown, io: Pick<CliIo, 'stdout'>): void {
  let pending = '';
  const emit = (text: string): void => {
    pending += text;
    if (pending.length >= PIECE_CHARS) {
      io.stdout(inertJson(pending));
      pending = '';
    }
  };
  const write = (item: unknown, depth: number): void => {
    if (depth <= 2 && Array.isArray(item)) {
      emit('[');
      item.forEach((element, k) => emit(`${k > 0 ? ',' : ''}${JSON.stringify(element) ?? 'null'}`));
      emit(']');
    } else if (depth < 2 && item !== null && typeof item === 'object') {
      emit('{');
      let first = true;
      for (const [key, field] of Object.entries(item)) {
        // What JSON.stringify leaves out of an object.
        if (field === undefined || typeof field === 'function' || typeof field === 'symbol') continue;
        emit(`${first ? '' : ','}${JSON.stringify(key)}:`);
        first = false;
        write(field, depth + 1);
      }
      emit('}');
    } else {
      emit(JSON.stringify(item) ?? 'null');
    }
  };
  write(value, 0);
  io.stdout(inertJson(pending + '\n'));
}
