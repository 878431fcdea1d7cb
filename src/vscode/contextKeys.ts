import * as vscode from 'vscode';
import type { ComparisonService } from './comparisonService';

/** The context keys the keybindings and menus read (package.json `when` clauses). */
export const CONTEXT_KEYS = {
  /** A comparison of two articles is open: its commands show in the palette. */
  hasComparison: 'compareSources.hasComparison',
  /** A comparison of three or more articles is open. */
  hasManyComparison: 'compareSources.hasManyComparison',
  /** The active editor shows one of the compared articles: F7 moves through the comparison there. */
  inComparedEditor: 'compareSources.inComparedEditor',
} as const;

type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];

/**
 * Keeps the context keys true to the comparison and the active editor. VS Code cannot read a context
 * key back, so the values last set are kept for the integration tests.
 */
export class ComparisonContextKeys implements vscode.Disposable {
  private readonly values = new Map<ContextKey, boolean>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: ComparisonService) {
    this.disposables = [
      service.onDidChangeSession(() => this.update()),
      service.onDidChangeManySession(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    ];
    this.update();
  }

  /** The values last set, by key. */
  get current(): Readonly<Record<ContextKey, boolean>> {
    return Object.fromEntries(this.values) as Record<ContextKey, boolean>;
  }

  private update(): void {
    const session = this.service.session;
    const editor = vscode.window.activeTextEditor;
    this.set(CONTEXT_KEYS.hasComparison, session !== undefined);
    this.set(CONTEXT_KEYS.hasManyComparison, this.service.manySession !== undefined);
    const many = this.service.manySession;
    this.set(CONTEXT_KEYS.inComparedEditor, editor !== undefined && (session?.sideOf(editor.document.uri) !== undefined || many?.documentOf(editor.document.uri) !== undefined));
  }

  private set(key: ContextKey, value: boolean): void {
    if (this.values.get(key) === value) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    // No comparison once the extension is gone: the keybindings and menus must not stay on.
    for (const key of Object.values(CONTEXT_KEYS)) void vscode.commands.executeCommand('setContext', key, false);
  }
}
