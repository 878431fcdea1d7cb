import * as vscode from 'vscode';
import { comparisonInArticles, manyInArticles } from '../core/formats/sourceRanges';
import type { ReportInput } from '../core/views/report/content';
import { REPORT_FORMATS, reportFormatOfFile, writeManyReport, writeReport, type ReportFormat } from '../core/views/report/formats';
import type { ManyReportInput } from '../core/views/report/manyContent';
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
  if (many) {
    // Three or more articles: the report is written from the many model (the story across all of them).
    const count = many.documents.length;
    return exportWith(deps, args, {
      title: `Export the comparison of ${count} articles`,
      defaultUri: besideFirst(many.documents[0].uri, `${count} articles compared.html`),
      isCompared: (uri) => many.documentOf(uri) !== undefined,
      report: (format) => writeManyReport(format, manyReportInput(many, format)),
      what: `of ${count} articles`,
    });
  }
  const session = await currentSession(deps.service);
  if (!session) {
    void vscode.window.showInformationMessage('Compare Sources: there is no comparison to export yet. Compare two articles first.', 'Compare Sources')
      .then((choice) => { if (choice) void vscode.commands.executeCommand(COMMANDS.compare); });
    return { status: 'no-comparison' };
  }
  return exportWith(deps, args, {
    title: 'Export Report',
    defaultUri: besideFirst(session.documents.a.uri, `${stem(session.comparison.a.name)} vs ${stem(session.comparison.b.name)}.html`),
    isCompared: (uri) => session.sideOf(uri) !== undefined,
    report: (format) => writeReport(format, reportInput(session, format)),
    what: 'of 2 articles',
  });
}

/** What differs between exporting two articles and exporting more. */
interface ExportPlan {
  /** The save dialog's title and the name it proposes. */
  title: string;
  defaultUri: vscode.Uri | undefined;
  /** The file is one of the articles compared (never written over). */
  isCompared(uri: vscode.Uri): boolean;
  report(format: ReportFormat): string;
  /** For the log: `of 3 articles`. */
  what: string;
}

/** Asks where (unless `args` gives a target), checks the file and its format, writes the report, offers to open it. */
async function exportWith(deps: ExportDeps, args: unknown, plan: ExportPlan): Promise<ExportOutcome> {
  const target = isExportArgs(args) ? args.target : undefined;
  const filters = Object.fromEntries((Object.keys(REPORT_FORMATS) as ReportFormat[]).map((format) => [REPORT_FORMATS[format].label, [...REPORT_FORMATS[format].extensions]]));
  const uri = target ?? await vscode.window.showSaveDialog({ title: plan.title, saveLabel: 'Export', defaultUri: plan.defaultUri, filters });
  if (!uri) return { status: 'cancelled' };
  if (plan.isCompared(uri)) return refuse(`Compare Sources: ${label(uri)} is one of the articles compared; choose another file for the report.`);
  const format = reportFormatOfFile(uri.path);
  if (!format) {
    const extensions = Object.values(REPORT_FORMATS).map((info) => `.${info.extensions[0]}`).join(', ');
    return refuse(`Compare Sources: cannot tell the report's format from "${label(uri)}"; choose a name ending in ${extensions}.`);
  }
  try {
    await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(plan.report(format)));
  } catch (error) {
    const message = `Compare Sources: could not write the report to ${label(uri)}: ${error instanceof Error ? error.message : String(error)}`;
    deps.log.error(message, error);
    return refuse(message);
  }
  deps.log.info(`exported a ${REPORT_FORMATS[format].label} report ${plan.what} to ${uri.toString(true)}`);
  void offerToOpen(uri, format);
  return { status: 'exported', uri, format };
}

function refuse(message: string): ExportOutcome {
  void vscode.window.showErrorMessage(notificationText(message));
  return { status: 'error', message };
}

/**
 * The many model for JSON (in offsets of the documents, as `compare A B C --json`); for a readable
 * report, in the article texts (the words it quotes) with each web page's or Markdown file's source for places.
 */
function manyReportInput(session: ManyComparisonSession, format: ReportFormat): ManyReportInput {
  const { articles } = session;
  if (format === 'json' || articles.every((article) => article.map.isIdentity)) return { comparison: session.comparison, texts: session.texts, createdAt: new Date() };
  return {
    comparison: manyInArticles(session.comparison, articles.map((article) => article.map)),
    texts: articles.map((article) => article.text),
    sources: articles.map((article, d) => (article.map.isIdentity ? undefined : { text: session.texts[d], map: article.map })),
    createdAt: new Date(),
  };
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

const stem = (name: string): string => name.replace(/^.*[\\/]/, '').replace(/\.[^.]*$/, '') || 'article';

/** `fileName` beside the first article (in the first workspace folder for an untitled one): `harbour-wire vs harbour-herald.html`. */
function besideFirst(first: vscode.Uri, fileName: string): vscode.Uri | undefined {
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
