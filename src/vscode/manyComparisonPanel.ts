import * as vscode from 'vscode';
import { loadPage, webviewOptions, type PageShell } from './webviewDocument';
import type { Range } from '../core/model';
import { validateManyViewMessage, validateManyViewState, type ExtensionToManyView, type ManyItemKind } from '../protocol/manyViewMessages';
import { isRestorableUri } from '../protocol/webviewMessages';
import { MANY_PANEL_VIEW_TYPE } from './commandIds';
import type { ComparisonService, ManyComparisonSession } from './comparisonService';
import { openSource, SourceError } from './documentSource';
import { revealInOpenEditors } from './reveal';
import { viewColumnFor } from './viewPlacement';
import { yieldToEventLoop } from './worker/compareRunner';

/**
 * The comparison view of three or more articles: the sources overview, the passages and the
 * statements across all of them (media/src/many/). A panel of its own beside the two-article view,
 * which keeps its side-by-side page: the shell holds no article text, the content arrives by
 * message in pieces after the page says `ready`, and the page's messages are checked and their ids
 * looked up in the current comparison (a range never comes from the page).
 */
export class ManyComparisonPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private run = 0;
  private readonly panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly extensionUri: vscode.Uri, private readonly service: ComparisonService, private readonly log: vscode.LogOutputChannel) {
    this.disposables.push(
      service.onDidChangeManySession((session) => {
        if (session) void this.post(session);
      }),
      // A comparison of two articles has its own view: this one would only be stale.
      service.onDidChangeSession((session) => {
        if (session) this.panel?.dispose();
      }),
      service.onDidChangeBusy((busy) => this.postMessage({ type: 'busy', busy })),
    );
  }

  /** The open panel, if any (read by the integration tests through the extension's API). */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Shows the panel, opening it where the `openLocation` setting says (see viewPlacement.ts): by default a row of its own across the editor area, below the articles. */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return this.panel;
    }
    const column = await viewColumnFor(this.service.settings.openLocation, undefined);
    const panel = vscode.window.createWebviewPanel(MANY_PANEL_VIEW_TYPE, 'Compare Sources', { viewColumn: column, preserveFocus: true }, webviewOptions(this.extensionUri));
    this.attach(panel);
    return panel;
  }

  /** Takes over a panel, new or restored by the serializer after a window reload. */
  attach(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    this.ready = false;
    this.panelDisposables.push(...loadPage(panel, this.extensionUri, PAGE, () => [
      panel.webview.onDidReceiveMessage((raw: unknown) => this.onMessage(raw)),
      panel.onDidDispose(() => this.detach(panel)),
    ]));
    this.updateTitle(this.service.manySession);
  }

  /** Outlines the item F7 moved to (none: clears the outline). */
  showCurrent(item: { kind: ManyItemKind; id: number } | undefined): void {
    this.postMessage(item ? { type: 'current', item } : { type: 'current' });
  }

  /** Shows a message in place of the comparison. */
  showError(message: string): void {
    this.postMessage({ type: 'error', message });
  }

  private detach(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    this.panel = undefined;
    this.ready = false;
    for (const disposable of this.panelDisposables.splice(0)) disposable.dispose();
  }

  private onMessage(raw: unknown): void {
    const message = validateManyViewMessage(raw);
    if (!message) {
      this.log.warn('dropped a malformed message from the comparison view of many articles');
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      const session = this.service.manySession;
      if (session) void this.post(session);
      return;
    }
    const session = this.service.manySession;
    if (!session) return;
    revealInOpenEditors(itemPlaces(session, message.kind, message.id, message.document))
      .then(undefined, (error: unknown) => this.log.error('reveal failed', error));
  }

  /** Posts the session's content in pieces, giving up when a newer session (or panel) takes over. */
  private async post(session: ManyComparisonSession): Promise<void> {
    this.updateTitle(session);
    const run = ++this.run;
    const uris = session.documents.map((document) => document.uri.toString());
    const pieces = session.viewPieces;
    for (let index = 0; index < pieces.length; index++) {
      if (index > 0) await yieldToEventLoop();
      if (run !== this.run || !this.panel || !this.ready) return;
      this.postMessage({ type: 'manyContent', run, index, count: pieces.length, data: pieces[index], uris });
    }
  }

  private updateTitle(session: ManyComparisonSession | undefined): void {
    if (this.panel && session) this.panel.title = `Compare Sources: ${session.documents.length} articles`;
  }

  private postMessage(message: ExtensionToManyView): void {
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.panel?.dispose();
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

/**
 * Where an item of the view stands in the compared documents: each copy of a passage, each version
 * of a statement (at its live range), or only those of one document; looked up by id in the session.
 */
export function itemPlaces(session: ManyComparisonSession, kind: ManyItemKind, id: number, document?: number): Array<{ document: vscode.TextDocument; range: Range }> {
  const { comparison } = session;
  const places: Array<{ index: number; range: Range }> = [];
  if (kind === 'passage') {
    for (const copy of comparison.passageClusters[id]?.copies ?? []) places.push({ index: copy.document, range: copy.range });
  } else {
    for (const version of comparison.quoteClusters[id]?.versions ?? []) {
      const range = session.liveRange(version.document, version.quote);
      if (range) places.push({ index: version.document, range });
    }
  }
  // One place per document (its first copy), so that each editor shows one selection.
  const seen = new Set<number>();
  return places
    .filter((place) => (document === undefined || place.index === document) && !seen.has(place.index) && seen.add(place.index))
    .map((place) => ({ document: session.documents[place.index], range: place.range }));
}

/** Restores the view after a window reload from what the page saved: the documents' URIs. */
export class ManyComparisonPanelSerializer implements vscode.WebviewPanelSerializer {
  constructor(private readonly panel: ManyComparisonPanel, private readonly service: ComparisonService, private readonly log: vscode.LogOutputChannel) {}

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const saved = validateManyViewState(state);
    if (!saved) {
      webviewPanel.dispose();
      return;
    }
    this.panel.attach(webviewPanel);
    try {
      const workspaceSchemes = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme);
      const uris = saved.uris.map((uri) => {
        if (!isRestorableUri(uri, workspaceSchemes)) throw new SourceError('that kind of document is not reopened from a saved comparison');
        return vscode.Uri.parse(uri, true);
      });
      const documents = await Promise.all(uris.map((uri) => openSource(uri, this.service.settings.maxFileBytes)));
      await this.service.compareMany(documents);
    } catch (error) {
      this.log.warn('could not restore the comparison of many articles', error);
      this.panel.showError(`Could not compare the articles again: ${error instanceof Error ? error.message : String(error)}. Run Compare Sources to start a new comparison.`);
    }
  }
}

/** The page's static shell: its style sheets, script and body (the content arrives as messages). */
const PAGE: PageShell = { styles: [['base.css'], ['many.css']], script: ['dist', 'manyWebview.js'], body: `<header class="header">
  <h1 id="title" class="title">Comparing…</h1>
  <ul id="summary" class="summary" role="status" aria-live="polite"></ul>
  <p id="busy" class="busy" hidden>Comparing again…</p>
  <p id="error" class="error" role="alert" hidden></p>
  <div class="toolbar">
    <div class="tabs" role="tablist" aria-label="Sections">
      <button type="button" class="tab" role="tab" id="tab-overview" aria-controls="section-overview">Sources overview</button>
      <button type="button" class="tab" role="tab" id="tab-passages" aria-controls="section-passages">Passages</button>
      <button type="button" class="tab" role="tab" id="tab-statements" aria-controls="section-statements">Statements</button>
    </div>
    <div class="filters">
      <label>Article <select id="filter-document" aria-label="Show only what one article holds"></select></label>
      <label><input type="checkbox" id="filter-flagged"> Conflicts and altered statements only</label>
    </div>
  </div>
</header>
<main id="content" class="content">
  <section id="section-overview" role="tabpanel" aria-labelledby="tab-overview">
    <table id="overview" class="overview"></table>
    <ul id="documents" class="documents"></ul>
  </section>
  <section id="section-passages" role="tabpanel" aria-labelledby="tab-passages" hidden><ol id="passages" class="items"></ol></section>
  <section id="section-statements" role="tabpanel" aria-labelledby="tab-statements" hidden><ol id="statements" class="items"></ol></section>
</main>` };
