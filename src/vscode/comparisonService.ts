import * as vscode from 'vscode';
import type { InputFormat } from '../core/formats/article';
import { resolveInputFormat } from '../core/formats/formatChoice';
import { OffsetMap } from '../core/formats/offsetMap';
import { applyEdits, type TextEdit } from '../core/text/liveRanges';
import type { Comparison, ManyComparison, Range, Side } from '../core/model';
import { ManyIndex } from '../core/views/manyLookup';
import { planManyPassageMarks } from '../core/views/manyQuoteMarks';
import { planPassageMarks, type PassageMark } from '../core/views/passageMarks';
import { encodePayload, type PayloadPiece } from '../protocol/comparisonPayload';
import { packText, unpackText } from '../protocol/textTransfer';
import type { CompareRunner } from './worker/compareRunner';
import type { ReadArticle } from './worker/messages';
import { affectsSettings, readSettings, type Settings } from './configuration';
import { checkTotalSize, label, readCheckedText } from './documentSource';

export interface LiveQuote {
  quoteId: number;
  range: Range;
}

/**
 * A compared document as the comparison page shows it: its article text and the map from it to the
 * document's text. For plain text both are the document's own text and the identity.
 */
export interface ShownArticle {
  format: InputFormat;
  text: string;
  map: OffsetMap;
}

function shownArticle(format: InputFormat, source: string, read: ReadArticle | undefined): ShownArticle {
  if (read === undefined) return { format, text: source, map: OffsetMap.identity(source.length) };
  const { length, articleStarts, sourceStarts, sourceEnds } = read.map;
  return { format, text: unpackText(read.text), map: OffsetMap.fromPieces(length, articleStarts, sourceStarts, sourceEnds) };
}

/**
 * One comparison of two open documents. `comparison` is the last computed result; `liveQuotes` and
 * `livePassageMarks` are its quote ranges and shared-text marks carried through the edits made since
 * (those an edit touched are gone), which is what decorations, hovers and reveals use until the
 * debounced re-run replaces them.
 */
export class ComparisonSession {
  liveQuotes: { a: LiveQuote[]; b: LiveQuote[] };
  livePassageMarks: { a: PassageMark[]; b: PassageMark[] };

  constructor(
    readonly documents: { readonly a: vscode.TextDocument; readonly b: vscode.TextDocument },
    readonly comparison: Comparison,
    /** The texts that were compared: the comparison's offsets index into these, even after edits. */
    readonly texts: { readonly a: string; readonly b: string },
    /** The comparison page's payload, in the pieces the panel posts (see protocol/comparisonPayload.ts). */
    readonly payload: readonly PayloadPiece[],
    /** What the page shows of each document (its article text) and the map back to `texts`. */
    readonly articles: { readonly a: ShownArticle; readonly b: ShownArticle } = {
      a: shownArticle('text', texts.a, undefined),
      b: shownArticle('text', texts.b, undefined),
    },
  ) {
    this.liveQuotes = {
      a: comparison.a.quotes.map((quote) => ({ quoteId: quote.id, range: quote.range })),
      b: comparison.b.quotes.map((quote) => ({ quoteId: quote.id, range: quote.range })),
    };
    this.livePassageMarks = { a: planPassageMarks(comparison, 'a'), b: planPassageMarks(comparison, 'b') };
  }

  sideOf(uri: vscode.Uri): Side | undefined {
    const key = uri.toString();
    if (this.documents.a.uri.toString() === key) return 'a';
    if (this.documents.b.uri.toString() === key) return 'b';
    return undefined;
  }

  /** The words a range of the compared text shows: for a web page or Markdown, its article text (markup left out). */
  words(side: Side, range: Range): string {
    const article = this.articles[side];
    return article.map.isIdentity ? this.texts[side].slice(range[0], range[1]) : article.text.slice(...article.map.toArticle(range));
  }

  /** A range of the text the page shows (article text) as a range of the compared document. */
  toDocument(side: Side, range: Range): Range {
    const { map } = this.articles[side];
    const clamp = (offset: number) => Math.min(Math.max(0, offset), map.length);
    return map.isIdentity ? range : map.toSource([clamp(range[0]), clamp(Math.max(range[0], range[1]))]);
  }

  /** A range of the compared document as a range of the text the page shows. */
  toShown(side: Side, range: Range): Range {
    const { map } = this.articles[side];
    return map.isIdentity ? range : map.toArticle(range);
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
    this.livePassageMarks = { ...this.livePassageMarks, [side]: applyEdits(this.livePassageMarks[side], edits) };
  }
}

/** How a document is read: as the setting forces, else by its language, else by its file's extension. */
function formatOf(document: vscode.TextDocument, settings: Settings): InputFormat {
  return resolveInputFormat(settings.inputFormat, { languageId: document.languageId, fileName: document.uri.path });
}

/**
 * One comparison of three or more open documents, the counterpart of `ComparisonSession`: the
 * documents in the comparison's order, its result with an index for look-ups, the compared texts,
 * and each document's live quote ranges.
 */
export class ManyComparisonSession {
  liveQuotes: LiveQuote[][];
  /** Each document's shared-text marks (its passage copies and their changed words), carried through edits. */
  livePassageMarks: PassageMark[][];
  readonly index: ManyIndex;
  private edited = false;

  constructor(
    readonly documents: readonly vscode.TextDocument[],
    /** The model, in offsets of `texts`. */
    readonly comparison: ManyComparison,
    /** The texts that were compared: the comparison's offsets index into these, even after edits. */
    readonly texts: readonly string[],
    /** What the comparison view shows, serialized by the worker, in the pieces the panel posts. */
    readonly viewPieces: readonly Uint8Array[],
    /** What the page shows of each document (its article text) and the map back to `texts`. */
    readonly articles: readonly ShownArticle[] = texts.map((text) => shownArticle('text', text, undefined)),
  ) {
    this.index = new ManyIndex(comparison);
    this.liveQuotes = comparison.documents.map((document) => document.quotes.map((quote) => ({ quoteId: quote.id, range: quote.range })));
    this.livePassageMarks = comparison.documents.map((_, d) => planManyPassageMarks(comparison, d));
  }

  /** The words a range of a compared text shows: for a web page or Markdown, its article text (markup left out). */
  words(document: number, range: Range): string {
    const article = this.articles[document];
    return article.map.isIdentity ? this.texts[document].slice(range[0], range[1]) : article.text.slice(...article.map.toArticle(range));
  }

  /** The document's index in the comparison, or undefined when it is not compared. */
  documentOf(uri: vscode.Uri): number | undefined {
    const key = uri.toString();
    const index = this.documents.findIndex((document) => document.uri.toString() === key);
    return index < 0 ? undefined : index;
  }

  liveRange(document: number, quoteId: number): Range | undefined {
    return this.liveQuotes[document]?.find((quote) => quote.quoteId === quoteId)?.range;
  }

  get isCurrent(): boolean {
    return !this.edited;
  }

  applyEdits(document: number, edits: readonly TextEdit[]): void {
    this.edited = true;
    this.liveQuotes = this.liveQuotes.map((quotes, d) => (d === document ? applyEdits(quotes, edits) : quotes));
    this.livePassageMarks = this.livePassageMarks.map((marks, d) => (d === document ? applyEdits(marks, edits) : marks));
  }
}

/**
 * Runs comparisons (on the worker), keeps the current session, follows edits to its documents
 * (live ranges at once, a debounced re-run, cancelling a run the next edit makes obsolete) and
 * setting changes. Everything the user sees listens to its events.
 */
export class ComparisonService implements vscode.Disposable {
  private current: ComparisonSession | undefined;
  /** A comparison of three or more documents; at most one of `current` and `currentMany` is set. */
  private currentMany: ManyComparisonSession | undefined;
  private rerunTimer: ReturnType<typeof setTimeout> | undefined;
  private running: vscode.CancellationTokenSource | undefined;
  private readonly disposables: vscode.Disposable[] = [];
  private readonly changed = new vscode.EventEmitter<ComparisonSession | undefined>();
  private readonly edited = new vscode.EventEmitter<{ session: ComparisonSession; side: Side }>();
  private readonly busyChanged = new vscode.EventEmitter<boolean>();
  private readonly manyChanged = new vscode.EventEmitter<ManyComparisonSession | undefined>();
  private readonly manyEdited = new vscode.EventEmitter<{ session: ManyComparisonSession; document: number }>();
  private settingsCache: Settings = readSettings();

  /** A new comparison result (or none). */
  readonly onDidChangeSession = this.changed.event;
  /** The live ranges moved because a compared document was edited; a new result follows after the debounce. */
  readonly onDidEditSession = this.edited.event;
  readonly onDidChangeBusy = this.busyChanged.event;
  /** A new comparison of three or more documents (or none); a pair's `onDidChangeSession` fires undefined when one starts. */
  readonly onDidChangeManySession = this.manyChanged.event;
  readonly onDidEditManySession = this.manyEdited.event;

  constructor(private readonly runner: CompareRunner, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      this.changed, this.edited, this.busyChanged, this.manyChanged, this.manyEdited,
      vscode.workspace.onDidChangeTextDocument((event) => this.onDocumentChanged(event)),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsSettings(event)) return;
        const before = this.settingsCache;
        this.settingsCache = readSettings();
        // The passage length and the input format change what a comparison finds; the others how it is shown.
        const changed = this.settingsCache.minPassageWords !== before.minPassageWords || this.settingsCache.inputFormat !== before.inputFormat;
        if ((this.current || this.currentMany) && changed) this.scheduleRerun(0);
      }),
    );
  }

  get session(): ComparisonSession | undefined {
    return this.current;
  }

  get manySession(): ManyComparisonSession | undefined {
    return this.currentMany;
  }

  get settings(): Settings {
    return this.settingsCache;
  }

  /** Compares two documents and makes the result the current session. Rejects with CancellationError when cancelled. */
  compare(a: vscode.TextDocument, b: vscode.TextDocument, token?: vscode.CancellationToken): Promise<ComparisonSession> {
    return this.exclusive(token, async (cancel, started) => {
      const versions = { a: a.version, b: b.version };
      const texts = { a: readCheckedText(a, this.settingsCache.maxFileBytes), b: readCheckedText(b, this.settingsCache.maxFileBytes) };
      checkTotalSize([texts.a, texts.b], this.settingsCache.maxTotalBytes);
      const packed = { a: packText(texts.a), b: packText(texts.b) };
      const formats = { a: formatOf(a, this.settingsCache), b: formatOf(b, this.settingsCache) };
      const { comparison, comparisonPieces, articles } = await this.runner.run({
        a: { name: label(a.uri), text: packed.a, format: formats.a },
        b: { name: label(b.uri), text: packed.b, format: formats.b },
        options: { minWords: this.settingsCache.minPassageWords },
        memoryLimitMb: this.settingsCache.maxComparisonMemoryMb,
      }, cancel);
      // An edit that arrived while the worker ran has scheduled its own re-run; this result is
      // still shown meanwhile only if it matches the text, otherwise decorations would sit on wrong words.
      if (a.version !== versions.a || b.version !== versions.b) throw new vscode.CancellationError();
      // The page shows each document's article text: for plain text, the text the host packed already.
      const shown = { a: articles.a?.text ?? packed.a, b: articles.b?.text ?? packed.b };
      const session = new ComparisonSession({ a, b }, comparison, texts, encodePayload(comparisonPieces, shown), {
        a: shownArticle(comparison.a.format, texts.a, articles.a),
        b: shownArticle(comparison.b.format, texts.b, articles.b),
      });
      this.current = session;
      this.forgetMany();
      this.log.info(`compared ${label(a.uri)} (${comparison.a.stats.words} words) with ${label(b.uri)} (${comparison.b.stats.words} words) in ${Date.now() - started} ms: `
        + `${comparison.passages.length} shared passages, ${comparison.quoteMatches.length} quote matches${comparison.truncated ? ` (cut short: ${comparison.truncatedParts.join(', ')})` : ''}`);
      this.changed.fire(session);
      return session;
    });
  }

  /**
   * Compares three or more documents and makes the result the current session (replacing a pair's).
   * Rejects with CancellationError when cancelled.
   */
  compareMany(documents: readonly vscode.TextDocument[], token?: vscode.CancellationToken): Promise<ManyComparisonSession> {
    return this.exclusive(token, async (cancel, started) => {
      const versions = documents.map((document) => document.version);
      const texts = documents.map((document) => readCheckedText(document, this.settingsCache.maxFileBytes));
      checkTotalSize(texts, this.settingsCache.maxTotalBytes);
      const { comparison, viewPieces, articles } = await this.runner.runMany({
        documents: documents.map((document, d) => ({ name: label(document.uri), text: packText(texts[d]), format: formatOf(document, this.settingsCache) })),
        options: { minWords: this.settingsCache.minPassageWords },
        memoryLimitMb: this.settingsCache.maxComparisonMemoryMb,
      }, cancel);
      if (documents.some((document, d) => document.version !== versions[d])) throw new vscode.CancellationError();
      const shown = comparison.documents.map((document, d) => shownArticle(document.format, texts[d], articles[d]));
      const session = new ManyComparisonSession(documents, comparison, texts, viewPieces, shown);
      const hadPair = this.current !== undefined;
      this.current = undefined;
      this.currentMany = session;
      this.log.info(`compared ${documents.length} articles (${texts.reduce((sum, text) => sum + text.length, 0)} characters) in ${Date.now() - started} ms: `
        + `${comparison.passageClusters.length} passage clusters, ${comparison.quoteClusters.filter((cluster) => cluster.documents.length > 1).length} statements in two or more`
        + `${comparison.truncated ? ` (cut short: ${comparison.truncatedParts.join(', ')})` : ''}`);
      if (hadPair) this.changed.fire(undefined);
      this.manyChanged.fire(session);
      return session;
    });
  }

  /**
   * Runs one comparison as the only one: a pending re-run is dropped and a running one cancelled, the
   * busy state is kept, and `token` cancels this one. `work` gets the run's own token and its start time.
   */
  private async exclusive<T>(token: vscode.CancellationToken | undefined, work: (cancel: vscode.CancellationToken, started: number) => Promise<T>): Promise<T> {
    this.cancelRerun();
    const source = new vscode.CancellationTokenSource();
    const link = token?.onCancellationRequested(() => source.cancel());
    this.running = source;
    this.busyChanged.fire(true);
    try {
      return await work(source.token, Date.now());
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
    this.forgetMany();
  }

  private forgetMany(): void {
    if (!this.currentMany) return;
    this.currentMany = undefined;
    this.manyChanged.fire(undefined);
  }

  private onDocumentChanged(event: vscode.TextDocumentChangeEvent): void {
    if (event.contentChanges.length === 0) return;
    const edits = event.contentChanges.map((change) => ({
      start: change.rangeOffset,
      end: change.rangeOffset + change.rangeLength,
      insertedLength: change.text.length,
    }));
    const session = this.current;
    const side = session?.sideOf(event.document.uri);
    if (session && side) {
      session.applyEdits(side, edits);
      this.edited.fire({ session, side });
      this.scheduleRerun(this.settingsCache.debounceMs);
      return;
    }
    const many = this.currentMany;
    const document = many?.documentOf(event.document.uri);
    if (!many || document === undefined) return;
    many.applyEdits(document, edits);
    this.manyEdited.fire({ session: many, document });
    this.scheduleRerun(this.settingsCache.debounceMs);
  }

  private scheduleRerun(delay: number): void {
    this.cancelRerun();
    this.rerunTimer = setTimeout(() => {
      this.rerunTimer = undefined;
      const session = this.current;
      const many = this.currentMany;
      const run = session ? this.compare(session.documents.a, session.documents.b) : many ? this.compareMany(many.documents) : undefined;
      run?.catch((error: unknown) => {
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
