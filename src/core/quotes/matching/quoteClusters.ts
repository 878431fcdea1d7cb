/**
 * Quote clusters: one statement across many articles, with every article's version of it, what
 * each version changes, and who each article says spoke it.
 *
 * Wordings that pair (manyPairing.ts) are joined into clusters (disjoint sets); every quote is in
 * one, a quote no other article has in a cluster of its own. The common wording is the one the most
 * articles print (ties: the fuller, then the earlier); every other version is compared with a
 * version of it, or, if only another wording pairs with it directly, with a version of that one.
 */
import type { QuoteAttribution, QuoteCluster, QuoteRelation, QuoteVersion, WordingLink } from '../../model';
import { pointInside } from '../../passages/clusters';
import { DisjointSets } from '../../text/disjointSets';
import type { ArticleQuotes, ManyPairing, QuoteRef, WordingPair } from './manyPairing';
import { compare, DEFAULT_QUOTE_MATCH_OPTIONS, type QuoteMatchOptions } from './pairingRules';

/** `articles` with their quotes' speakers numbered in the merged list; `pairing` from `pairManyQuotes` of the same quotes. */
export function clusterQuotes(articles: readonly ArticleQuotes[], pairing: ManyPairing, options: Partial<QuoteMatchOptions> = {}): QuoteCluster[] {
  const settings = { ...DEFAULT_QUOTE_MATCH_OPTIONS, ...options };
  const { wordings, pairs } = pairing;
  const sets = new DisjointSets(wordings.length);
  const pairsOf = new Map<number, WordingPair[]>();
  for (const pair of pairs) {
    sets.union(pair.a, pair.b);
    for (const w of [pair.a, pair.b]) {
      const list = pairsOf.get(w);
      if (list) list.push(pair);
      else pairsOf.set(w, [pair]);
    }
  }
  const byKey = new Map<number, WordingPair>();
  for (const pair of pairs) byKey.set(pair.a * wordings.length + pair.b, pair);
  const pairBetween = (w: number, v: number): WordingPair | undefined => byKey.get(Math.min(w, v) * wordings.length + Math.max(w, v));
  const againstByWording = new Map<number, number>();
  return sets.groups(1).map((group, id) => {
    const common = group.reduce((best, w) =>
      wordings[w].documents.length > wordings[best].documents.length
      || (wordings[w].documents.length === wordings[best].documents.length && wordings[w].words.words.length > wordings[best].words.words.length) ? w : best);
    // Wording numbers: 0 for the common one, then in order of first appearance (the wordings' own order).
    const number = new Map<number, number>([[common, 0]]);
    for (const w of group) if (w !== common) number.set(w, number.size);
    const refs: Array<QuoteRef & { wording: number }> = group.flatMap((w) => wordings[w].members.map((m) => ({ ...m, wording: w })))
      .sort((p, q) => p.document - q.document || p.quote - q.quote);
    const firstVersion = new Map<number, number>();
    refs.forEach((ref, k) => {
      if (!firstVersion.has(ref.wording)) firstVersion.set(ref.wording, k);
    });
    const versions: QuoteVersion[] = refs.map((ref, k) => ({
      document: ref.document,
      quote: ref.quote,
      wording: number.get(ref.wording) as number,
      relation: ref.wording === common ? null : relation(ref.wording, k),
    }));
    const links: WordingLink[] = [];
    for (const w of group) {
      for (const pair of pairsOf.get(w) ?? []) {
        if (pair.a !== w) continue;
        const link: WordingLink = { wordings: [number.get(pair.a) as number, number.get(pair.b) as number], kind: pair.kind };
        if (pair.container) link.container = number.get(pair.container === 'a' ? pair.a : pair.b);
        if (pair.unaligned) link.unaligned = true;
        links.push(link);
      }
    }
    const attributions = attributionsOf(versions, articles);
    return {
      id,
      documents: [...new Set(versions.map((v) => v.document))],
      versions,
      links,
      attributions,
      conflict: attributions.filter((a) => a.speaker !== null).length >= 2,
    };

    /** The wording that versions of `w` are compared with: the common one, or the first that pairs with `w`. */
    function againstOf(w: number): number {
      if (pairBetween(w, common)) return common;
      const partners = (pairsOf.get(w) ?? []).map((p) => (p.a === w ? p.b : p.a));
      return partners.reduce((best, v) => ((number.get(v) as number) < (number.get(best) as number) ? v : best));
    }

    /** Version `k` (of wording `w`) against the common wording, or the wording it pairs with first. */
    function relation(w: number, k: number): QuoteRelation {
      const words = (ref: QuoteRef) => pairing.words[ref.document][ref.quote];
      let against = againstByWording.get(w);
      if (against === undefined) againstByWording.set(w, (against = againstOf(w)));
      const againstVersion = firstVersion.get(against) as number;
      // Compared in the pairing's own order (the lower wording first), so that the answer is the pairing's.
      const flipped = w < against;
      const [first, second] = flipped ? [refs[k], refs[againstVersion]] : [refs[againstVersion], refs[k]];
      // Past the budgets (see manyPairing.ts) a version keeps the pairing's kind without its differences.
      const found = compare(words(first), words(second), articles[first.document].tokens, articles[second.document].tokens, settings, pairing.budgets)
        ?? unalignedCopy(pairBetween(w, against) as WordingPair);
      const result: QuoteRelation = {
        against: againstVersion,
        kind: found.kind,
        differences: found.differences.map((d) => {
          const [base, here] = flipped ? [d.b, d.a] : [d.a, d.b];
          const baseWords = words(refs[againstVersion]);
          const hereWords = words(refs[k]);
          return {
            base: pointInside(base, articles[refs[againstVersion].document].tokens, baseWords.from),
            here: pointInside(here, articles[refs[k].document].tokens, hereWords.from),
          };
        }),
      };
      if (found.container) result.container = (found.container === 'a') === flipped ? 'this' : 'against';
      if (found.unaligned) result.unaligned = true;
      return result;
    }
  });
}

/** A pair without its differences: an altered one says it was not aligned, as the pairing says past its bound. */
function unalignedCopy(pair: WordingPair): WordingPair {
  return pair.kind === 'altered' ? { ...pair, differences: [], unaligned: true } : { ...pair, differences: [] };
}

/** The versions grouped by the speaker their article gives, most versions first (ties: the first named first), those with none last. */
function attributionsOf(versions: readonly QuoteVersion[], articles: readonly ArticleQuotes[]): QuoteAttribution[] {
  const bySpeaker = new Map<number | null, QuoteAttribution>();
  versions.forEach((version, k) => {
    const mention = articles[version.document].quotes[version.quote].speaker;
    const key = mention ? mention.speaker : null;
    const entry = bySpeaker.get(key);
    if (entry) entry.versions.push(k);
    else bySpeaker.set(key, { speaker: key, name: mention ? mention.name : null, versions: [k] });
  });
  return [...bySpeaker.values()].sort((p, q) => Number(p.speaker === null) - Number(q.speaker === null) || q.versions.length - p.versions.length);
}
