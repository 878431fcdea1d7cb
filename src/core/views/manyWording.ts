/**
 * The words every surface uses for what a comparison of many documents found: where else a quote
 * or a passage stands and how ("also in Herald, Radio; altered in Wire"), and who else is said to
 * have spoken it. Written once, so the hover, the page, the tree and the command line agree.
 */
import type { ManyComparison, PassageCluster } from '../model';
import type { Standing } from './manyLookup';

/** Names joined for a sentence: `A`, `A and B`, `A, B and C`. */
export function listNames(names: readonly string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const PHRASES: Array<{ test: (s: Standing) => boolean; phrase: string }> = [
  { test: (s) => s.kind === 'identical', phrase: 'also in' },
  { test: (s) => s.kind === 'contained' && s.container === 'this', phrase: 'partly quoted in' },
  { test: (s) => s.kind === 'contained' && s.container !== 'this', phrase: 'part of a longer quote in' },
  { test: (s) => s.kind === 'altered', phrase: 'altered in' },
  { test: (s) => s.kind === 'related', phrase: 'related wording in' },
];

/**
 * Where a quote stands in the other documents, strongest first, one clause per kind:
 * `also in Herald, Radio; altered in Wire`; `only here` when no other document has it.
 */
export function standingSummary(standings: readonly Standing[], names: readonly string[]): string {
  const clauses = PHRASES.map(({ test, phrase }) => {
    const where = standings.filter(test).map((s) => names[s.document]);
    return where.length ? `${phrase} ${where.join(', ')}` : '';
  }).filter(Boolean);
  return clauses.length ? clauses.join('; ') : 'only here';
}

/** The other speakers that documents give a quote's words to: `Herald gives these words to Owen Tregarth.` one per speaker. */
export function conflictSentences(comparison: ManyComparison, standings: readonly Standing[], cluster: { versions: ReadonlyArray<{ document: number; quote: number }> }): string[] {
  const byName = new Map<string, string[]>();
  for (const standing of standings.filter((s) => s.conflict)) {
    const { document, quote } = cluster.versions[standing.version];
    const name = comparison.documents[document].quotes[quote]?.speaker?.name ?? 'nobody';
    byName.set(name, [...(byName.get(name) ?? []), comparison.documents[document].name]);
  }
  return [...byName].map(([speaker, documents]) => `${listNames(documents)} ${documents.length === 1 ? 'gives' : 'give'} these words to ${speaker}.`);
}

/** Where else a passage copy stands: `also in Herald, Radio; edited in Wire` (`edited`: the copy there has other words). */
export function copySummary(cluster: PassageCluster, copyIndex: number, names: readonly string[]): string {
  const mine = cluster.copies[copyIndex];
  const same = new Set<string>();
  const edited = new Set<string>();
  for (const copy of cluster.copies) {
    if (copy.document === mine.document) continue;
    (copy.wording === mine.wording ? same : edited).add(names[copy.document]);
  }
  for (const name of same) edited.delete(name);
  return [same.size ? `also in ${[...same].join(', ')}` : '', edited.size ? `edited in ${[...edited].join(', ')}` : ''].filter(Boolean).join('; ') || 'only here';
}
