import * as vscode from 'vscode';
import type { Side } from '../core/model';
import { planQuoteMarks, QUOTE_DECORATION_KINDS, type QuoteDecorationKind, type QuoteMark } from '../core/views/quoteMarks';
import type { ComparisonService, ComparisonSession } from './comparisonService';

/** Up to this many quotes, all editors are painted at once (a few ms); beyond, one editor per event-loop turn. */
const SYNC_PAINT_QUOTES = 2000;

export type PaintedDecorations = Partial<Record<QuoteDecorationKind, vscode.Range[]>>;

/**
 * Marks, in both compared editors, the quotes that stand in the other article. Kinds differ by more
 * than colour (border styles), so they stay distinguishable for colour-blind readers and in high
 * contrast; colours come from `contributes.colors` so themes can override them.
 */
export class QuoteDecorations implements vscode.Disposable {
  private readonly types: Record<QuoteDecorationKind, vscode.TextEditorDecorationType>;
  private readonly painted = new Map<string, PaintedDecorations>();
  private paintGeneration = 0;
  private settled: Promise<void> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];
  /** Marks planned once per comparison result (and setting), remapped through the live ranges on every paint. */
  private plan: { session: ComparisonSession; unmatched: boolean; marks: Record<Side, QuoteMark[]> } | undefined;

  constructor(private readonly service: ComparisonService) {
    this.types = createDecorationTypes();
    this.disposables.push(
      ...Object.values(this.types),
      // A large result may mean thousands of ranges per editor: then one editor per event-loop turn
      // keeps each step of the host short. An edit repaints only the edited article, and at once,
      // so that no decoration stays on words the edit changed.
      service.onDidChangeSession(() => this.paintAllSoon()),
      service.onDidEditSession(({ session, side }) => {
        for (const editor of vscode.window.visibleTextEditors) if (session.sideOf(editor.document.uri) === side) this.paint(editor);
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
    if (!session || session.comparison.a.quotes.length + session.comparison.b.quotes.length <= SYNC_PAINT_QUOTES) {
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
    const session = this.service.session;
    const side = session?.sideOf(editor.document.uri);
    const byKind: PaintedDecorations = {};
    if (session && side) {
      const live = new Map(session.liveQuotes[side].map((quote) => [quote.quoteId, quote.range]));
      for (const mark of this.marksFor(session, side)) {
        const range = live.get(mark.quoteId);
        if (!range) continue;
        (byKind[mark.kind] ??= []).push(new vscode.Range(editor.document.positionAt(range[0]), editor.document.positionAt(range[1])));
      }
    }
    for (const kind of QUOTE_DECORATION_KINDS) editor.setDecorations(this.types[kind], byKind[kind] ?? []);
    if (session && side) this.painted.set(editor.document.uri.toString(), byKind);
    else this.painted.delete(editor.document.uri.toString());
  }

  private marksFor(session: ComparisonSession, side: Side): QuoteMark[] {
    const unmatched = this.service.settings.decorateUnmatchedQuotes;
    if (this.plan?.session !== session || this.plan.unmatched !== unmatched) {
      this.plan = {
        session,
        unmatched,
        marks: { a: planQuoteMarks(session.comparison, 'a', { unmatched }), b: planQuoteMarks(session.comparison, 'b', { unmatched }) },
      };
    }
    return this.plan.marks[side];
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

function createDecorationTypes(): Record<QuoteDecorationKind, vscode.TextEditorDecorationType> {
  const color = (id: string) => new vscode.ThemeColor(`compareSources.${id}`);
  const common = { rangeBehavior: vscode.DecorationRangeBehavior.ClosedClosed };
  // The three kinds of matched quote differ in the underline as well as the colour, so that they stay
  // apart for readers who cannot tell the colours apart (and in high-contrast themes).
  const matched = (background: vscode.ThemeColor, line: vscode.ThemeColor, style: 'solid' | 'dashed' | 'double', width: number) =>
    vscode.window.createTextEditorDecorationType({
      ...common,
      backgroundColor: background,
      borderStyle: `none none ${style} none`, borderWidth: `0 0 ${width}px 0`, borderColor: line,
      overviewRulerColor: line, overviewRulerLane: vscode.OverviewRulerLane.Center,
    });
  return {
    identical: matched(color('identicalQuoteBackground'), color('identicalQuoteRuler'), 'solid', 1),
    contained: matched(color('containedQuoteBackground'), color('containedQuoteRuler'), 'dashed', 1),
    altered: matched(color('alteredQuoteBackground'), color('alteredQuoteRuler'), 'double', 3),
    conflict: vscode.window.createTextEditorDecorationType({
      ...common,
      outlineStyle: 'dashed', outlineWidth: '1px', outlineColor: color('conflictQuoteBorder'),
      overviewRulerColor: color('conflictQuoteBorder'), overviewRulerLane: vscode.OverviewRulerLane.Right,
    }),
    unmatched: vscode.window.createTextEditorDecorationType({
      ...common,
      backgroundColor: color('unmatchedQuoteBackground'),
    }),
  };
}
