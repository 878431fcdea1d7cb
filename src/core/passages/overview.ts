/**
 * The sources overview of many documents: how much of each is found in each other one, and how
 * much in none, from the shared passages of every pair (each pair aligned once, both ways read).
 */
import type { DocumentStats, Range, SourcesOverview } from '../model';
import type { Tokens } from '../text/tokenize';
import type { PairAlignment } from './clusters';
import { documentStats } from './stats';

export interface ManyStats {
  overview: SourcesOverview;
  /** Each document's stats against all the others together: `share` is what any other one holds of it. */
  documents: DocumentStats[];
}

export function sourcesOverview(tokens: readonly Tokens[], pairs: readonly PairAlignment[]): ManyStats {
  const share = tokens.map((_, i) => tokens.map((_, j): number => (i === j ? 1 : 0)));
  const sharedWords = tokens.map((t, i) => tokens.map((_, j) => (i === j ? t.count : 0)));
  const coveredBy: Range[][] = tokens.map(() => []);
  for (const { x, y, alignment } of pairs) {
    const inX = alignment.passages.map((passage) => passage.a);
    const inY = alignment.passages.map((passage) => passage.b);
    const statsX = documentStats(tokens[x], inX);
    const statsY = documentStats(tokens[y], inY);
    share[x][y] = statsX.share;
    sharedWords[x][y] = statsX.sharedWords;
    share[y][x] = statsY.share;
    sharedWords[y][x] = statsY.sharedWords;
    coveredBy[x].push(...inX);
    coveredBy[y].push(...inY);
  }
  const documents = tokens.map((t, d) => documentStats(t, coveredBy[d]));
  const onlyHere = documents.map((stats) => (stats.words === 0 ? 0 : (stats.words - stats.sharedWords) / stats.words));
  return { overview: { share, sharedWords, onlyHere }, documents };
}
