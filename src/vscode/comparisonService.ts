import * as vscode from 'vscode';
import { applyEdits, type TextEdit } from '../core/text/liveRanges';
import type { Comparison, Range, Side } from '../core/model';
import { encodePayload, type PayloadPiece } from '../protocol/comparisonPayload';
import { packText } from '../protocol/textTransfer';
import type { CompareRunner } from './worker/compareRunner';
import { affectsSettings, readSettings, type Settings } from './configuration';
import { label, readCheckedText } from './documentSource';

export interface LiveQuote {
  quoteId: number;
  range: Range;
}

/**
 * One comparison of two open documents. `comparison` is the last computed result; `liveQuotes`
 * are its quote ranges carried through the edits made since (quotes an edit touched are gone),
 * which is what decorations, hovers and reveals use until the debounced re-run replaces both.
 */
export class ComparisonSession {
  liveQuotes: { a: LiveQuote[]; b: LiveQuote[] };

  constructor(
    readonly documents: { readonly a: vscode.TextDocument; readonly b: vscode.TextDocument },
    readonly comparison: Comparison,
    /** The texts that were compared: the comparison's offsets index into these, even after edits. */
    readonly texts: { readonly a: string; readonly b: string },
    /** The comparison page's payload, in the pieces the panel posts (see protocol/comparisonPayload.ts). */
    readonly payload: readonly PayloadPiece[],
  ) {
    this.liveQuotes = {
      a: comparison.a.quotes.map((quote) => ({ quoteId: quote.id, range: quote.range })),
      b: comparison.b.quotes.map((quote) => ({ quoteId: quote.id, range: quote.range })),
    };
  }

  sideOf(uri: vscode.Uri): Side | undefined {
    const key = uri.toString();
    if (this.documents.a.uri.toString() === key) return 'a';
    if (this.documents.b.uri.toString() === key) return 'b';
    return undefined;
  }

  /** Current range of a quote, or undefined when an edit has touched it since the comparison. */
  liveRange(side: Side, quoteId: number): Range | undefined {
    return this.liveQuotes[side].find((quote) => quote.quoteId === quoteId)?.range;
  }

  /** Offsets of the comparison (passages too) are only exact while neither document was edited since. */
  get isCurrent(): boolean {
    return !this.edited;
  }

  private edited = false;

  applyEdits(side: Side, edits: readonly TextEdit[]): void {
    this.edited = true;
    this.liveQuotes = { ...this.liveQuotes, [side]: applyEdits(this.liveQuotes[side], edits) };
  }
}

/**
 * Runs comparisons (on the worker), keeps the current session, follows edits to its documents
 * (live ranges at once, a debounced re-run, cancelling a run the next edit makes obsolete) and
 * setting changes. Everything the user sees listens to its events.
 */
export class ComparisonService implements vscode.Disposable {
  private current: ComparisonSession | undefined;
  private rerunTimer: ReturnType<typeof setTimeout> | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<ComparisonSession | undefined>();
  private readonly edited = new vscode.EventEmitter<{ session: ComparisonSession; side: Side }>();
  private readonly busyChanged = new vscode.EventEmitter<boolean>();
  private settingsCache: Settings = readSettings();

  /** A new comparison result (or none). */
  readonly onDidChangeSession = this.changed.event;
  /** The live ranges moved because a compared document was edited; a new result follows after the debounce. */
  readonly onDidEditSession = this.edited.event;
  readonly onDidChangeBusy = this.busyChanged.event;

  constructor(private readonly runner: CompareRunner, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed, this.edited, this.busyChanged,
      vscode.workspace.onDidChangeTextDocument((event) => this.onDocumentChanged(event)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsSettings(event)) return;
        this.settingsCache = readSettings();
        if (this.current) this.scheduleRerun(0);
      }),
    );
  }

  get session(): ComparisonSession | undefined {
    return this.current;
  }

  get settings(): Settings {
    return this.settingsCache;
  }

  /** Compares two documents and makes the result the current session. Rejects with CancellationError when cancelled. */
  async compare(a: vscode.TextDocument, b: vscode.TextDocument, token?: vscode.CancellationToken): Promise<ComparisonSession> {
    this.cancelRerun();
    const source = new vscode.CancellationTokenSource();
    const link = token?.onCancellationRequested(() => source.cancel());
    this.running = source;
    this.busyChanged.fire(true);
    const started = Date.now();
    try {
      const versions = { a: a.version, b: b.version };
      const texts = { a: readCheckedText(a, this.settingsCache.maxFileBytes), b: readCheckedText(b, this.settingsCache.maxFileBytes) };
      const packed = { a: packText(texts.a), b: packText(texts.b) };
      const { comparison, comparisonPieces } = await this.runner.run({
        a: { name: label(a.uri), text: packed.a },
        b: { name: label(b.uri), text: packed.b },
        options: { minWords: this.settingsCache.minPassageWords },
      }, source.token);
      // An edit that arrived while the worker ran has scheduled its own re-run; this result is
      // still shown meanwhile only if it matches the text, otherwise decorations would sit on wrong words.
      if (a.version !== versions.a || b.version !== versions.b) throw new vscode.CancellationError();
      const session = new ComparisonSession({ a, b }, comparison, texts, encodePayload(comparisonPieces, packed));
      this.current = session;
      this.log.info(`compared ${label(a.uri)} (${comparison.a.stats.words} words) with ${label(b.uri)} (${comparison.b.stats.words} words) in ${Date.now() - started} ms: `
        + `${comparison.passages.length} shared passages, ${comparison.quoteMatches.length} quote matches`);
      this.changed.fire(session);
      return session;
    } finally {
      link?.dispose();
      if (this.running === source) {
        this.running = undefined;
        this.busyChanged.fire(false);
      }
      source.dispose();
    }
  }

  /** Forgets the current comparison (its panel was closed). */
  clear(): void {
    this.cancelRerun();
    this.current = undefined;
    this.changed.fire(undefined);
  }

  private onDocumentChanged(event: vscode.TextDocumentChangeEvent): void {
    const session = this.current;
    if (!session || event.contentChanges.length === 0) return;
    const side = session.sideOf(event.document.uri);
    if (!side) return;
    session.applyEdits(side, event.contentChanges.map((change) => ({
      start: change.rangeOffset,
      end: change.rangeOffset + change.rangeLength,
      insertedLength: change.text.length,
    })));
    this.edited.fire({ session, side });
    this.scheduleRerun(this.settingsCache.debounceMs);
  }

  private scheduleRerun(delay: number): void {
    this.cancelRerun();
    this.rerunTimer = setTimeout(() => {
      this.rerunTimer = undefined;
      const session = this.current;
      if (!session) return;
      this.compare(session.documents.a, session.documents.b).catch((error: unknown) => {
        if (error instanceof vscode.CancellationError) return;
        this.log.error('re-running the comparison failed', error);
      });
    }, delay);
  }

  private cancelRerun(): void {
    if (this.rerunTimer !== undefined) clearTimeout(this.rerunTimer);
    this.rerunTimer = undefined;
    this.running?.cancel();
  }

  dispose(): void {
    this.cancelRerun();
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}
