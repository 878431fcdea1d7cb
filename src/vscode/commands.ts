import * as vscode from 'vscode';
import type { Range, Side, TruncatedPart } from '../core/model';
import { clampRange, otherSide } from '../core/views/lookup';
import { samePickMessage } from '../core/views/pickerRows';
import { truncationNotice } from '../core/views/wording';
import type { QuoteNode, SpeakerTreeNode } from '../core/views/speakerTreeContent';
import { COMMANDS } from './commandIds';
import type { ComparisonPanel } from './comparisonPanel';
import type { ManyComparisonPanel } from './manyComparisonPanel';
import type { ComparisonService, ComparisonSession, ManyComparisonSession } from './comparisonService';
import { label, openSource, SourceError } from './documentSource';
import { exportReportCommand } from './exportReport';
import type { RevealArgs } from './hovers';
import type { ComparisonNavigator } from './navigator';
import { notificationText } from './notifications';
import { revealInBoth, revealInOpenEditors, revealRange } from './reveal';
import { isSourceDocument, pickSources } from './sourcePicker';
import { ComparisonOutOfMemory } from './worker/compareRunner';
import { MAX_DOCUMENTS, MIN_DOCUMENTS, type ManyTruncatedPart } from '../core/model';
import type { ManySpeakerTreeNode, ManyVersionNode } from '../core/views/manySpeakerTreeContent';

/** What the compare command did; returned to callers (tests) because notifications cannot be read back. */
export type CompareOutcome =
  | { status: 'compared'; session: ComparisonSession }
  | { status: 'compared-many'; session: ManyComparisonSession }
  | { status: 'cancelled' }
  | { status: 'same-document'; message: string }
  | { status: 'error'; message: string };

export interface CommandDeps {
  service: ComparisonService;
  panel: ComparisonPanel;
  navigator: ComparisonNavigator;
  /** The view of three or more articles. */
  manyPanel: ManyComparisonPanel;
  log: vscode.LogOutputChannel;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.compare, (uri?: unknown, uris?: unknown) => compareCommand(deps, uri, uris)),
    vscode.commands.registerCommand(COMMANDS.revealRange, (...args: unknown[]) => revealCommand(deps, args)),
    vscode.commands.registerCommand(COMMANDS.copyQuote, async (node: unknown) => {
      if (isQuoteNode(node) || isVersionNode(node)) await vscode.env.clipboard.writeText(node.text);
    }),
    vscode.commands.registerCommand(COMMANDS.revealInOtherArticle, async (node: unknown) => {
      if (isVersionNode(node)) return revealInOtherArticles(deps, node);
      const session = deps.service.session;
      if (!isQuoteNode(node) || !node.match || !session) return;
      const other = otherSide(node.side);
      await revealRange(session.documents[other], session.liveRange(other, node.match.otherQuoteId) ?? node.match.otherRange);
    }),
    vscode.commands.registerCommand(COMMANDS.showInComparison, async (node: unknown) => {
      const many = deps.service.manySession;
      if (isVersionNode(node) && many?.documents[node.document]) {
        await revealRange(many.documents[node.document], many.liveRange(node.document, node.quoteId) ?? node.range);
        return;
      }
      const session = deps.service.session;
      if (!isQuoteNode(node) || !session) return;
      await deps.panel.focus(node.side, node.range);
    }),
    vscode.commands.registerCommand(COMMANDS.exportReport, (args?: unknown) => exportReportCommand(deps, args)),
    vscode.commands.registerCommand(COMMANDS.nextPassage, () => deps.navigator.move('passage', 1)),
    vscode.commands.registerCommand(COMMANDS.previousPassage, () => deps.navigator.move('passage', -1)),
    vscode.commands.registerCommand(COMMANDS.nextQuoteDifference, () => deps.navigator.move('quoteDifference', 1)),
    vscode.commands.registerCommand(COMMANDS.previousQuoteDifference, () => deps.navigator.move('quoteDifference', -1)),
    vscode.commands.registerCommand(COMMANDS.showComparison, async () => {
      if (deps.service.session) await deps.panel.show();
      else if (deps.service.manySession) await deps.manyPanel.show();
    }),
    // Everything the comparison put on screen listens to the session: decorations, badge, status item, view.
    vscode.commands.registerCommand(COMMANDS.clear, () => deps.service.clear()),
  ];
}

/** A version's counterparts: each other article's closest version, shown in the open editors. */
async function revealInOtherArticles(deps: CommandDeps, node: ManyVersionNode): Promise<void> {
  const session = deps.service.manySession;
  const place = session?.index.quotePlace(node.document, node.quoteId);
  if (!session || !place) return;
  const targets = session.index.standings(node.document, node.quoteId).map((standing) => {
    const version = place.cluster.versions[standing.version];
    return { document: session.documents[version.document], range: session.liveRange(version.document, version.quote) ?? [0, 0] as Range };
  });
  await revealInOpenEditors(targets);
}

/**
 * Explorer context menu: (clicked uri, all selected uris); editor title: (the editor's uri);
 * palette: nothing. Two to twenty visible editors are compared directly; otherwise a QuickPick with
 * checkboxes asks for the articles. Two keep the side-by-side comparison; three or more are compared
 * across all of them.
 */
async function compareCommand(deps: CommandDeps, uri: unknown, uris: unknown): Promise<CompareOutcome> {
  const chosen = await chooseSources(uri, uris);
  if (!chosen) return { status: 'cancelled' };
  const unique = chosen.filter((candidate, index) => chosen.findIndex((other) => other.toString() === candidate.toString()) === index);
  if (unique.length < MIN_DOCUMENTS) {
    const message = chosen.length >= MIN_DOCUMENTS ? `Compare Sources: ${samePickMessage(label(chosen[0]))}` : 'Compare Sources: pick at least two articles to compare.';
    void vscode.window.showWarningMessage(notificationText(message));
    return { status: 'same-document', message };
  }
  if (unique.length > MAX_DOCUMENTS) {
    const message = `Compare Sources compares up to ${MAX_DOCUMENTS} articles at once; ${unique.length} were chosen.`;
    void vscode.window.showWarningMessage(notificationText(message));
    return { status: 'error', message };
  }
  const title = unique.length === 2 ? `Comparing ${label(unique[0])} with ${label(unique[1])}` : `Comparing ${unique.length} articles`;
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: notificationText(title), cancellable: true },
      async (_progress, token) => {
        const maxBytes = deps.service.settings.maxFileBytes;
        const documents = await Promise.all(unique.map((source) => openSource(source, maxBytes)));
        if (documents.length === 2) {
          const session = await deps.service.compare(documents[0], documents[1], token);
          await deps.panel.show();
          if (session.comparison.truncated) void vscode.window.showWarningMessage(notificationText(truncationMessage(`${label(unique[0])} and ${label(unique[1])}`, session.comparison.truncatedParts)));
          return { status: 'compared', session } as const;
        }
        const session = await deps.service.compareMany(documents, token);
        await deps.manyPanel.show();
        if (session.comparison.truncated) void vscode.window.showWarningMessage(notificationText(truncationMessage(`These ${documents.length} articles`, session.comparison.truncatedParts)));
        return { status: 'compared-many', session } as const;
      },
    );
  } catch (error) {
    if (error instanceof vscode.CancellationError) return { status: 'cancelled' };
    const message = error instanceof SourceError ? error.message
      : error instanceof ComparisonOutOfMemory ? `Compare Sources: comparing ${unique.length === 2 ? `${label(unique[0])} with ${label(unique[1])}` : `${unique.length} articles`} needed more than ${error.limitMb} MB of memory, so it was stopped; your documents are unchanged. The limit is the setting compareSources.maxComparisonMemoryMb.`
        : `Compare Sources failed: ${error instanceof Error ? error.message : String(error)}`;
    deps.log.error(message, error);
    void vscode.window.showErrorMessage(notificationText(message), 'Show Log').then((choice) => { if (choice) deps.log.show(); });
    return { status: 'error', message };
  }
}

/** The notice of a comparison that a work budget cut short (see docs/robustness.md); `articles` names them. */
function truncationMessage(articles: string, parts: ReadonlyArray<TruncatedPart | ManyTruncatedPart>): string {
  return `Compare Sources: ${articles} repeat a few words or quotes so often that the comparison was cut short; ${truncationNotice(parts)}.`;
}

async function chooseSources(uri: unknown, uris: unknown): Promise<vscode.Uri[] | undefined> {
  if (Array.isArray(uris) && uris.length >= 2 && uris.every((item) => item instanceof vscode.Uri)) return uris;
  const visible = uniqueDocuments(vscode.window.visibleTextEditors.map((editor) => editor.document).filter(isSourceDocument)).map((document) => document.uri);
  const isVisible = (candidate: vscode.Uri) => visible.some((shown) => shown.toString() === candidate.toString());
  if (uri instanceof vscode.Uri) {
    // The editor's own button (or one file in the Explorer): it, with the other visible articles, or with picked ones.
    if (isVisible(uri) && visible.length >= 2) return [uri, ...visible.filter((shown) => shown.toString() !== uri.toString())];
    const others = await pickSources(`Compare ${label(uri)} with…`, { exclude: uri });
    return others ? [uri, ...others] : undefined;
  }
  if (visible.length >= 2) return visible;
  const active = vscode.window.activeTextEditor?.document;
  return pickSources(`Compare Sources: check 2 to ${MAX_DOCUMENTS} articles`, { preselected: active && isSourceDocument(active) ? active.uri : undefined });
}

function uniqueDocuments(documents: vscode.TextDocument[]): vscode.TextDocument[] {
  return documents.filter((document, index) => documents.indexOf(document) === index);
}

/**
 * Target of hover links and tree items: one range, or one in each article (a statement of the
 * Speakers view). The arguments come from a command URI, so they are checked, not trusted; only the
 * compared documents can be opened from a link.
 */
async function revealCommand(deps: CommandDeps, args: readonly unknown[]): Promise<void> {
  const many = deps.service.manySession;
  if (many) return revealInMany(many, args);
  const session = deps.service.session;
  if (!session) return;
  const ranges: Partial<Record<Side, Range>> = {};
  let first: Side | undefined;
  for (const arg of revealTargets(args)) {
    const { uri } = arg;
    const side = session.sideOf(uri);
    if (!side || ranges[side]) continue;
    ranges[side] = clampRange(arg.range, session.documents[side].getText().length);
    first ??= side;
  }
  if (first) await revealInBoth(session.documents, ranges, first);
}

/**
 * `revealRange` for many articles: one range per compared document at most (a statement of the
 * Speakers view, or one quote), each shown in the editor that shows it; the first opened when none is.
 */
async function revealInMany(session: ManyComparisonSession, args: readonly unknown[]): Promise<void> {
  const places: Array<{ document: vscode.TextDocument; range: Range }> = [];
  for (const arg of revealTargets(args.slice(0, MAX_DOCUMENTS * 4))) {
    const { uri } = arg;
    const index = session.documentOf(uri);
    if (index === undefined || places.some((place) => place.document === session.documents[index])) continue;
    places.push({ document: session.documents[index], range: clampRange(arg.range, session.documents[index].getText().length) });
  }
  if (places.length === 1) await revealRange(places[0].document, places[0].range);
  else await revealInOpenEditors(places);
}

/** The well-formed arguments among `args`, their URIs parsed; anything else (not a URI at all) left out. */
function* revealTargets(args: readonly unknown[]): Generator<{ uri: vscode.Uri; range: RevealArgs['range'] }> {
  for (const arg of args) {
    if (!isRevealArgs(arg)) continue;
    try {
      yield { uri: vscode.Uri.parse(arg.uri, true), range: arg.range };
    } catch {
      continue;
    }
  }
}

function isRevealArgs(value: unknown): value is RevealArgs {
  if (typeof value !== 'object' || value === null) return false;
  const { uri, range } = value as Record<string, unknown>;
  return typeof uri === 'string' && Array.isArray(range) && range.length === 2 && range.every((n) => Number.isSafeInteger(n) && n >= 0);
}

function isVersionNode(node: unknown): node is ManyVersionNode {
  return typeof node === 'object' && node !== null && (node as ManySpeakerTreeNode).kind === 'manyVersion';
}

function isQuoteNode(node: unknown): node is QuoteNode {
  return typeof node === 'object' && node !== null && (node as SpeakerTreeNode).kind === 'quote';
}
