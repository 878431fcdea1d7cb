import * as vscode from 'vscode';
import { comparisonInArticles } from '../core/formats/sourceRanges';
import type { ReportInput } from '../core/views/report/content';
import { REPORT_FORMATS, reportFormatOfFile, writeReport, type ReportFormat } from '../core/views/report/formats';
import { COMMANDS } from './commandIds';
import type { ComparisonService, ComparisonSession, ManyComparisonSession } from './comparisonService';
import { label } from './documentSource';
import { notificationText } from './notifications';

/** What the export did; returned to callers (tests) because notifications and dialogs cannot be read back. */
export type ExportOutcome =
  | { status: 'exported'; uri: vscode.Uri; format: ReportFormat }
  | { status: 'cancelled' }
  | { status: 'no-comparison' }
  | { status: 'error'; message: string };

export interface ExportDeps {
  service: ComparisonService;
  log: vscode.LogOutputChannel;
}

/** Where to write without asking: `executeCommand('compareSources.exportReport', { target: uri })` (tests, other extensions). */
export interface ExportArgs {
  target: vscode.Uri;
}

/**
 * "Export Report…": the current comparison written as HTML, Markdown or JSON, the format read from
 * the file name chosen in the save dialog. Written through `workspace.fs`, so remote and virtual
 * folders work. A bare Uri argument is what menus pass (the editor's resource: the view's, or an
 * article's) and is never taken as the place to write: only `{ target }` skips the dialog.
 */
export async function exportReportCommand(deps: ExportDeps, args: unknown): Promise<ExportOutcome> {
  const many = deps.service.manySession;
  if (many) return exportManyComparison(deps, many, args);
  const session = await currentSession(deps.service);
  if (!session) {
    void vscode.window.showInformationMessage('Compare Sources: there is no comparison to export yet. Compare two articles first.', 'Compare Sources')
      .then((choice) => { if (choice) void vscode.commands.executeCommand(COMMANDS.compare); });
    return { status: 'no-comparison' };
  }
  const target = isExportArgs(args) ? args.target : undefined;
  const uri = target ?? await vscode.window.showSaveDialog({
    title: 'Export Report',
    saveLabel: 'Export',
    defaultUri: defaultReportUri(session.documents.a.uri, session.comparison.a.name, session.comparison.b.name),
    filters: Object.fromEntries((Object.keys(REPORT_FORMATS) as ReportFormat[]).map((format) => [REPORT_FORMATS[format].label, [...REPORT_FORMATS[format].extensions]])),
  });
  if (!uri) return { status: 'cancelled' };
  if (session.sideOf(uri)) {
    const message = `Compare Sources: ${label(uri)} is one of the articles compared; choose another file for the report.`;
    void vscode.window.showErrorMessage(notificationText(message));
    return { status: 'error', message };
  }
  const format = reportFormatOfFile(uri.path);
  if (!format) {
    const extensions = Object.values(REPORT_FORMATS).map((info) => `.${info.extensions[0]}`).join(', ');
    const message = `Compare Sources: cannot tell the report's format from "${label(uri)}"; choose a name ending in ${extensions}.`;
    void vscode.window.showErrorMessage(notificationText(message));
    return { status: 'error', message };
  }
  try {
    const report = writeReport(format, reportInput(session, format));
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(report));
  } catch (error) {
    const message = `Compare Sources: could not write the report to ${label(uri)}: ${error instanceof Error ? error.message : String(error)}`;
    deps.log.error(message, error);
    void vscode.window.showErrorMessage(notificationText(message));
    return { status: 'error', message };
  }
  deps.log.info(`exported a ${REPORT_FORMATS[format].label} report to ${uri.toString(true)}`);
  void offerToOpen(uri, format);
  return { status: 'exported', uri, format };
}

/**
 * A comparison of three or more articles, which the report's content (built from the pair model)
 * does not cover yet: it is saved as its JSON model, the shape `compare A B C … --json` prints;
 * a name asking for HTML or Markdown gets a message that says so.
 */
async function exportManyComparison(deps: ExportDeps, session: ManyComparisonSession, args: unknown): Promise<ExportOutcome> {
  const count = session.documents.length;
  const target = isExportArgs(args) ? args.target : undefined;
  const first = session.documents[0].uri;
  const folder = first.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(first, '..');
  const uri = target ?? await vscode.window.showSaveDialog({
    title: `Export the comparison of ${count} articles`,
    saveLabel: 'Export',
    defaultUri: folder && vscode.Uri.joinPath(folder, `${count} articles compared.json`),
    filters: { [REPORT_FORMATS.json.label]: [...REPORT_FORMATS.json.extensions] },
  });
  if (!uri) return { status: 'cancelled' };
  const format = reportFormatOfFile(uri.path);
  const refusal = session.documentOf(uri) !== undefined
    ? `Compare Sources: ${label(uri)} is one of the articles compared; choose another file for the report.`
    : format !== 'json'
      ? `Compare Sources: HTML and Markdown reports cover two articles for now; save the comparison of ${count} articles with a name ending in .json (the model of compare --json).`
      : undefined;
  if (refusal) {
    void vscode.window.showErrorMessage(notificationText(refusal));
    return { status: 'error', message: refusal };
  }
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(JSON.stringify(session.comparison) + '\n'));
  } catch (error) {
    const message = `Compare Sources: could not write the report to ${label(uri)}: ${error instanceof Error ? error.message : String(error)}`;
    deps.log.error(message, error);
    void vscode.window.showErrorMessage(notificationText(message));
    return { status: 'error', message };
  }
  deps.log.info(`exported the comparison of ${count} articles to ${uri.toString(true)}`);
  void offerToOpen(uri, 'json');
  return { status: 'exported', uri, format: 'json' };
}

/**
 * The session to export. After an edit, the places in a report would be those of the text compared
 * before it, so the re-run that the edit scheduled is awaited (a few seconds at most; failing that,
 * the last comparison is exported: its places still match the text it was made from).
 */
async function currentSession(service: ComparisonService): Promise<ComparisonSession | undefined> {
  const session = service.session;
  if (!session || session.isCurrent) return session;
  return new Promise((resolve) => {
    const timer = setTimeout(() => { subscription.dispose(); resolve(service.session); }, RERUN_WAIT_MS);
    const subscription = service.onDidChangeSession((next) => {
      if (next && !next.isCurrent) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(next);
    });
  });
}

const RERUN_WAIT_MS = 5000;

/** Beside the first article, named after both: `harbour-wire vs harbour-herald.html`. */
function defaultReportUri(first: vscode.Uri, nameA: string, nameB: string): vscode.Uri | undefined {
  const stem = (name: string) => name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'article';
  const fileName = `${stem(nameA)} vs ${stem(nameB)}.html`;
  const folder = first.scheme === 'untitled' ? vscode.workspace.workspaceFolders?.[0]?.uri : vscode.Uri.joinPath(first, '..');
  return folder ? vscode.Uri.joinPath(folder, fileName) : undefined;
}

async function offerToOpen(uri: vscode.Uri, format: ReportFormat): Promise<void> {
  const open = format === 'markdown' ? 'Open Preview' : 'Open';
  const choice = await vscode.window.showInformationMessage(notificationText(`Compare Sources: report saved as ${label(uri)}.`), open);
  if (choice === undefined) return;
  if (format === 'markdown') await vscode.commands.executeCommand('markdown.showPreview', uri);
  else if (format === 'html' && uri.scheme === 'file' && vscode.env.uiKind === vscode.UIKind.Desktop) await vscode.env.openExternal(uri);
  else await vscode.commands.executeCommand('vscode.open', uri);
}

function isExportArgs(value: unknown): value is ExportArgs {
  return typeof value === 'object' && value !== null && !(value instanceof vscode.Uri) && (value as Partial<ExportArgs>).target instanceof vscode.Uri;
}

/**
 * What the report is made from: the model for JSON; for a readable report of a web page or
 * Markdown, the comparison in its article text (the words it quotes) with the source for places.
 */
function reportInput(session: ComparisonSession, format: ReportFormat): ReportInput {
  const { a, b } = session.articles;
  if (format === 'json' || (a.map.isIdentity && b.map.isIdentity)) return { comparison: session.comparison, texts: session.texts, createdAt: new Date() };
  const source = (side: 'a' | 'b') => (session.articles[side].map.isIdentity ? {} : { [side]: { text: session.texts[side], map: session.articles[side].map } });
  return {
    comparison: comparisonInArticles(session.comparison, a.map, b.map),
    texts: { a: a.text, b: b.text },
    sources: { ...source('a'), ...source('b') },
    createdAt: new Date(),
  };
}
