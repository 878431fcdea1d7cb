/**
 * The first index in `[0, count)` at which `before` turns false, for a `before` that holds on a
 * prefix of the indices and not after it (a lower bound, in C++ terms; `count` if it never turns).
 * Every sorted look-up in the core (tokens by offset, lines, quotes, interval runs) is this search
 * with its own test, so it is written once.
 */
export function partitionPoint(count: number, before: (index: number) => boolean): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/**
 * `partitionPoint` over an ascending typed array: the first index in `[0, count)` whose value is
 * above `value`. Written out without the callback per step, because thousands of look-ups run in
 * the first (not yet optimised) calls of a comparison, where a call per step is dear.
 */
export function firstAbove(values: Int32Array, count: number, value: number): number {
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (values[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}
