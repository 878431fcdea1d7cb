// Types of worstShapes.mjs, for the TypeScript tests that use the same generators.
export interface WorstShape {
  family: string;
  name: string;
  /** The pair of texts of about `chars` characters each. */
  make(chars: number): { a: string; b: string };
}
export function worstShapes(): WorstShape[];
export function wordList(size: number, seed?: number): string[];
