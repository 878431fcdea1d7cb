/**
 * Work budgets: each step of a comparison that could do more than linear work on some input
 * (seed pairing, chaining, extension, quote pairing) gets a budget in its own units, proportional
 * to the length of the texts, and stops where it runs out. Ordinary articles use a small fraction
 * of every budget; a text built to be slow meets one, and the comparison says so (`truncated` in
 * the model) instead of running for minutes or exhausting memory. docs/robustness.md lists them.
 */

/** Texts shorter than this many words get the budget of this many, so that short texts never meet one. */
const FLOOR_WORDS = 1000;

/** `perWord` units of work for each word of texts holding `words` words together. */
export function workLimit(perWord: number, words: number): number {
  return perWord * Math.max(words, FLOOR_WORDS);
}

/** A budget of `workLimit(perWord, words)`. */
export function budgetFor(perWord: number, words: number): Budget {
  return new Budget(workLimit(perWord, words));
}

export class Budget {
  private left: number;
  /** True once the budget refused work: the step stopped before it was done. */
  cut = false;

  constructor(limit: number) {
    this.left = limit;
  }

  /**
   * Takes `units` of work about to be done, if any work is left; false (and `cut`) once none is. A
   * step may overrun by its last take, so each take must itself be bounded.
   */
  take(units: number): boolean {
    if (this.left <= 0) {
      this.cut = true;
      return false;
    }
    this.left -= units;
    return true;
  }

  /** Counts `units` of work done that `take` did not count ahead (known only once done). */
  spend(units: number): void {
    this.left -= units;
  }
}
