/**
 * The content of the Speakers tree, computed from the comparison so that it is unit-tested here
 * and the VS Code adapter (src/vscode/speakerTree.ts) only maps nodes to TreeItems.
 *
 * Node ids are built from speaker names and per-speaker ordinals, not from offsets or speaker ids:
 * an edit elsewhere in the text moves offsets and can renumber speakers, and the tree keeps its
 * expansion state only while ids stay the same.
 */
import type { Comparison, QuoteMatch, QuoteMatchKind, Range, Side } from '../model';
import { otherSide } from './lookup';
import { indexMatches } from './matchStrength';
import { statusBadge } from './wording';

export interface QuoteNode {
  kind: 'quote';
  id: string;
  side: Side;
  quoteId: number;
  range: Range;
  /** The quote's words, shortened for one tree row. */
  label: string;
  /** Full text, for the tooltip and "copy quote". */
  text: string;
  /** How the quote stands in the other article, or null when it does not. */
  match: { kind: QuoteMatchKind; conflict: boolean; otherQuoteId: number; otherRange: Range } | null;
  /** The match in a word or two (`altered · conflict`, `only here`). */
  description: string;
}

export interface ArticleNode {
  kind: 'article';
  id: string;
  side: Side;
  /** The article's name (file name). */
  label: string;
  description: string;
  /** Ids of the speaker's quotes in this article, in text order. */
  quoteIds: readonly number[];
}

export interface SpeakerNode {
  kind: 'speaker';
  id: string;
  /** Index in `Comparison.speakers`, or null for the quotes with no findable speaker. */
  speakerId: number | null;
  label: string;
  description: string;
  tooltip: string;
  inBoth: boolean;
  altered: number;
  conflicts: number;
  articles: ArticleNode[];
}

export type SpeakerTreeNode = SpeakerNode | ArticleNode | QuoteNode;

const LABEL_LIMIT = 80;
export const UNATTRIBUTED_LABEL = 'No speaker found';

/**
 * The tree for one comparison. Speakers and their article groups are built at once (they are few,
 * and their descriptions need the counts); quote nodes are built when their group is first opened,
 * because a long comparison holds thousands of quotes and building them all up front would hold
 * the extension host for the groups nobody opens.
 */
export class SpeakerTreeContent {
  readonly roots: SpeakerNode[];
  private readonly matchIndex: Record<Side, Map<number, QuoteMatch[]>>;
  private readonly parents = new Map<string, SpeakerTreeNode>();
  private readonly quoteNodes = new Map<string, QuoteNode[]>();

  constructor(private readonly comparison: Comparison) {
    this.matchIndex = { a: indexMatches(comparison, 'a'), b: indexMatches(comparison, 'b') };
    this.roots = this.buildRoots();
    for (const speaker of this.roots) for (const article of speaker.articles) this.parents.set(article.id, speaker);
  }

  children(node?: SpeakerTreeNode): SpeakerTreeNode[] {
    if (!node) return this.roots;
    if (node.kind === 'speaker') return node.articles;
    if (node.kind === 'article') return this.quotesOf(node);
    return [];
  }

  parent(node: SpeakerTreeNode): SpeakerTreeNode | undefined {
    if (node.kind === 'quote') {
      const articleId = node.id.slice(0, node.id.lastIndexOf('/'));
      const speaker = this.parents.get(articleId);
      return speaker?.kind === 'speaker' ? speaker.articles.find((article) => article.id === articleId) : undefined;
    }
    return this.parents.get(node.id);
  }

  /** Every quote node, opening every group (for tests and for finding a quote's node to reveal). */
  allQuotes(): QuoteNode[] {
    return this.roots.flatMap((speaker) => speaker.articles.flatMap((article) => this.quotesOf(article)));
  }

  private quotesOf(article: ArticleNode): QuoteNode[] {
    let nodes = this.quoteNodes.get(article.id);
    if (!nodes) {
      nodes = article.quoteIds.map((quoteId, ordinal) => this.quoteNode(article.id, article.side, quoteId, ordinal)).filter((node): node is QuoteNode => node !== undefined);
      this.quoteNodes.set(article.id, nodes);
    }
    return nodes;
  }

  private quoteNode(parentId: string, side: Side, quoteId: number, ordinal: number): QuoteNode | undefined {
    const { comparison } = this;
    const quote = comparison[side].quotes[quoteId];
    if (!quote) return undefined;
    const matches = this.matchIndex[side].get(quoteId) ?? [];
    const best: QuoteMatch | undefined = matches[0];
    const other = otherSide(side);
    const otherQuote = best ? comparison[other].quotes[best[other]] : undefined;
    const match = best && otherQuote
      ? { kind: best.kind, conflict: matches.some((m) => m.conflict), otherQuoteId: otherQuote.id, otherRange: otherQuote.range }
      : null;
    return {
      kind: 'quote',
      id: `${parentId}/${ordinal}`,
      side,
      quoteId,
      range: quote.range,
      label: shorten(quote.text),
      text: quote.text,
      match,
      description: statusBadge(match ?? { kind: 'unmatched', conflict: false }),
    };
  }

  private buildRoots(): SpeakerNode[] {
    const { comparison } = this;
    const names = { a: comparison.a.name, b: comparison.b.name };
    const usedIds = new Set<string>();
    const uniqueId = (base: string): string => {
      let id = base;
      for (let n = 2; usedIds.has(id); n++) id = `${base}#${n}`;
      usedIds.add(id);
      return id;
    };
    const speakerNode = (id: string, speakerId: number | null, label: string, aliases: readonly string[], titles: readonly string[], quoteIds: { a: readonly number[]; b: readonly number[] }): SpeakerNode => {
      const articles: ArticleNode[] = (['a', 'b'] as const).filter((side) => quoteIds[side].length > 0).map((side) => ({
        kind: 'article', id: `${id}/${side}`, side, label: names[side], description: countLabel(quoteIds[side].length), quoteIds: quoteIds[side],
      }));
      // Each altered or conflicting pair shows on both sides; count it once, from A.
      let altered = 0;
      let conflicts = 0;
      for (const quoteId of quoteIds.a) {
        const matches = this.matchIndex.a.get(quoteId);
        if (matches?.[0]?.kind === 'altered') altered++;
        if (matches?.some((match) => match.conflict)) conflicts++;
      }
      const inBoth = quoteIds.a.length > 0 && quoteIds.b.length > 0;
      const parts = [`${quoteIds.a.length} in ${names.a}`, `${quoteIds.b.length} in ${names.b}`];
      if (altered) parts.push(`${altered} altered`);
      if (conflicts) parts.push(`${conflicts} conflict${conflicts === 1 ? '' : 's'}`);
      const description = [aliases.length ? aliases.join(', ') : '', parts.join(' · ')].filter(Boolean).join(' — ');
      const tooltip = [label, titles.length ? titles.join(', ') : '', aliases.length ? `Also: ${aliases.join(', ')}` : '', parts.join(', ')].filter(Boolean).join('\n');
      return { kind: 'speaker', id, speakerId, label, description, tooltip, inBoth, altered, conflicts, articles };
    };

    const nodes = comparison.speakers.map((speaker) =>
      speakerNode(uniqueId(`speaker:${speaker.name}`), speaker.id, speaker.name, speaker.aliases, speaker.titles, speaker.quotes));
    // Stable sort: the model already lists speakers quoted in both first, but the tree must not depend on it.
    nodes.sort((x, y) => Number(y.inBoth) - Number(x.inBoth));

    const unattributed = {
      a: comparison.a.quotes.filter((quote) => quote.speaker === null).map((quote) => quote.id),
      b: comparison.b.quotes.filter((quote) => quote.speaker === null).map((quote) => quote.id),
    };
    if (unattributed.a.length + unattributed.b.length > 0) {
      nodes.push(speakerNode('unattributed', null, UNATTRIBUTED_LABEL, [], [], unattributed));
    }
    return nodes;
  }
}

function countLabel(count: number): string {
  return `${count} quote${count === 1 ? '' : 's'}`;
}

/** One line of at most LABEL_LIMIT characters, cut at a word boundary where there is one. */
export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= LABEL_LIMIT) return oneLine;
  const cut = oneLine.slice(0, LABEL_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > LABEL_LIMIT / 2 ? cut.slice(0, space) : cut}…`;
}
