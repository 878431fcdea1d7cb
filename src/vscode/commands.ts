import * as vscode from 'vscode';
import type { Range, Side, TruncatedPart } from '../core/model';
import { clampRange, otherSide } from '../core/views/lookup';
import { samePickMessage } from '../core/views/pickerRows';
import { truncationNotice } from '../core/views/wording';
import type { QuoteNode, SpeakerTreeNode } from '../core/views/speakerTreeContent';
import { COMMANDS } from './commandIds';
import type { ComparisonPanel } from './comparisonPanel';
import type { ComparisonService, ComparisonSession } from './comparisonService';
import { label, openSource, SourceError } from './documentSource';
import { exportReportCommand } from './exportReport';
import type { RevealArgs } from './hovers';
import type { ComparisonNavigator } from './navigator';
import { notificationText } from './notifications';
import { revealInBoth, revealRange } from './reveal';
import { isSourceDocument, pickSource } from './sourcePicker';
import { ComparisonOutOfMemory } from './worker/compareRunner';

/** What the compare command did; returned to callers (tests) because notifications cannot be read back. */
export type CompareOutcome =
  | { status: 'compared'; session: ComparisonSession }
  | { status: 'cancelled' }
  | { status: 'same-document'; message: string }
  | { status: 'error'; message: string };

export interface CommandDeps {
  service: ComparisonService;
  panel: ComparisonPanel;
  navigator: ComparisonNavigator;
  log: vscode.LogOutputChannel;
}

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand(COMMANDS.compare, (uri?: unknown, uris?: unknown) => compareCommand(deps, uri, uris)),
    vscode.commands.registerCommand(COMMANDS.revealRange, (...args: unknown[]) => revealCommand(deps, args)),
    vscode.commands.registerCommand(COMMANDS.copyQuote, async (node: unknown) => {
      if (isQuoteNode(node)) await vscode.env.clipboard.writeText(node.text);
    }),
    vscode.commands.registerCommand(COMMANDS.revealInOtherArticle, async (node: unknown) => {
      const session = deps.service.session;
      if (!isQuoteNode(node) || !node.match || !session) return;
      const other = otherSide(node.side);
      await revealRange(session.documents[other], session.liveRange(other, node.match.otherQuoteId) ?? node.match.otherRange);
    }),
    vscode.commands.registerCommand(COMMANDS.showInComparison, async (node: unknown) => {
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
    }),
    // Everything the comparison put on screen listens to the session: decorations, badge, status item, view.
    vscode.commands.registerCommand(COMMANDS.clear, () => deps.service.clear()),
  ];
}

/**
 * Explorer context menu: (clicked uri, all selected uris); editor title: (the editor's uri);
 * palette: nothing. Two visible editors are compared directly; otherwise QuickPicks fill the gaps.
 */
async function compareCommand(deps: CommandDeps, uri: unknown, uris: unknown): Promise<CompareOutcome> {
  const chosen = await chooseSources(uri, uris);
  if (!chosen) return { status: 'cancelled' };
  const [first, second] = chosen;
  if (first.toString() === second.toString()) {
    const message = `Compare Sources: ${samePickMessage(label(first))}`;
    void vscode.window.showWarningMessage(notificationText(message));
    return { status: 'same-document', message };
  }
  try {
    return await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: notificationText(`Comparing ${label(first)} with ${label(second)}`), cancellable: true },
      async (_progress, token) => {
        const maxBytes = deps.service.settings.maxFileBytes;
        const [a, b] = await Promise.all([openSource(first, maxBytes), openSource(second, maxBytes)]);
        const session = await deps.service.compare(a, b, token);
        await deps.panel.show();
        if (session.comparison.truncated) void vscode.window.showWarningMessage(notificationText(truncationMessage(label(first), label(second), session.comparison.truncatedParts)));
        return { status: 'compared', session } as const;
      },
    );
  } catch (error) {
    if (error instanceof vscode.CancellationError) return { status: 'cancelled' };
    const message = error instanceof SourceError ? error.message
      : error instanceof ComparisonOutOfMemory ? `Compare Sources: comparing ${label(first)} with ${label(second)} needed more than ${error.limitMb} MB of memory, so it was stopped; your documents are unchanged. The limit is the setting compareSources.maxComparisonMemoryMb.`
        : `Compare Sources failed: ${error instanceof Error ? error.message : String(error)}`;
    deps.log.error(message, error);
    void vscode.window.showErrorMessage(notificationText(message), 'Show Log').then((choice) => { if (choice) deps.log.show(); });
    return { status: 'error', message };
  }
}

/** The notice of a comparison that a work budget cut short (see docs/robustness.md). */
function truncationMessage(first: string, second: string, parts: readonly TruncatedPart[]): string {
  return `Compare Sources: ${first} and ${second} repeat a few words or quotes so often that the comparison was cut short; ${truncationNotice(parts)}.`;
}

async function chooseSources(uri: unknown, uris: unknown): Promise<[vscode.Uri, vscode.Uri] | undefined> {
  if (Array.isArray(uris) && uris.length === 2 && uris.every((item) => item instanceof vscode.Uri)) return [uris[0], uris[1]];
  const visible = uniqueDocuments(vscode.window.visibleTextEditors.map((editor) => editor.document).filter(isSourceDocument));
  if (uri instanceof vscode.Uri) {
    const partner = visible.length === 2 ? visible.find((document) => document.uri.toString() !== uri.toString()) : undefined;
    const second = partner?.uri ?? await pickSource(`Compare ${label(uri)} with…`, uri);
    return second ? [uri, second] : undefined;
  }
  if (visible.length === 2) return [visible[0].uri, visible[1].uri];
  const first = await pickSource('Compare Sources: first article (1/2)');
  if (!first) return undefined;
  const second = await pickSource('Compare Sources: second article (2/2)', first);
  return second ? [first, second] : undefined;
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
  const session = deps.service.session;
  if (!session) return;
  const ranges: Partial<Record<Side, Range>> = {};
  let first: Side | undefined;
  for (const arg of args) {
    if (!isRevealArgs(arg)) continue;
    let uri: vscode.Uri;
    try {
      uri = vscode.Uri.parse(arg.uri, true);
    } catch {
      continue; // not a URI at all
    }
    const side = session.sideOf(uri);
    if (!side || ranges[side]) continue;
    ranges[side] = clampRange(arg.range, session.documents[side].getText().length);
    first ??= side;
  }
  if (first) await revealInBoth(session.documents, ranges, first);
}

function isRevealArgs(value: unknown): value is RevealArgs {
  if (typeof value !== 'object' || value === null) return false;
  const { uri, range } = value as Record<string, unknown>;
  return typeof uri === 'string' && Array.isArray(range) && range.length === 2 && range.every((n) => Number.isSafeInteger(n) && n >= 0);
}

function isQuoteNode(node: unknown): node is QuoteNode {
  return typeof node === 'object' && node !== null && (node as SpeakerTreeNode).kind === 'quote';
}
