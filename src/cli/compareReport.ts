/**
 * The human-readable `compare` report. Plain text, one block per section, so that it reads in a
 * terminal and pastes into a note; locations are `file:line:col` so terminals and VS Code make
 * them clickable. Differences are marked inline in git's word-diff style: `[-A's words-]{+B's words+}`.
 */
import type { Comparison, DocumentAnalysis, SharedPassage } from '../core/model';
import { LineIndex } from '../core/text/lines';
import { quoteMatchesSection, speakersSection } from './quotesReport';

export interface ReportInput {
  comparison: Comparison;
  textA: string;
  textB: string;
}

/** Each section is a function from the input to lines; the report is their concatenation. */
export type ReportSection = (input: ReportInput) => string[];

export const REPORT_SECTIONS: ReportSection[] = [statsSection, passagesSection, speakersSection, quoteMatchesSection];

export function formatReport(input: ReportInput, sections: readonly ReportSection[] = REPORT_SECTIONS): string {
  return sections.map((section) => section(input).join('\n')).filter((block) => block.length > 0).join('\n\n') + '\n';
}

function statsSection({ comparison }: ReportInput): string[] {
  const line = (label: string, document: DocumentAnalysis, other: DocumentAnalysis): string => {
    const { stats } = document;
    return `${label} ${document.name}: ${stats.words} words, ${stats.characters} characters; ` +
      `${percent(stats.share)} of it is in ${other.name} (${stats.sharedWords} words)`;
  };
  return [line('A', comparison.a, comparison.b), line('B', comparison.b, comparison.a)];
}

function passagesSection({ comparison, textA, textB }: ReportInput): string[] {
  const { passages } = comparison;
  if (passages.length === 0) return [`No shared passages of ${comparison.options.minWords} words or more.`];
  const edited = passages.filter((passage) => !passage.identical).length;
  const lines = [`${passages.length} shared passage${passages.length === 1 ? '' : 's'} (${passages.length - edited} identical, ${edited} edited):`];
  const linesA = new LineIndex(textA);
  const linesB = new LineIndex(textB);
  for (const passage of passages) {
    const at = (name: string, index: LineIndex, offset: number) => {
      const { line, column } = index.positionAt(offset);
      return `${name}:${line}:${column}`;
    };
    const kind = passage.identical ? 'identical' : `edited, ${passage.differences.length} difference${passage.differences.length === 1 ? '' : 's'}`;
    lines.push('');
    lines.push(`#${passage.id + 1} ${at(comparison.a.name, linesA, passage.a[0])} = ${at(comparison.b.name, linesB, passage.b[0])} (${passage.words.a} words, ${kind})`);
    lines.push(`  ${markedText(passage, textA, textB)}`);
  }
  return lines;
}

/** A's passage text with each difference shown as `[-A-]{+B+}`, whitespace runs shown as one space. */
export function markedText(passage: SharedPassage, textA: string, textB: string): string {
  let out = '';
  let at = passage.a[0];
  for (const difference of passage.differences) {
    out += textA.slice(at, difference.a[0]);
    const removed = textA.slice(difference.a[0], difference.a[1]);
    const added = textB.slice(difference.b[0], difference.b[1]);
    // An insertion sits right after a word: give it its own space so the words stay apart.
    const pad = removed === '' && !/\s$/.test(out) ? ' ' : '';
    out += pad + (removed === '' ? '' : `[-${removed}-]`) + (added === '' ? '' : `{+${added}+}`);
    at = difference.a[1];
  }
  out += textA.slice(at, passage.a[1]);
  return out.replace(/\s+/g, ' ');
}

function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}
