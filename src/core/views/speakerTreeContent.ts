/**
 * The content of the Speakers tree, computed from the comparison so that it is unit-tested here
 * and the VS Code adapter (src/vscode/speakerTree.ts) only maps nodes to TreeItems.
 *
 * A speaker's quotes are grouped by statement (the quotes of both articles linked by matches, see
 * statementGroups.ts), each article's version under it, so that the two versions of one quote sit
 * together. A statement's row leads with its status, so the status is never the part cut off.
 *
 * Node ids are built from speaker names and per-speaker ordinals, not from offsets or speaker ids:
 * an edit elsewhere in the text moves offsets and can renumber speakers, and the tree keeps its
 * expansion state only while ids stay the same.
 */
import type { Comparison, QuoteMatchKind, Range, Side } from '../model';
import { cleanAliases } from './aliases';
import { otherSide } from './lookup';
import type { QuoteMarkKind } from './palette';
import { quoteStatuses, type QuoteStatus } from './quoteMarks';
import { groupsOf, onlySide, speakerBelongs, statementGroups, type StatementGroup } from './statementGroups';
import { countOf, statusWords } from './wording';

export interface QuoteNode {
  kind: 'quote';
  id: string;
  side: Side;
  quoteId: number;
  range: Range;
  /** The article it stands in. */
  label: string;
  /** Its words, shortened, and who it is given to when that is another speaker. */
  description: string;
  /** Full text, for the tooltip and "copy quote". */
  text: string;
  /** How the quote stands in the other article, or null when it does not. */
  match: { kind: QuoteMatchKind; conflict: boolean; otherQuoteId: number; otherRange: Range } | null;
  status: QuoteMarkKind;
}

export interface StatementNode {
  kind: 'statement';
  id: string;
  /** The status in a word or two (`Identical`, `Only in b.txt`): the row's label, so it always shows. */
  label: string;
  /** The statement's words, shortened. */
  description: string;
  tooltip: string;
  status: QuoteMarkKind;
  /** Its quotes on each side, in text order. */
  quotes: { a: readonly number[]; b: readonly number[] };
  /** Open from the start: a conflict or altered words need a look at both versions. */
  expanded: boolean;
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
  /** Statements of this speaker the two articles give to different speakers. */
  conflicts: number;
  /** The speaker's own quotes in each article, in text order. */
  quoteIds: { a: readonly number[]; b: readonly number[] };
  statements: StatementNode[];
}

export type SpeakerTreeNode = SpeakerNode | StatementNode | QuoteNode;

const LABEL_LIMIT = 80;
export const UNATTRIBUTED_LABEL = 'No speaker found';

/**
 * The tree for one comparison. Speakers and their statements are built at once (their descriptions
 * need the counts); quote nodes are built when their statement is first opened, because a long
 * comparison holds thousands of quotes and building them all up front would hold the extension
 * host for the statements nobody opens.
 */
export class SpeakerTreeContent {
  readonly roots: SpeakerNode[];
  private readonly statuses: Record<Side, QuoteStatus[]>;
  private readonly parents = new Map<string, SpeakerTreeNode>();
  private readonly quoteNodes = new Map<string, QuoteNode[]>();
  private readonly owners = new Map<string, number | null>();

  constructor(private readonly comparison: Comparison) {
    this.statuses = { a: quoteStatuses(comparison, 'a'), b: quoteStatuses(comparison, 'b') };
    this.roots = this.buildRoots();
    for (const speaker of this.roots) for (const statement of speaker.statements) this.parents.set(statement.id, speaker);
  }

  children(node?: SpeakerTreeNode): SpeakerTreeNode[] {
    if (!node) return this.roots;
    if (node.kind === 'speaker') return node.statements;
    if (node.kind === 'statement') return this.quotesOf(node);
    return [];
  }

  parent(node: SpeakerTreeNode): SpeakerTreeNode | undefined {
    return this.parents.get(node.id);
  }

  /** Every quote node, opening every statement (for tests and for finding a quote's node to reveal). */
  allQuotes(): QuoteNode[] {
    return this.roots.flatMap((speaker) => speaker.statements.flatMap((statement) => this.quotesOf(statement)));
  }

  private quotesOf(statement: StatementNode): QuoteNode[] {
    let nodes = this.quoteNodes.get(statement.id);
    if (!nodes) {
      const owner = this.owners.get(statement.id) ?? null;
      nodes = (['a', 'b'] as const).flatMap((side) => statement.quotes[side].map((quoteId, ordinal) => this.quoteNode(statement.id, side, quoteId, ordinal, owner)))
        .filter((node): node is QuoteNode => node !== undefined);
      for (const node of nodes) this.parents.set(node.id, statement);
      this.quoteNodes.set(statement.id, nodes);
    }
    return nodes;
  }

  private quoteNode(parentId: string, side: Side, quoteId: number, ordinal: number, owner: number | null): QuoteNode | undefined {
    const { comparison } = this;
    const status = this.statuses[side][quoteId];
    if (!status) return undefined;
    const { quote, matches } = status;
    const best = matches[0];
    const other = otherSide(side);
    const otherQuote = best ? comparison[other].quotes[best[other]] : undefined;
    const given = quote.speaker === null ? (owner === null ? '' : ' — no speaker found')
      : quote.speaker.speaker === owner ? '' : ` — given to ${quote.speaker.name}`;
    return {
      kind: 'quote',
      id: `${parentId}/${side}${ordinal}`,
      side,
      quoteId,
      range: quote.range,
      label: comparison[side].name,
      description: `${shorten(quote.text)}${given}`,
      text: quote.text,
      match: best && otherQuote ? { kind: best.kind, conflict: status.conflict, otherQuoteId: otherQuote.id, otherRange: otherQuote.range } : null,
      status: status.mark,
    };
  }

  private statementNode(speakerNodeId: string, group: StatementGroup, ordinal: number, owner: number | null): StatementNode {
    const { comparison } = this;
    const names = { a: comparison.a.name, b: comparison.b.name };
    const only = onlySide(group);
    const label = statusWords(group.status, only ? names[only] : '');
    const firstSide: Side = group.quotes.a.length > 0 ? 'a' : 'b';
    const first = comparison[firstSide].quotes[group.quotes[firstSide][0]];
    const id = `${speakerNodeId}/s${ordinal}`;
    this.owners.set(id, owner);
    const versions = (['a', 'b'] as const).flatMap((side) => group.quotes[side].map((quoteId) => `${names[side]}: “${shorten(comparison[side].quotes[quoteId].text)}”`));
    return {
      kind: 'statement',
      id,
      label,
      description: `“${shorten(first?.text ?? '')}”`,
      tooltip: [label, ...versions].join('\n'),
      status: group.status,
      quotes: group.quotes,
      expanded: group.status === 'conflict' || group.status === 'altered',
    };
  }

  private buildRoots(): SpeakerNode[] {
    const { comparison } = this;
    const names = { a: comparison.a.name, b: comparison.b.name };
    const groups = statementGroups(comparison);
    const uniqueId = uniqueIds();
    const speakerNode = (id: string, speakerId: number | null, label: string, aliases: readonly string[], titles: readonly string[], quoteIds: { a: readonly number[]; b: readonly number[] }): SpeakerNode => {
      const statements = groupsOf(groups, speakerBelongs(comparison, speakerId)).map((group, ordinal) => this.statementNode(id, group, ordinal, speakerId));
      const altered = statements.filter((statement) => statement.status === 'altered').length;
      const conflicts = statements.filter((statement) => statement.status === 'conflict').length;
      const inBoth = quoteIds.a.length > 0 && quoteIds.b.length > 0;
      const flags = [conflicts ? countOf(conflicts, 'conflict') : '', altered ? `${altered} altered` : ''].filter(Boolean);
      const counts = (['a', 'b'] as const).filter((side) => quoteIds[side].length > 0).map((side) => `${quoteIds[side].length} in ${names[side]}`);
      const shownAliases = cleanAliases(label, aliases, titles);
      const tooltip = [label, titles.length ? titles.join(', ') : '', shownAliases.length ? `Also: ${shownAliases.join(', ')}` : '',
        `Quoted ${counts.join(', ')}`, flags.join(', ')].filter(Boolean).join('\n');
      return { kind: 'speaker', id, speakerId, label, description: [...flags, ...counts].join(' · '), tooltip, inBoth, altered, conflicts, quoteIds, statements };
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

/** A maker of node ids unique within one tree: a base taken twice gets `#2`, `#3`, … (two speakers of one name). */
export function uniqueIds(): (base: string) => string {
  const used = new Set<string>();
  // The next suffix to try per base: every one below it is taken, and thousands of speakers of one
  // name (an unresolved `she` each) would otherwise try every suffix again, quadratic in them.
  const next = new Map<string, number>();
  return (base) => {
    let id = base;
    if (used.has(id)) {
      let n = next.get(base) ?? 2;
      while (used.has(`${base}#${n}`)) n++;
      id = `${base}#${n}`;
      next.set(base, n + 1);
    }
    used.add(id);
    return id;
  };
}

/** One line of at most LABEL_LIMIT characters, cut at a word boundary where there is one. */
export function shorten(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  if (oneLine.length <= LABEL_LIMIT) return oneLine;
  const cut = oneLine.slice(0, LABEL_LIMIT - 1);
  const space = cut.lastIndexOf(' ');
  return `${space > LABEL_LIMIT / 2 ? cut.slice(0, space) : cut}…`;
}
