/**
 * The Speakers tree of a comparison of many articles, computed here so that the VS Code adapter only
 * maps nodes to TreeItems. Each speaker lists the statements given to them in any article (a quote
 * cluster: one statement across the articles), each statement its versions, one per article:
 *
 *   Ruth Achebe                 1 altered · in 3 articles
 *     altered                   We don't want this fight, but we won't stand by…
 *       harbour-wire.txt        We don't want this fight… (common wording)
 *       harbour-herald.txt      …the jobs of families… — altered
 *
 * A statement that the articles give to different speakers appears under each of them, with the
 * versions that give it to that speaker and the first version of each other article: so a statement
 * printed thousands of times, given to thousands of speakers (an unresolved `she` each), makes a
 * tree as large as its quotes, not their square. Node ids are names and ordinals, never offsets, so
 * that the tree keeps its expansion through edits.
 */
import type { ManyComparison, QuoteAttribution, QuoteCluster, Range } from '../model';
import type { ManyIndex } from './manyLookup';
import { standingSummary } from './manyWording';
import { shorten, UNATTRIBUTED_LABEL, uniqueIds } from './speakerTreeContent';

export type StatementStatus = 'conflict' | 'altered' | 'contained' | 'identical' | 'onlyHere';

export interface ManyVersionNode {
  kind: 'manyVersion';
  id: string;
  document: number;
  quoteId: number;
  range: Range;
  /** The article's name. */
  label: string;
  /** The quote's words, shortened, and `— given to X` when this article gives them to another speaker than the statement's. */
  description: string;
  /** Full text, for the tooltip and "copy quote". */
  text: string;
  /** Where else it stands: `also in …; altered in …`. */
  tooltip: string;
  /** Another article has a version of it (for menus: `quote.matched`). */
  matched: boolean;
  /** How it stands elsewhere, for its icon. */
  status: StatementStatus;
}

export interface ManyStatementNode {
  kind: 'manyStatement';
  id: string;
  cluster: number;
  status: StatementStatus;
  /** The status in a word or two: `conflict`, `altered`, `in part`, `identical`, `only in X`. */
  label: string;
  /** The common wording, shortened. */
  description: string;
  tooltip: string;
  versions: ManyVersionNode[];
}

export interface ManySpeakerNode {
  kind: 'manySpeaker';
  id: string;
  /** Index in `ManyComparison.speakers`, or null for the quotes with no findable speaker. */
  speakerId: number | null;
  label: string;
  description: string;
  tooltip: string;
  conflicts: number;
  altered: number;
  /** Quoted in more than one article. */
  shared: boolean;
  statements: ManyStatementNode[];
}

export type ManySpeakerTreeNode = ManySpeakerNode | ManyStatementNode | ManyVersionNode;

/** The most telling status of a cluster: a conflict, then the weakest match among its versions. */
export function statementStatus(cluster: QuoteCluster): StatementStatus {
  if (cluster.conflict) return 'conflict';
  if (cluster.documents.length < 2) return 'onlyHere';
  if (cluster.versions.some((v) => v.relation?.kind === 'altered')) return 'altered';
  if (cluster.versions.some((v) => v.relation?.kind === 'contained')) return 'contained';
  return 'identical';
}

const STATUS_LABEL: Record<Exclude<StatementStatus, 'onlyHere'>, string> = { conflict: 'conflict', altered: 'altered', contained: 'in part', identical: 'identical' };

/** Most speakers a statement's tooltip names (`Given to:`); the rest are counted. */
const MAX_GIVEN_LINES = 10;

/** What every node of one statement shares, whichever speaker it stands under: made once per cluster. */
interface StatementParts {
  status: StatementStatus;
  label: string;
  description: string;
  tooltip: string;
  /** Each article's first version (index in the cluster), in the cluster's document order. */
  firstOfDocument: Map<number, number>;
}

export class ManySpeakerTreeContent {
  readonly roots: ManySpeakerNode[];
  private readonly parents = new Map<string, ManySpeakerTreeNode>();
  /** Each statement's shared parts, made when its first node is. */
  private readonly parts = new Map<QuoteCluster, StatementParts>();

  constructor(private readonly index: ManyIndex) {
    this.roots = this.buildRoots();
    for (const speaker of this.roots) {
      for (const statement of speaker.statements) {
        this.parents.set(statement.id, speaker);
        for (const version of statement.versions) this.parents.set(version.id, statement);
      }
    }
  }

  children(node?: ManySpeakerTreeNode): ManySpeakerTreeNode[] {
    if (!node) return this.roots;
    if (node.kind === 'manySpeaker') return node.statements;
    if (node.kind === 'manyStatement') return node.versions;
    return [];
  }

  parent(node: ManySpeakerTreeNode): ManySpeakerTreeNode | undefined {
    return this.parents.get(node.id);
  }

  /** Every version node (for tests and for finding a quote's node to reveal). */
  allVersions(): ManyVersionNode[] {
    return this.roots.flatMap((speaker) => speaker.statements.flatMap((statement) => statement.versions));
  }

  private buildRoots(): ManySpeakerNode[] {
    const { comparison } = this.index;
    const names = comparison.documents.map((document) => document.name);
    // The clusters each speaker is given in some article, in the clusters' order, with that attribution.
    const bySpeaker = new Map<number | null, Array<{ cluster: QuoteCluster; attribution: QuoteAttribution }>>();
    for (const cluster of comparison.quoteClusters) {
      for (const attribution of cluster.attributions) {
        const list = bySpeaker.get(attribution.speaker) ?? [];
        list.push({ cluster, attribution });
        bySpeaker.set(attribution.speaker, list);
      }
    }
    const uniqueId = uniqueIds();
    const speakerNode = (speakerId: number | null, label: string, aliases: readonly string[], titles: readonly string[], counts: number[]): ManySpeakerNode => {
      const id = uniqueId(speakerId === null ? 'unattributed' : `speaker:${label}`);
      const statements = (bySpeaker.get(speakerId) ?? []).map(({ cluster, attribution }, ordinal) => this.statementNode(`${id}/s${ordinal}`, cluster, attribution, names));
      const conflicts = statements.filter((s) => s.status === 'conflict').length;
      const altered = statements.filter((s) => s.status === 'altered').length;
      const articles = counts.filter((count) => count > 0).length;
      const flags = [conflicts ? `${conflicts} conflict${conflicts === 1 ? '' : 's'}` : '', altered ? `${altered} altered` : ''].filter(Boolean);
      const description = [...flags, `in ${articles} article${articles === 1 ? '' : 's'}`].join(' · ');
      const perArticle = counts.map((count, d) => (count ? `${count} in ${names[d]}` : '')).filter(Boolean).join(', ');
      const tooltip = [label, titles.join(', '), aliases.length ? `Also: ${aliases.join(', ')}` : '', perArticle].filter(Boolean).join('\n');
      return { kind: 'manySpeaker', id, speakerId, label, description, tooltip, conflicts, altered, shared: articles > 1, statements };
    };
    const nodes = comparison.speakers.map((speaker) =>
      speakerNode(speaker.id, speaker.name, speaker.aliases, speaker.titles, speaker.quotes.map((ids) => ids.length)));
    // The model lists speakers quoted in the most articles first; the tree keeps that order.
    const unattributed = comparison.documents.map((document) => document.quotes.filter((quote) => quote.speaker === null).length);
    if (unattributed.some((count) => count > 0)) nodes.push(speakerNode(null, UNATTRIBUTED_LABEL, [], [], unattributed));
    return nodes;
  }

  private statementNode(id: string, cluster: QuoteCluster, attribution: QuoteAttribution, names: readonly string[]): ManyStatementNode {
    const { comparison } = this.index;
    const parts = this.partsOf(cluster, names);
    // This speaker's versions, and each other article's first.
    const shown = new Set(attribution.versions);
    const documents = new Set(attribution.versions.map((version) => cluster.versions[version].document));
    for (const [document, first] of parts.firstOfDocument) if (!documents.has(document)) shown.add(first);
    const versions = [...shown].sort((p, q) => p - q).map((version) => this.versionNode(`${id}/v${version}`, comparison, cluster, version, attribution.speaker, names, parts.status));
    return { kind: 'manyStatement', id, cluster: cluster.id, status: parts.status, label: parts.label, description: parts.description, tooltip: parts.tooltip, versions };
  }

  private partsOf(cluster: QuoteCluster, names: readonly string[]): StatementParts {
    const known = this.parts.get(cluster);
    if (known) return known;
    const { comparison } = this.index;
    const status = statementStatus(cluster);
    const common = cluster.versions.find((version) => version.wording === 0) ?? cluster.versions[0];
    const commonText = comparison.documents[common.document].quotes[common.quote]?.text ?? '';
    const given = cluster.attributions.slice(0, MAX_GIVEN_LINES).map((a) => `${a.name ?? 'no speaker found'}: ${[...new Set(a.versions.map((v) => names[cluster.versions[v].document]))].join(', ')}`);
    if (cluster.attributions.length > MAX_GIVEN_LINES) given.push(`and ${cluster.attributions.length - MAX_GIVEN_LINES} more`);
    const firstOfDocument = new Map<number, number>();
    cluster.versions.forEach((version, index) => {
      if (!firstOfDocument.has(version.document)) firstOfDocument.set(version.document, index);
    });
    const parts: StatementParts = {
      status,
      label: status === 'onlyHere' ? `only in ${names[cluster.documents[0]]}` : STATUS_LABEL[status],
      description: shorten(commonText),
      tooltip: [commonText, ...(cluster.conflict ? ['Given to:', ...given] : [])].join('\n'),
      firstOfDocument,
    };
    this.parts.set(cluster, parts);
    return parts;
  }

  private versionNode(id: string, comparison: ManyComparison, cluster: QuoteCluster, version: number, speakerId: number | null, names: readonly string[], status: StatementStatus): ManyVersionNode {
    const { document, quote: quoteId, relation } = cluster.versions[version];
    const quote = comparison.documents[document].quotes[quoteId];
    const speaker = quote?.speaker?.speaker ?? null;
    const given = speaker !== speakerId ? ` — given to ${quote?.speaker?.name ?? 'no speaker found'}` : '';
    const how = relation === null ? '' : relation.kind === 'altered' ? ' — altered' : relation.container === 'this' ? ' — longer' : ' — in part';
    const standings = this.index.standings(document, quoteId);
    return {
      kind: 'manyVersion', id, document, quoteId,
      range: quote?.range ?? [0, 0],
      label: names[document],
      description: `${shorten(quote?.text ?? '')}${how}${given}`,
      text: quote?.text ?? '',
      tooltip: standingSummary(standings, names),
      matched: standings.length > 0,
      status,
    };
  }
}
