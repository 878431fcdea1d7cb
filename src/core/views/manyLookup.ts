/**
 * Questions the surfaces ask of a comparison of many documents: which quote cluster and passage
 * copies a place belongs to, and how a quote stands in each other document (the same words, a part,
 * altered, or given to someone else). One index per comparison, so that the hover, the decorations,
 * the tree, the page and the command line answer them the same way.
 */
import type { ManyComparison, PassageCluster, PassageCopy, QuoteCluster, QuoteMatchKind, Range, WordingLink } from '../model';
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
  /** Each quote cluster's closest versions, made when first asked for. */
  private readonly closest = new Map<QuoteCluster, ClosestVersions>();

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
    const mySpeaker = this.speakerOf(cluster, place.version);
    const out: Standing[] = [];
    for (const closest of this.closestOf(cluster).of(mine.wording)) {
      if (closest.document === document) continue;
      const standing: Standing = { document: closest.document, kind: closest.kind, conflict: mySpeaker !== null && closest.speakers.some((speaker) => speaker !== mySpeaker), version: closest.version };
      if (closest.container) standing.container = closest.container;
      out.push(standing);
    }
    return out;
  }

  private speakerOf(cluster: QuoteCluster, version: number): number | null {
    const { document, quote } = cluster.versions[version];
    return this.comparison.documents[document].quotes[quote]?.speaker?.speaker ?? null;
  }

  /** The closest versions of each wording of `cluster`, made when first asked for. */
  private closestOf(cluster: QuoteCluster): ClosestVersions {
    let closest = this.closest.get(cluster);
    if (!closest) this.closest.set(cluster, (closest = new ClosestVersions(cluster, (version) => this.speakerOf(cluster, version))));
    return closest;
  }
}

/** A document's closest versions to one wording: the strongest kind, its first version, and up to two of their speakers. */
interface Closest {
  document: number;
  kind: Standing['kind'];
  container?: 'this' | 'other';
  version: number;
  /** Distinct speakers (not null) of the versions of that kind in the document: two tell whether any differs from a given one. */
  speakers: number[];
}

/** The first version and up to two distinct speakers of some versions of one document. */
interface Versions {
  first: number;
  speakers: number[];
}

/**
 * For each wording of a cluster, each other document's closest versions, made once per wording
 * from the wording's links: a quote printed thousands of times is looked up in the links, never
 * against every other version (which made a hover, the marks of a document and the report
 * quadratic in the versions of one statement).
 */
class ClosestVersions {
  /** By wording, then document: that wording's versions in the document. */
  private readonly byWording = new Map<number, Map<number, Versions>>();
  /** By document: all its versions. */
  private readonly byDocument = new Map<number, Versions>();
  private readonly linksOf = new Map<number, WordingLink[]>();
  private readonly made = new Map<number, Closest[]>();

  constructor(cluster: QuoteCluster, speakerOf: (version: number) => number | null) {
    cluster.versions.forEach((version, index) => {
      const speaker = speakerOf(index);
      let documents = this.byWording.get(version.wording);
      if (!documents) this.byWording.set(version.wording, (documents = new Map()));
      note(documents, version.document, index, speaker);
      note(this.byDocument, version.document, index, speaker);
    });
    for (const link of cluster.links) for (const wording of link.wordings) push(this.linksOf, wording, link);
  }

  /** Each document's closest versions to wording `mine`, in document order (`mine`'s own documents included). */
  of(mine: number): Closest[] {
    let closest = this.made.get(mine);
    if (!closest) this.made.set(mine, (closest = this.make(mine)));
    return closest;
  }

  private make(mine: number): Closest[] {
    const best = new Map<number, Closest>();
    const consider = (kind: Standing['kind'], container: Closest['container'], documents: ReadonlyMap<number, Versions>): void => {
      for (const [document, versions] of documents) {
        const known = best.get(document);
        if (!known || STRENGTH[kind] < STRENGTH[known.kind]) {
          best.set(document, { document, kind, ...(container ? { container } : {}), version: versions.first, speakers: [...versions.speakers] });
        } else if (STRENGTH[kind] === STRENGTH[known.kind]) {
          // The first version of that kind in the cluster's order leads, as a walk over the versions finds it.
          if (versions.first < known.version) {
            known.version = versions.first;
            if (container) known.container = container;
            else delete known.container;
          }
          for (const speaker of versions.speakers) addSpeaker(known.speakers, speaker);
        }
      }
    };
    consider('identical', undefined, this.byWording.get(mine) ?? new Map());
    for (const link of this.linksOf.get(mine) ?? []) {
      const theirs = link.wordings[0] === mine ? link.wordings[1] : link.wordings[0];
      const container = link.kind === 'contained' ? (link.container === mine ? 'this' : 'other') : undefined;
      consider(link.kind, container, this.byWording.get(theirs) ?? new Map());
    }
    // A document with no version of this wording or a linked one holds only related versions.
    for (const [document, versions] of this.byDocument) {
      if (!best.has(document)) best.set(document, { document, kind: 'related', version: versions.first, speakers: [...versions.speakers] });
    }
    return [...best.values()].sort((p, q) => p.document - q.document);
  }
}

function note(into: Map<number, Versions>, document: number, index: number, speaker: number | null): void {
  let versions = into.get(document);
  if (!versions) into.set(document, (versions = { first: index, speakers: [] }));
  if (speaker !== null) addSpeaker(versions.speakers, speaker);
}

function addSpeaker(speakers: number[], speaker: number): void {
  if (speakers.length < 2 && !speakers.includes(speaker)) speakers.push(speaker);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A place within one document's text, for the surfaces that show a copy or a version. */
export function versionRange(comparison: ManyComparison, cluster: QuoteCluster, version: number): Range | undefined {
  const { document, quote } = cluster.versions[version];
  return comparison.documents[document]?.quotes[quote]?.range;
}
