/**
 * Questions the surfaces ask of a comparison of many documents: which quote cluster and passage
 * copies a place belongs to, and how a quote stands in each other document (the same words, a part,
 * altered, or given to someone else). One index per comparison, so that the hover, the decorations,
 * the tree, the page and the command line answer them the same way.
 */
import type { ManyComparison, PassageCluster, PassageCopy, QuoteCluster, QuoteMatchKind, Range } from '../model';
import { findAtOffset, rangeContains } from './lookup';

/** How a quote stands in one other document, by the closest of that document's versions. */
export interface Standing {
  document: number;
  /** `related`: a version of the same statement that was not compared with this one directly. */
  kind: QuoteMatchKind | 'related';
  /** For `contained`: whether this quote holds that document's version (`this`) or the other way round. */
  container?: 'this' | 'other';
  /** That document gives the words to a different speaker than this one does. */
  conflict: boolean;
  /** The closest version's index in the cluster. */
  version: number;
}

const STRENGTH: Record<Standing['kind'], number> = { identical: 0, contained: 1, altered: 2, related: 3 };

/** A quote's place in the quote clusters. */
export interface QuotePlace {
  cluster: QuoteCluster;
  version: number;
}

/** A passage copy with its cluster. */
export interface CopyPlace {
  cluster: PassageCluster;
  copy: PassageCopy;
}

export class ManyIndex {
  /** `quotePlaces[d][quote id]`. */
  private readonly quotePlaces: QuotePlace[][];
  /** Each document's passage copies, by start. */
  private readonly copies: CopyPlace[][];

  constructor(readonly comparison: ManyComparison) {
    this.quotePlaces = comparison.documents.map(() => []);
    for (const cluster of comparison.quoteClusters) {
      cluster.versions.forEach((version, index) => (this.quotePlaces[version.document][version.quote] = { cluster, version: index }));
    }
    this.copies = comparison.documents.map(() => []);
    for (const cluster of comparison.passageClusters) for (const copy of cluster.copies) this.copies[copy.document].push({ cluster, copy });
    for (const list of this.copies) list.sort((p, q) => p.copy.range[0] - q.copy.range[0]);
  }

  quotePlace(document: number, quoteId: number): QuotePlace | undefined {
    return this.quotePlaces[document]?.[quoteId];
  }

  /** The quote of document `document` at `offset`, if any. */
  quoteAt(document: number, offset: number): number | undefined {
    return findAtOffset(this.comparison.documents[document]?.quotes ?? [], (quote) => quote.range, offset)?.id;
  }

  /** The passage copies of a document holding `offset` (copies of one document may touch but seldom overlap: all are scanned near it). */
  copiesAt(document: number, offset: number): CopyPlace[] {
    return (this.copies[document] ?? []).filter((place) => rangeContains(place.copy.range, offset));
  }

  /** A document's passage copies, in text order. */
  copiesOf(document: number): readonly CopyPlace[] {
    return this.copies[document] ?? [];
  }

  /** How a quote stands in every other document that has a version of it, in document order. */
  standings(document: number, quoteId: number): Standing[] {
    const place = this.quotePlace(document, quoteId);
    if (!place) return [];
    const { cluster } = place;
    const mine = cluster.versions[place.version];
    const speakerOf = (version: number): number | null => {
      const { document: d, quote } = cluster.versions[version];
      return this.comparison.documents[d].quotes[quote]?.speaker?.speaker ?? null;
    };
    const mySpeaker = speakerOf(place.version);
    const best = new Map<number, Standing>();
    cluster.versions.forEach((other, index) => {
      if (other.document === document) return;
      const standing: Standing = { document: other.document, ...kindBetween(cluster, mine.wording, other.wording), conflict: false, version: index };
      const theirSpeaker = speakerOf(index);
      standing.conflict = mySpeaker !== null && theirSpeaker !== null && mySpeaker !== theirSpeaker;
      const known = best.get(other.document);
      if (!known || STRENGTH[standing.kind] < STRENGTH[known.kind]) best.set(other.document, standing);
      else if (standing.conflict && STRENGTH[standing.kind] === STRENGTH[known.kind]) known.conflict = true;
    });
    return [...best.values()].sort((p, q) => p.document - q.document);
  }
}

/** What two wordings of one cluster are to each other, seen from `mine`. */
function kindBetween(cluster: QuoteCluster, mine: number, theirs: number): Pick<Standing, 'kind' | 'container'> {
  if (mine === theirs) return { kind: 'identical' };
  const link = cluster.links.find((l) => (l.wordings[0] === mine && l.wordings[1] === theirs) || (l.wordings[0] === theirs && l.wordings[1] === mine));
  if (!link) return { kind: 'related' };
  if (link.kind === 'contained') return { kind: 'contained', container: link.container === mine ? 'this' : 'other' };
  return { kind: link.kind };
}

/** A place within one document's text, for the surfaces that show a copy or a version. */
export function versionRange(comparison: ManyComparison, cluster: QuoteCluster, version: number): Range | undefined {
  const { document, quote } = cluster.versions[version];
  return comparison.documents[document]?.quotes[quote]?.range;
}
