import * as vscode from 'vscode';
import type { Range, Side } from '../core/model';
import { manyStops, type ManyStop } from '../core/views/manyNavigation';
import { passageStops, quoteDifferenceStops, step, stopFrom, type Direction, type Stop } from '../core/views/navigation';
import { quoteStatuses } from '../core/views/quoteMarks';
import { positionText, quoteStopText } from '../core/views/wording';
import type { NavigationTarget } from '../protocol/webviewMessages';
import type { ComparisonPanel } from './comparisonPanel';
import type { ComparisonService, ComparisonSession, ManyComparisonSession } from './comparisonService';
import type { ManyComparisonPanel } from './manyComparisonPanel';
import { itemPlaces } from './manyComparisonPanel';
import { revealInBoth, revealInOpenEditors } from './reveal';

/**
 * Moves through a comparison a stop at a time (F7 / Shift+F7 for shared passages, Alt+F7 /
 * Shift+Alt+F7 for quote differences, the view's toolbar, `n`/`p` in the view), keeping both
 * editors and the view in step: each move selects the stop in both articles and outlines it in the
 * view. From a compared editor the next stop is the first after its cursor, as F7 in the diff
 * editor; from the view, the one after the last stop.
 */
export class ComparisonNavigator implements vscode.Disposable {
  /** The last stop moved to, by target, identified by where it starts on both sides. */
  private last: { target: NavigationTarget; key: string } | undefined;
  /** With many articles: the last stop moved to, by target, and the article moved through. */
  private lastMany: { target: NavigationTarget; document: number; key: string } | undefined;
  /** Moves run one after the other: a held F7 must count from where the previous move left the cursor. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: ComparisonService, private readonly panel: ComparisonPanel, private readonly log: vscode.LogOutputChannel, private readonly manyPanel?: ManyComparisonPanel) {
    this.disposables.push(
      service.onDidChangeSession((session) => {
        if (!session) this.last = undefined;
      }),
      service.onDidChangeManySession(() => {
        this.lastMany = undefined;
      }),
      panel.onDidRequest((request) => {
        const done = request.type === 'navigate' ? this.move(request.target, request.direction)
          : request.type === 'revealPassage' ? this.inTurn(() => this.revealPassage(request.passage))
            : this.inTurn(() => this.revealQuote(request.side, request.range));
        done.then(undefined, (error: unknown) => this.log.error('moving in the comparison failed', error));
      }),
    );
  }

  /** Moves to the next (1) or previous (-1) stop; returns the stop, or undefined when there is none. */
  move(target: NavigationTarget, direction: Direction): Promise<Stop | ManyStop | undefined> {
    return this.inTurn<Stop | ManyStop | undefined>(() => {
      const many = this.service.manySession;
      return many ? this.moveManyNow(many, target, direction) : this.moveNow(target, direction);
    });
  }

  private inTurn<T>(work: () => Promise<T>): Promise<T> {
    const run = this.queue.then(work);
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async moveNow(target: NavigationTarget, direction: Direction): Promise<Stop | undefined> {
    const session = this.service.session;
    if (!session) return undefined;
    const editor = vscode.window.activeTextEditor;
    const editorSide = editor ? session.sideOf(editor.document.uri) : undefined;
    const side: Side = editorSide ?? 'a';
    const stops = this.stops(session, target, side);
    let index: number;
    if (editor && editorSide) {
      // From the cursor: forward past the end of the selection (the stop just moved to), back before its start.
      const offset = editor.document.offsetAt(direction === 1 ? editor.selection.end : editor.selection.start);
      index = stopFrom(stops.map((stop) => stop[side][0]), offset, direction);
    } else {
      const current = this.last?.target === target ? stops.findIndex((stop) => keyOf(stop) === this.last?.key) : -1;
      index = step(current, stops.length, direction);
    }
    const stop = stops[index];
    this.panel.showCurrent({ type: 'current', ...(stop ? currentOf(target, stop) : {}), position: positionOf(target, index, stops.length) });
    if (!stop) return undefined;
    this.last = { target, key: keyOf(stop) };
    await revealInBoth(session.documents, { a: stop.a, b: stop.b }, editorSide);
    return stop;
  }

  /**
   * With many articles: the next stop in the active article (the first compared one when the focus is
   * elsewhere), selected in every open editor of the articles and outlined in the view.
   */
  private async moveManyNow(session: ManyComparisonSession, target: NavigationTarget, direction: Direction): Promise<ManyStop | undefined> {
    const editor = vscode.window.activeTextEditor;
    const active = editor ? session.documentOf(editor.document.uri) : undefined;
    const document = active ?? (this.lastMany?.document ?? 0);
    const stops = manyStops(session.index, document, target === 'passage' ? 'passage' : 'statement')
      .map((stop) => (stop.quote === undefined ? stop : { ...stop, range: session.liveRange(document, stop.quote) ?? stop.range }));
    let index: number;
    if (editor && active !== undefined) {
      const offset = editor.document.offsetAt(direction === 1 ? editor.selection.end : editor.selection.start);
      index = stopFrom(stops.map((stop) => stop.range[0]), offset, direction);
    } else {
      const last = this.lastMany;
      const current = last?.target === target && last.document === document ? stops.findIndex((stop) => manyKeyOf(stop) === last.key) : -1;
      index = step(current, stops.length, direction);
    }
    const stop = stops[index];
    this.manyPanel?.showCurrent(stop ? { kind: stop.kind, id: stop.id } : undefined);
    if (!stop) return undefined;
    this.lastMany = { target, document, key: manyKeyOf(stop) };
    // The other articles at the item's place; this one at the stop itself (a passage it prints twice).
    const places = itemPlaces(session, stop.kind, stop.id).filter((place) => place.document !== session.documents[document]);
    await revealInOpenEditors([{ document: session.documents[document], range: stop.range }, ...places]);
    return stop;
  }

  /** A click on a passage in the view: both articles select it, the view outlines it. */
  private async revealPassage(id: number): Promise<void> {
    const session = this.service.session;
    const passage = session?.comparison.passages[id];
    if (!session || !passage) return;
    const stops = this.stops(session, 'passage', 'a');
    const index = stops.findIndex((stop) => stop.index === id);
    this.last = { target: 'passage', key: keyOf(stops[index]) };
    this.panel.showCurrent({ type: 'current', passage: id, position: positionText(index, stops.length) });
    await revealInBoth(session.documents, { a: passage.a, b: passage.b });
  }

  /** A click on a quote in the view: its article selects it, the other article its strongest partner. */
  private async revealQuote(side: Side, shownRange: Range): Promise<void> {
    const session = this.service.session;
    if (!session) return;
    // The page shows article text (a web page without its markup): its offsets are mapped to the document's.
    const [offset] = session.toDocument(side, shownRange);
    const status = quoteStatuses(session.comparison, side).find(({ quote }) => quote.range[0] <= offset && offset < Math.max(quote.range[1], quote.range[0] + 1));
    if (!status) return;
    const other: Side = side === 'a' ? 'b' : 'a';
    const partner = status.matches[0] ? session.comparison[other].quotes[status.matches[0][other]] : undefined;
    const ranges = { [side]: session.liveRange(side, status.quote.id) ?? status.quote.range } as Partial<Record<Side, Range>>;
    if (partner) ranges[other] = session.liveRange(other, partner.id) ?? partner.range;
    await revealInBoth(session.documents, ranges);
  }

  private stops(session: ComparisonSession, target: NavigationTarget, side: Side): Stop[] {
    const { comparison } = session;
    return target === 'passage' ? passageStops(comparison, side) : quoteDifferenceStops(comparison, side, quoteStatuses(comparison, side));
  }

  dispose(): void {
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

const keyOf = (stop: Stop): string => `${stop.a[0]}:${stop.b[0]}`;
const manyKeyOf = (stop: ManyStop): string => `${stop.kind}:${stop.id}:${stop.range[0]}`;

function currentOf(target: NavigationTarget, stop: Stop): { passage?: number; quotes?: Partial<Record<Side, number>> } {
  return target === 'passage' ? { passage: stop.index } : { quotes: stop.quotes };
}

function positionOf(target: NavigationTarget, index: number, total: number): string {
  return target === 'passage' ? positionText(index, total) : quoteStopText(index, total);
}
