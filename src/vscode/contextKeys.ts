import * as vscode from 'vscode';
import type { ComparisonService } from './comparisonService';

/** The context keys the keybindings and menus read (package.json `when` clauses). */
export const CONTEXT_KEYS = {
  /** A comparison of two articles is open: its commands show in the palette. */
  hasComparison: 'compareSources.hasComparison',
  /** A comparison of three or more articles is open. */
  hasManyComparison: 'compareSources.hasManyComparison',
  /**
   * The compared articles' paths, as the workbench's `resourcePath` gives them: F7 is bound where
   * `resourcePath in` this list. The workbench reads the active editor's path itself, so the binding
   * holds the moment an editor takes the focus (a key set from the extension host on each change of
   * editor arrived too late for a quick F7). Paths, not URIs: a remote workbench (code-server) names
   * a file by another scheme than the extension host does.
   */
  comparedPaths: 'compareSources.comparedPaths',
} as const;

type ContextKey = (typeof CONTEXT_KEYS)[keyof typeof CONTEXT_KEYS];

type ContextValue = boolean | readonly string[];

/**
 * Keeps the context keys true to the comparisons. VS Code cannot read a context key back, so the
 * values last set are kept for the integration tests.
 */
export class ComparisonContextKeys implements vscode.Disposable {
  private readonly values = new Map<ContextKey, ContextValue>();
  private readonly disposables: vscode.Disposable[];

  constructor(private readonly service: ComparisonService) {
    this.disposables = [
      service.onDidChangeSession(() => this.update()),
      service.onDidChangeManySession(() => this.update()),
    ];
    this.update();
  }

  /** The values last set, by key. */
  get current(): Readonly<Record<ContextKey, ContextValue>> {
    return Object.fromEntries(this.values) as Record<ContextKey, ContextValue>;
  }

  private update(): void {
    const session = this.service.session;
    const many = this.service.manySession;
    this.set(CONTEXT_KEYS.hasComparison, session !== undefined);
    this.set(CONTEXT_KEYS.hasManyComparison, many !== undefined);
    const uris = [...(session ? [session.documents.a.uri, session.documents.b.uri] : []), ...(many?.documents.map((document) => document.uri) ?? [])];
    this.set(CONTEXT_KEYS.comparedPaths, [...new Set(uris.map(resourcePath))]);
  }

  private set(key: ContextKey, value: ContextValue): void {
    if (JSON.stringify(this.values.get(key)) === JSON.stringify(value)) return;
    this.values.set(key, value);
    void vscode.commands.executeCommand('setContext', key, value);
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
    // No comparison once the extension is gone: the keybindings and menus must not stay on.
    for (const key of Object.values(CONTEXT_KEYS)) void vscode.commands.executeCommand('setContext', key, key === CONTEXT_KEYS.comparedPaths ? [] : false);
  }
}

/** What the workbench's `resourcePath` context key holds for a document: a file's path on disk, another scheme's path. */
export function resourcePath(uri: vscode.Uri): string {
  return uri.scheme === 'file' ? uri.fsPath : uri.path;
}
