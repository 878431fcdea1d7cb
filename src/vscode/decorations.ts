import * as vscode from 'vscode';
import { PASSAGE_MARK_KINDS, PASSAGE_SWATCHES, QUOTE_MARK_KINDS, QUOTE_SWATCHES, themeColourVariable, type PassageMarkKind, type QuoteMarkKind } from '../core/views/palette';
import { planManyQuoteMarks } from '../core/views/manyQuoteMarks';
import type { PassageMark } from '../core/views/passageMarks';
import { planQuoteMarks, type QuoteMark, type QuoteMarkOptions } from '../core/views/quoteMarks';
import type { ComparisonService, ComparisonSession, LiveQuote, ManyComparisonSession } from './comparisonService';

/** Up to this many quotes, all editors are painted at once (a few ms); beyond, one editor per event-loop turn. */
const SYNC_PAINT_QUOTES = 2000;

type MarkKind = QuoteMarkKind | PassageMarkKind;

export type PaintedDecorations = Partial<Record<MarkKind, vscode.Range[]>>;

const MARK_KINDS: readonly MarkKind[] = [...PASSAGE_MARK_KINDS, ...QUOTE_MARK_KINDS];

/**
 * Marks, in the compared editors (two, or many), what the comparison view marks (core/views/palette.ts): the shared
 * passages and the words that differ as a background, subtle so that the text stays readable, and
 * each quote by its one status as an underline whose colour and line style say how it stands in the
 * other article. Colours come from `contributes.colors` so themes can override them.
 */
export class ComparisonDecorations implements vscode.Disposable {
  private readonly types: Record<MarkKind, vscode.TextEditorDecorationType>;
  private readonly painted = new Map<string, PaintedDecorations>();
  private paintGeneration = 0;
  private settled: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  /** Quote marks planned once per comparison result (and setting), per compared document, remapped through the live ranges on every paint. */
  private plan: { session: ComparisonSession | ManyComparisonSession; onlyHere: boolean; marks: Map<string, QuoteMark[]> } | undefined;

  constructor(private readonly service: ComparisonService) {
    this.types = createDecorationTypes();
    this.disposables.push(
      ...Object.values(this.types),
      // A large result may mean thousands of ranges per editor: then one editor per event-loop turn
      // keeps each step of the host short. An edit repaints only the edited article, and at once,
      // so that no decoration stays on words the edit changed.
      service.onDidChangeSession(() => this.paintAllSoon()),
      service.onDidChangeManySession(() => this.paintAllSoon()),
      service.onDidEditSession(({ session, side }) => {
        for (const editor of vscode.window.visibleTextEditors) if (session.sideOf(editor.document.uri) === side) this.paint(editor);
      }),
      service.onDidEditManySession(({ session, document }) => {
        for (const editor of vscode.window.visibleTextEditors) if (session.documentOf(editor.document.uri) === document) this.paint(editor);
      }),
      vscode.window.onDidChangeVisibleTextEditors(() => this.paintAll()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('compareSources.decorateUnmatchedQuotes')) this.paintAll();
      }),
    );
    this.paintAll();
  }

  /** What was last set on editors of this document, by kind (VS Code cannot read decorations back). */
  decorationsOf(uri: vscode.Uri): PaintedDecorations {
    return this.painted.get(uri.toString()) ?? {};
  }

  private paintAllSoon(): void {
    const session = this.service.session;
    const many = this.service.manySession;
    const quotes = session ? session.comparison.a.quotes.length + session.comparison.b.quotes.length
      : many ? many.comparison.documents.reduce((sum, document) => sum + document.quotes.length, 0) : 0;
    if (quotes <= SYNC_PAINT_QUOTES) {
      this.paintAll();
      this.settled = Promise.resolve();
      return;
    }
    const generation = ++this.paintGeneration;
    const editors = [...vscode.window.visibleTextEditors];
    this.settled = new Promise((resolve) => {
      const next = (index: number): void => {
        if (generation !== this.paintGeneration || index >= editors.length) return resolve();
        this.paint(editors[index]);
        setImmediate(() => next(index + 1));
      };
      setImmediate(() => next(0));
    });
  }

  /** Resolves once the decorations of the latest comparison are on every visible editor. */
  whenPainted(): Promise<void> {
    return this.settled;
  }

  private paintAll(): void {
    this.paintGeneration++;
    const visible = new Set<string>();
    for (const editor of vscode.window.visibleTextEditors) {
      visible.add(editor.document.uri.toString());
      this.paint(editor);
    }
    for (const key of [...this.painted.keys()]) if (!visible.has(key)) this.painted.delete(key);
  }

  private paint(editor: vscode.TextEditor): void {
    const target = this.targetOf(editor.document.uri);
    const byKind: PaintedDecorations = {};
    if (target) {
      const toRange = ([start, end]: readonly [number, number]) => new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(end));
      for (const mark of target.passageMarks) (byKind[mark.kind] ??= []).push(toRange(mark.range));
      const live = new Map(target.liveQuotes.map((quote) => [quote.quoteId, quote.range]));
      for (const mark of target.quoteMarks()) {
        const range = live.get(mark.quoteId);
        if (range) (byKind[mark.kind] ??= []).push(toRange(range));
      }
    }
    for (const kind of MARK_KINDS) editor.setDecorations(this.types[kind], byKind[kind] ?? []);
    if (target) this.painted.set(editor.document.uri.toString(), byKind);
    else this.painted.delete(editor.document.uri.toString());
  }

  /** What the current comparison (of two articles or many) marks on a document, or undefined when it is not compared. */
  private targetOf(uri: vscode.Uri): { passageMarks: readonly PassageMark[]; liveQuotes: readonly LiveQuote[]; quoteMarks(): QuoteMark[] } | undefined {
    const session = this.service.session;
    const side = session?.sideOf(uri);
    if (session && side) {
      return { passageMarks: session.livePassageMarks[side], liveQuotes: session.liveQuotes[side], quoteMarks: () => this.marksFor(session, side, () => planQuoteMarks(session.comparison, side, this.options())) };
    }
    const many = this.service.manySession;
    const document = many?.documentOf(uri);
    if (!many || document === undefined) return undefined;
    return { passageMarks: many.livePassageMarks[document], liveQuotes: many.liveQuotes[document], quoteMarks: () => this.marksFor(many, String(document), () => planManyQuoteMarks(many.index, document, this.options())) };
  }

  private options(): QuoteMarkOptions {
    return { onlyHere: this.service.settings.decorateUnmatchedQuotes };
  }

  private marksFor(session: ComparisonSession | ManyComparisonSession, key: string, plan: () => QuoteMark[]): QuoteMark[] {
    const { onlyHere } = this.options();
    if (this.plan?.session !== session || this.plan.onlyHere !== onlyHere) this.plan = { session, onlyHere, marks: new Map() };
    let marks = this.plan.marks.get(key);
    if (!marks) this.plan.marks.set(key, (marks = plan()));
    return marks;
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

function createDecorationTypes(): Record<MarkKind, vscode.TextEditorDecorationType> {
  const types = {} as Record<MarkKind, vscode.TextEditorDecorationType>;
  for (const kind of PASSAGE_MARK_KINDS) {
    types[kind] = vscode.window.createTextEditorDecorationType({
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      backgroundColor: new vscode.ThemeColor(PASSAGE_SWATCHES[kind].colour),
    });
  }
  for (const kind of QUOTE_MARK_KINDS) {
    const { colour, underline } = QUOTE_SWATCHES[kind];
    const line = new vscode.ThemeColor(colour);
    // A border draws every line style but wavy; the wavy one is a text decoration, which takes a CSS
    // colour only, so it names the theme colour's CSS variable.
    const style: vscode.DecorationRenderOptions = underline === 'wavy'
      ? { textDecoration: `underline wavy var(${themeColourVariable(colour)})` }
      : { borderStyle: `none none ${underline} none`, borderWidth: `0 0 ${underline === 'double' ? 3 : 2}px 0`, borderColor: line };
    types[kind] = vscode.window.createTextEditorDecorationType({
      rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed,
      ...style,
      overviewRulerColor: line,
      overviewRulerLane: kind === 'conflict' ? vscode.OverviewRulerLane.Right : vscode.OverviewRulerLane.Center,
    });
  }
  return types;
}
