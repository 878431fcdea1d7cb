/**
 * `compare-sources`: the comparison model on the command line.
 *
 * `main(argv, io)` does everything and returns the exit code, so the unit tests drive it without
 * spawning a process; the few lines at the bottom bind it to the real process. Commands are a
 * table: adding one (e.g. `quotes FILE --json`) is one entry.
 */
import { compareDocuments } from '../core/compare';
import { compareManyDocuments } from '../core/compareMany';
import { MAX_DOCUMENTS, MIN_DOCUMENTS } from '../core/model';
import { analyzeQuotes } from '../core/quotes/attribution';
import { writeManyReport, writeReport } from '../core/views/report/formats';
import { CliError, USAGE_ERROR, type CliOptions } from './args';
import { COMMAND_USAGE, mainWith, runProcessWith } from './commandLine';
import { formatReport } from './compareReport';
import { formatManyReport } from './manyReport';
import { inertJson, inertText } from './inert';
import { FIND_USAGE, runFind } from './find';
import type { InputFile } from './inputs';
import { nodeIo, type CliIo, type QuoteThreadHandle } from './io';
import { writeJson } from './jsonOutput';
import { formatQuotes, quotesJson } from './quotesReport';
import { PASSAGES_COMMAND } from './passagesCommand';
import { runCommand, type Command } from './runCommand';

const COMMANDS: Record<string, Command> = {
  compare: {
    ...COMMAND_USAGE.compare,
    files: { min: MIN_DOCUMENTS, max: MAX_DOCUMENTS },
    formats: ['text', 'html', 'markdown', 'json'],
    // Large texts: their quotes are analysed (and, for two, their speakers merged) on a second thread
    // while this one finds the shared passages (the two halves cost about the same). Below that size
    // the passages are found before the thread has booted, so it overlaps little and adds its own CPU
    // (see QUOTE_THREAD_FROM_BYTES); and texts made mostly of quotes get none, because
    // the thread's answer (every quote and speaker) is copied across threads at a cost that grows
    // with the quotes, not with the text. The thread is started before the files are read, when
    // their sizes allow it (a text has no more UTF-16 units than its file has bytes), so that it
    // boots meanwhile, and stopped once the texts turn out not to need it.
    start(sizes, io) {
      return sizes.reduce((sum, size) => sum + size, 0) >= QUOTE_THREAD_FROM_BYTES ? io.startQuoteThread?.() : undefined;
    },
    prepare(files, io, started) {
      const texts = files.map((file) => file.article.text);
      if (texts.reduce((sum, text) => sum + text.length, 0) >= QUOTE_THREAD_FROM_BYTES && !isQuoteDense(...texts)) return started ?? io.startQuoteThread?.();
      started?.stop();
      return undefined;
    },
    run(files, options, io, thread) {
      thread?.analyse(files.map((file) => file.article.text), { mergeSpeakers: files.length === 2 });
      // A quote thread tunes the process itself once it has started (see tuneForQuoteAnalysis).
      if (!thread) io.beforeQuoteAnalysis?.(files.reduce((sum, file) => sum + file.article.text.length, 0));
      if (files.length > 2) {
        compareManyFiles(files, options, io, thread);
        return;
      }
      const [a, b] = files;
      const { model, inArticles, articles } = compareDocuments(a, b, options.compare, {
        quotes: (side) => thread?.take(side === 'a' ? 0 : 1),
        quotedRegions: (side) => thread?.quotedRegions(side === 'a' ? 0 : 1),
        speakerMerge: () => thread?.takeSpeakerMerge(),
      });
      // The readable reports quote the article texts and place everything in the files themselves;
      // JSON is the model, in offsets of the files. Each format is inert for a terminal (see
      // inert.ts), and the JSON written in pieces (jsonOutput.ts).
      const sources = {
        ...(articles.a.map.isIdentity ? {} : { a: { text: a.text, map: articles.a.map } }),
        ...(articles.b.map.isIdentity ? {} : { b: { text: b.text, map: articles.b.map } }),
      };
      const bytes = { a: a.bytes, b: b.bytes };
      if (options.format === 'text') io.stdout(formatReport({ comparison: inArticles, textA: articles.a.text, textB: articles.b.text, sources }));
      else if (options.format === 'json') writeJson(model, io);
      else io.stdout(inertText(writeReport(options.format, { comparison: inArticles, texts: { a: articles.a.text, b: articles.b.text }, sources, bytes, createdAt: io.now() })));
    },
  },
  passages: PASSAGES_COMMAND,
  quotes: {
    ...COMMAND_USAGE.quotes,
    files: 1,
    run([file], options, io) {
      const { article } = file;
      io.beforeQuoteAnalysis?.(article.text.length);
      const quotes = analyzeQuotes(article.text);
      const source = article.map.isIdentity ? undefined : { text: file.text, map: article.map };
      io.stdout(options.json ? inertJson(JSON.stringify(quotesJson(quotes, article.text, source?.map))) + '\n' : formatQuotes(file.name, article.text, quotes, source));
    },
  },
};

/**
 * `compare` of three or more files: JSON is the many model in offsets of the files; the readable
 * reports quote the article texts and place everything in the files themselves.
 */
function compareManyFiles(files: InputFile[], options: CliOptions, io: CliIo, thread: QuoteThreadHandle | undefined): void {
  const { model, inArticles, articles } = compareManyDocuments(files, options.compare, (index) => thread?.take(index));
  // Inert for a terminal and written in pieces, as for two files.
  if (options.format === 'json') {
    writeJson(model, io);
    return;
  }
  const sources = files.map((file, d) => (articles[d].map.isIdentity ? undefined : { text: file.text, map: articles[d].map }));
  const texts = articles.map((article) => article.text);
  if (options.format === 'text') io.stdout(formatManyReport({ comparison: inArticles, texts, sources }));
  else io.stdout(inertText(writeManyReport(options.format, { comparison: inArticles, texts, sources, bytes: files.map((file) => file.bytes), createdAt: io.now() })));
}

/**
 * Combined length of the texts, in UTF-16 units, from which `compare` analyses their quotes on a
 * second thread. The thread needs a while to boot and costs CPU of its own (its boot, a second
 * heap, the answers copied across); below this the main thread has its passages before the thread
 * has started, so the thread would run after it rather than beside it (docs/performance.md).
 */
export const QUOTE_THREAD_FROM_BYTES = 800_000;

/**
 * Double quote marks per character above which texts count as made mostly of quotes (news has
 * about one in 450; a text of `"…," he said.` lines one in 12).
 */
const QUOTE_DENSE_MARKS_PER_CHAR = 1 / 60;

/** Whether the texts hold more than QUOTE_DENSE_MARKS_PER_CHAR double quote marks per character. */
export function isQuoteDense(...texts: string[]): boolean {
  let marks = 0;
  let length = 0;
  // A global regex stepped with `test`: its compiled search beats a loop over code units that
  // runs once, cold, and unlike `match` it makes no match objects (their garbage raised the peak memory of a large comparison).
  const mark = /["\u201c\u201d\u201e\u00ab\u00bb]/g;
  for (const text of texts) {
    length += text.length;
    mark.lastIndex = 0;
    while (mark.test(text)) marks++;
  }
  return marks > QUOTE_DENSE_MARKS_PER_CHAR * length;
}

/** Runs the CLI; returns the exit code. Never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  return mainWith(argv, io, ({ command: name, operands, options, find, findOptionsGiven: given }) => {
    if (name === FIND_USAGE.name) {
      runFind(operands, options, find, io);
      return;
    }
    if (given.length > 0) throw new CliError(`option ${given[0]} is an option of find; see --help`, USAGE_ERROR);
    runCommand(name, COMMANDS[name], operands, options, io);
  });
}

/** Binds `main` to the real process: dist/cli.js calls it once it has loaded this bundle (codeCache.ts). */
export function runProcess(): void {
  runProcessWith(main, nodeIo);
}


// Run directly (a bundle of this file alone, as the tests make), it runs itself.
if (require.main === module) runProcess();
