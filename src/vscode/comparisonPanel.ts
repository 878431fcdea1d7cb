import * as vscode from 'vscode';
import { loadPage, webviewOptions, type PageShell } from './webviewDocument';
import type { Range, Side } from '../core/model';
import { isRestorableUri, validatePersistedState, validateWebviewMessage, type ExtensionToWebview, type WebviewToExtension } from '../protocol/webviewMessages';
import { PANEL_VIEW_TYPE } from './commandIds';
import { yieldToEventLoop } from './worker/compareRunner';
import type { ComparisonService, ComparisonSession } from './comparisonService';
import { openSource, SourceError } from './documentSource';
import { viewColumnFor } from './viewPlacement';

/**
 * The comparison webview: one panel showing the current session. The page is a fixed shell (no
 * article text in its HTML); the comparison arrives by message after the page says `ready`.
 * No retainContextWhenHidden: the page keeps its scroll and filters with setState, and re-rendering
 * from a message when it is shown again costs less memory than keeping a hidden page alive.
 */
export class ComparisonPanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private ready = false;
  private payloadRun = 0;
  private pendingError: string | undefined;
  private readonly panelDisposables: vscode.Disposable[] = [];
  private readonly disposables: vscode.Disposable[] = [];
  private readonly requested = new vscode.EventEmitter<Exclude<WebviewToExtension, { type: 'ready' }>>();
  private disposing = false;

  /** What the page asks for besides its data (a click to reveal, a move), validated. */
  readonly onDidRequest = this.requested.event;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly service: ComparisonService,
    private readonly log: vscode.LogOutputChannel,
  ) {
    this.disposables.push(
      this.requested,
      // No comparison any more (Clear Comparison): nothing for the view to show.
      service.onDidChangeSession((session) => (session ? this.postSession(session) : this.panel?.dispose())),
      service.onDidChangeBusy((busy) => this.post({ type: 'busy', busy })),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration('compareSources.showSpeakerNames')) this.postSettings();
      }),
      // The side-by-side view shows two articles: a comparison of more closes it rather than leave it stale.
      service.onDidChangeManySession((many) => {
        if (many) this.panel?.dispose();
      }),
    );
  }

  /** The open panel, if any (read by the integration tests through the extension's API). */
  get webviewPanel(): vscode.WebviewPanel | undefined {
    return this.panel;
  }

  /** Shows the panel, opening it where the `openLocation` setting says (see viewPlacement.ts). */
  async show(): Promise<vscode.WebviewPanel> {
    if (this.panel) {
      this.panel.reveal(undefined, true);
      return this.panel;
    }
    const column = await viewColumnFor(this.service.settings.openLocation, this.service.session?.documents);
    // Another show may have opened it while the layout changed.
    if (this.panel) return this.panel;
    const panel = vscode.window.createWebviewPanel(PANEL_VIEW_TYPE, 'Compare Sources', { viewColumn: column, preserveFocus: true }, webviewOptions(this.extensionUri));
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
    this.updateTitle(this.service.session);
  }

  /** Shows the panel and points it at a range of one article (from the tree's "Show in Comparison"). */
  async focus(side: Side, range: Range): Promise<void> {
    await this.show();
    // The model's range is in the document; the page shows article text (for a web page, without markup).
    this.post({ type: 'focus', side, range: this.service.session?.toShown(side, range) ?? range });
  }

  /** Shows a message in place of the comparison (posted once the page is ready). */
  showError(message: string): void {
    this.pendingError = message;
    this.post({ type: 'error', message });
  }

  private detach(panel: vscode.WebviewPanel): void {
    if (this.panel !== panel) return;
    this.panel = undefined;
    this.ready = false;
    for (const disposable of this.panelDisposables.splice(0)) disposable.dispose();
    // Closing the view ends the comparison: its decorations, badge and status go with it. Not when the
    // view closed because a comparison of many articles took its place: that one stays.
    if (!this.disposing && this.service.session) this.service.clear();
  }

  private onMessage(raw: unknown): void {
    const message = validateWebviewMessage(raw);
    if (!message) {
      this.log.warn('dropped a malformed message from the comparison webview');
      return;
    }
    if (message.type === 'ready') {
      this.ready = true;
      this.postSettings();
      if (this.pendingError) this.post({ type: 'error', message: this.pendingError });
      this.postSession(this.service.session);
      return;
    }
    this.requested.fire(message);
  }

  /** Tells the page where a move went (see ComparisonNavigator), showing the panel if another tab hid it. */
  showCurrent(message: Extract<ExtensionToWebview, { type: 'current' }>): void {
    if (this.panel && !this.panel.visible) this.panel.reveal(undefined, true);
    this.post(message);
  }

  private postSession(session: ComparisonSession | undefined): void {
    this.updateTitle(session);
    if (!session) return;
    this.pendingError = undefined;
    void this.postPayload(session);
  }

  /** Posts the session's payload in pieces, giving up when a newer session (or panel) takes over. */
  private async postPayload(session: ComparisonSession): Promise<void> {
    const run = ++this.payloadRun;
    const uris = { a: session.documents.a.uri.toString(), b: session.documents.b.uri.toString() };
    const pieces = session.payload;
    for (let index = 0; index < pieces.length; index++) {
      if (index > 0) await yieldToEventLoop();
      if (run !== this.payloadRun || !this.panel || !this.ready) return;
      this.post({ type: 'comparison', run, index, count: pieces.length, part: pieces[index].part, data: pieces[index].data, uris });
    }
  }

  private updateTitle(session: ComparisonSession | undefined): void {
    if (this.panel && session) this.panel.title = `${session.comparison.a.name} ↔ ${session.comparison.b.name}`;
  }

  private postSettings(): void {
    this.post({ type: 'settings', showSpeakerNames: this.service.settings.showSpeakerNames });
  }

  private post(message: ExtensionToWebview): void {
    // Before `ready` the page has no listener yet; it asks for everything with `ready`.
    if (this.panel && this.ready) void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    this.disposing = true;
    this.panel?.dispose();
    for (const disposable of this.disposables.reverse()) disposable.dispose();
  }
}

const LAST_COMPARISON_KEY = 'compareSources.lastComparison';

/** Restores the panel after a window reload from what it persisted: the two URIs (and its own UI state). */
export class ComparisonPanelSerializer implements vscode.WebviewPanelSerializer, vscode.Disposable {
  private readonly subscription: vscode.Disposable;

  /**
   * `memento` keeps the URIs of the last comparison as well: the page's own state (setState) is
   * sometimes not yet saved when the window reloads right after a comparison,
   * and VS Code then restores the panel with no state at all.
   */
  constructor(private readonly panel: ComparisonPanel, private readonly service: ComparisonService, private readonly memento: vscode.Memento, private readonly log: vscode.LogOutputChannel) {
    this.subscription = service.onDidChangeSession((session) => {
      if (session) void memento.update(LAST_COMPARISON_KEY, { uris: { a: session.documents.a.uri.toString(), b: session.documents.b.uri.toString() } });
    });
  }

  dispose(): void {
    this.subscription.dispose();
  }

  async deserializeWebviewPanel(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const persisted = validatePersistedState(state) ?? validatePersistedState(this.memento.get(LAST_COMPARISON_KEY));
    if (!persisted) {
      webviewPanel.dispose();
      return;
    }
    this.panel.attach(webviewPanel);
    try {
      const maxBytes = this.service.settings.maxFileBytes;
      const [a, b] = await Promise.all([openSource(restorableUri(persisted.uris.a), maxBytes), openSource(restorableUri(persisted.uris.b), maxBytes)]);
      await this.service.compare(a, b);
    } catch (error) {
      // The articles may have moved or changed: say so in the panel rather than make it vanish.
      this.log.warn('could not restore the comparison', error);
      this.panel.showError(`Could not compare the articles again: ${error instanceof Error ? error.message : String(error)}. Run Compare Sources to start a new comparison.`);
    }
  }
}

function restorableUri(saved: string): vscode.Uri {
  const workspaceSchemes = (vscode.workspace.workspaceFolders ?? []).map((folder) => folder.uri.scheme);
  if (!isRestorableUri(saved, workspaceSchemes)) throw new SourceError('that kind of document is not reopened from a saved comparison');
  return vscode.Uri.parse(saved, true);
}

/** The page's static shell: its style sheets, script and body (the content arrives as messages). */
const PAGE: PageShell = { styles: [['dist', 'codicons', 'codicon.css'], ['base.css'], ['webview.css']], script: ['dist', 'webview.js'], body: `<header class="header">
  <div id="stats" class="stats" role="status" aria-live="polite">Comparing…</div>
  <p id="empty-state" class="empty-state" role="status" hidden></p>
  <div class="toolbar" role="toolbar" aria-label="Filters and navigation">
    <label><input type="checkbox" id="filter-shared" checked> Shared text</label>
    <label><input type="checkbox" id="filter-quotes" checked> Quotes</label>
    <label><input type="checkbox" id="filter-altered"> Altered quotes only</label>
    <label>Speaker <select id="filter-speaker" aria-label="Show quotes of one speaker"><option value="">All speakers</option></select></label>
    <span class="navigation">
      <button type="button" id="previous-passage" class="icon-button" title="Previous shared passage (p)" aria-label="Previous shared passage"><span class="codicon codicon-arrow-up"></span></button>
      <button type="button" id="next-passage" class="icon-button" title="Next shared passage (n)" aria-label="Next shared passage"><span class="codicon codicon-arrow-down"></span></button>
      <span id="position" class="position" aria-live="polite"></span>
    </span>
  </div>
  <div id="legend" class="legend" role="list" aria-label="What the colours mean"></div>
</header>
<main class="columns">
  <section class="column" aria-labelledby="title-a"><div class="column-header"><h2 id="title-a" class="title"></h2><p id="share-a" class="share"></p></div><div id="article-a" class="article" tabindex="0" role="document"></div></section>
  <section class="column" aria-labelledby="title-b"><div class="column-header"><h2 id="title-b" class="title"></h2><p id="share-b" class="share"></p></div><div id="article-b" class="article" tabindex="0" role="document"></div></section>
</main>` };
