/**
 * The report formats, in one table that the command line (`--format`) and the extension's save
 * dialog (its filters, and the format read from the chosen file name) both read.
 */
import { buildReport, type ReportInput } from './content';
import { writeHtmlReport } from './html';
import { writeMarkdownReport } from './markdown';
import { buildManyReport, type ManyReportInput } from './manyContent';
import { writeManyHtmlReport } from './manyHtml';
import { writeManyMarkdownReport } from './manyMarkdown';

export type ReportFormat = 'html' | 'markdown' | 'json';

export interface ReportFormatInfo {
  /** For a save dialog's filter: `HTML`. */
  label: string;
  /** File name extensions, the usual one first, without the dot. */
  extensions: readonly string[];
}

export const REPORT_FORMATS: Readonly<Record<ReportFormat, ReportFormatInfo>> = {
  html: { label: 'HTML', extensions: ['html', 'htm'] },
  markdown: { label: 'Markdown', extensions: ['md', 'markdown'] },
  json: { label: 'JSON', extensions: ['json'] },
};

export function isReportFormat(name: string): name is ReportFormat {
  return Object.prototype.hasOwnProperty.call(REPORT_FORMATS, name);
}

/** The format a file name asks for by its extension (case ignored), or undefined for none of them. */
export function reportFormatOfFile(fileName: string): ReportFormat | undefined {
  const dot = fileName.lastIndexOf('.');
  const extension = dot < 0 ? '' : fileName.slice(dot + 1).toLowerCase();
  return (Object.keys(REPORT_FORMATS) as ReportFormat[]).find((format) => REPORT_FORMATS[format].extensions.includes(extension));
}

/**
 * The report in one format. JSON is the comparison model exactly as `compare --json` prints it, so
 * that a program reading one reads the other; HTML and Markdown are written from `buildReport`.
 */
export function writeReport(format: ReportFormat, input: ReportInput): string {
  if (format === 'json') return JSON.stringify(input.comparison) + '\n';
  const content = buildReport(input);
  return format === 'html' ? writeHtmlReport(content) : writeMarkdownReport(content);
}

/** The report of three or more articles in one format: JSON is the many model as `compare A B C --json` prints it. */
export function writeManyReport(format: ReportFormat, input: ManyReportInput): string {
  if (format === 'json') return JSON.stringify(input.comparison) + '\n';
  const content = buildManyReport(input);
  return format === 'html' ? writeManyHtmlReport(content) : writeManyMarkdownReport(content);
}
