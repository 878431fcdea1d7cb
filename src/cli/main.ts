/**
 * `compare-sources`: the comparison model on the command line.
 *
 * `main(argv, io)` does everything and returns the exit code, so the unit tests drive it without
 * spawning a process; the few lines at the bottom bind it to the real process. Commands are a
 * table: adding one (e.g. `quotes FILE --json`) is one entry.
 */
import { compareDocuments, sharePassages } from '../core/compare';
import { compareManyDocuments } from '../core/compareMany';
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES, MAX_DOCUMENTS, MIN_DOCUMENTS } from '../core/model';
import { analyzeQuotes } from '../core/quotes/attribution';
import { formatBytes } from '../core/text/decode';
import { resolve } from 'node:path';
import { writeReport } from '../core/views/report/formats';
import { CliError, OUTPUT_FORMATS, parseArgs, USAGE_ERROR, type CliOptions, type OutputFormat } from './args';
import { formatReport } from './compareReport';
import { formatManyReport } from './manyReport';
import { checkInput, checkTotal, describeFsError, readInput, type InputFile } from './inputs';
import { nodeIo, type CliIo, type QuoteThreadHandle } from './io';
import { formatQuotes, quotesJson } from './quotesReport';

interface Command {
  /** Operands, for the usage line. */
  operands: string;
  summary: string;
  /** How many file operands the command takes: a number, or the fewest and the most. */
  files: number | { min: number; max: number };
  /** The `--format`s it writes (default: text and json). */
  formats?: readonly OutputFormat[];
  /**
   * Work that can begin once the inputs' sizes (in bytes) are known, before they are read; what it
   * returns is handed to `run`.
   */
  prepare?(sizes: number[], io: CliIo): QuoteThreadHandle | undefined;
  run(files: InputFile[], options: CliOptions, io: CliIo, prepared: QuoteThreadHandle | undefined): void;
}

const COMMANDS: Record<string, Command> = {
  compare: {
    operands: 'A B [C …]',
    summary: 'report what the files share: stats, then each shared passage with its differences (--json: the whole comparison model;\n'
      + `      --format html|markdown: a report to share, for two files); 2 to ${MAX_DOCUMENTS} files, three or more reported across all of them`,
    files: { min: MIN_DOCUMENTS, max: MAX_DOCUMENTS },
    formats: ['text', 'html', 'markdown', 'json'],
    // Large texts: their quotes are analysed (and, for two, their speakers merged) on a second thread
    // while this one finds the shared passages (the two halves cost about the same). Below that size,
    // a thread costs more to start than it saves. It starts before the files are read, so that it
    // boots meanwhile.
    prepare: (sizes, io) => (sizes.reduce((sum, size) => sum + size, 0) >= QUOTE_THREAD_FROM_BYTES ? io.startQuoteThread?.() : undefined),
    run(files, options, io, thread) {
      thread?.analyse(files.map((file) => file.article.text), { mergeSpeakers: files.length === 2 });
      // A quote thread tunes the process itself once it has started (see lightenOptimisingCompiler).
      if (!thread) io.beforeQuoteAnalysis?.();
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
      // JSON is the model, in offsets of the files.
      const sources = {
        ...(articles.a.map.isIdentity ? {} : { a: { text: a.text, map: articles.a.map } }),
        ...(articles.b.map.isIdentity ? {} : { b: { text: b.text, map: articles.b.map } }),
      };
      const bytes = { a: a.bytes, b: b.bytes };
      io.stdout(options.format === 'text'
        ? formatReport({ comparison: inArticles, textA: articles.a.text, textB: articles.b.text, sources })
        : options.format === 'json'
          ? writeReport('json', { comparison: model, texts: { a: a.text, b: b.text }, bytes, createdAt: io.now() })
          : writeReport(options.format, { comparison: inArticles, texts: { a: articles.a.text, b: articles.b.text }, sources, bytes, createdAt: io.now() }));
    },
  },
  passages: {
    operands: 'A B',
    summary: 'shared passages only; with --json: {"passages":[{"a":[start,end],"b":[start,end],"identical":bool}]}',
    files: 2,
    run([a, b], options, io) {
      const passages = sharePassages(a, b, options.compare);
      if (options.json) {
        io.stdout(JSON.stringify({ passages: passages.map(({ a, b, identical }) => ({ a, b, identical })) }) + '\n');
      } else {
        for (const passage of passages) {
          io.stdout(`${a.name}[${passage.a[0]},${passage.a[1]}) = ${b.name}[${passage.b[0]},${passage.b[1]}) ${passage.identical ? 'identical' : 'edited'}\n`);
        }
      }
    },
  },
  quotes: {
    operands: 'FILE',
    summary: 'direct quotes and who said them; with --json: {"quotes":[{"start":N,"end":N,"text":"…","statement":N,"speaker":{"name":"…","start":N,"end":N}|null}]}',
    files: 1,
    run([file], options, io) {
      io.beforeQuoteAnalysis?.();
      const { article } = file;
      const quotes = analyzeQuotes(article.text);
      const source = article.map.isIdentity ? undefined : { text: file.text, map: article.map };
      io.stdout(options.json ? JSON.stringify(quotesJson(quotes, article.text, source?.map)) + '\n' : formatQuotes(file.name, article.text, quotes, source));
    },
  },
};

/**
 * `compare` of three or more files: JSON is the many model in offsets of the files; the readable
 * report quotes the article texts and places everything in the files themselves. The exported
 * reports (HTML, Markdown) are made from the pair model, so they are for two files.
 */
function compareManyFiles(files: InputFile[], options: CliOptions, io: CliIo, thread: QuoteThreadHandle | undefined): void {
  if (options.format === 'html' || options.format === 'markdown') {
    throw new CliError(`--format ${options.format} reports compare two files; for ${files.length}, use the readable report or --format json`, USAGE_ERROR);
  }
  const { model, inArticles, articles } = compareManyDocuments(files, options.compare, (index) => thread?.take(index));
  if (options.format === 'json') {
    io.stdout(JSON.stringify(model) + '\n');
    return;
  }
  const sources = files.map((file, d) => (articles[d].map.isIdentity ? undefined : { text: file.text, map: articles[d].map }));
  io.stdout(formatManyReport({ comparison: inArticles, texts: articles.map((article) => article.text), sources }));
}

const DEFAULT_COMMAND = 'compare';

/** Combined size of the files, in bytes, from which `compare` analyses their quotes on a second thread. */
export const QUOTE_THREAD_FROM_BYTES = 200_000;

export function usage(): string {
  const commands = Object.entries(COMMANDS).map(([name, command]) => `  compare-sources ${name} ${command.operands}\n      ${command.summary}`);
  return [
    'Usage: compare-sources [command] FILE... [options]   (options may stand anywhere)',
    '',
    'Commands (the default is compare):',
    ...commands,
    '',
    'Options:',
    '  --json            machine-readable output on stdout (offsets are UTF-16, half-open [start, end), into the files as they are)',
    '  --input-format F  how the files are read: auto (by extension: .html/.htm web pages, .md Markdown, else plain text),',
    '                    text, html or markdown; a web page or Markdown is compared by its article text',
    `  --format F        what compare writes: ${OUTPUT_FORMATS.join(', ')} (html and markdown: a report to share; json: as --json)`,
    '  -o, --output FILE write the output to FILE instead of standard output',
    `  --min-words N     shortest shared passage reported, in words (default ${DEFAULT_COMPARE_OPTIONS.minWords})`,
    `  --max-bytes N     largest file read, in bytes (default ${DEFAULT_MAX_FILE_BYTES}, ${formatBytes(DEFAULT_MAX_FILE_BYTES)})`,
    `  --max-total-bytes N  largest size of all the files together, in bytes (default ${DEFAULT_MAX_TOTAL_BYTES}, ${formatBytes(DEFAULT_MAX_TOTAL_BYTES)})`,
    '  -h, --help        this help',
    '',
  ].join('\n');
}

/** Runs the CLI; returns the exit code. Never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const { help, command: name, operands, options } = parseArgs(argv, Object.keys(COMMANDS), DEFAULT_COMMAND);
    if (help) {
      io.stdout(usage());
      return 0;
    }
    const command = COMMANDS[name];
    const { min, max } = typeof command.files === 'number' ? { min: command.files, max: command.files } : command.files;
    if (operands.length < min || operands.length > max) {
      const count = min === max ? String(min) : `${min} to ${max}`;
      throw new CliError(`${name} needs ${count} ${max === 1 ? 'file' : 'files'} (${command.operands}), got ${operands.length}; see --help`, USAGE_ERROR);
    }
    if (!(command.formats ?? ['text', 'json']).includes(options.format)) {
      throw new CliError(`${name} does not write ${options.format} (--format ${options.format} is for compare)`, USAGE_ERROR);
    }
    if (options.output !== undefined && operands.some((path) => samePath(path, options.output!))) {
      throw new CliError(`--output ${options.output} is one of the files compared; choose another file`, USAGE_ERROR);
    }
    const sizes = operands.map((path) => checkInput(path, options.maxBytes, io));
    checkTotal(sizes, options.maxTotalBytes);
    const prepared = command.prepare?.(sizes, io);
    try {
      const files = operands.map((path) => readInput(path, options.maxBytes, io, options.inputFormat));
      if (options.output === undefined) command.run(files, options, io, prepared);
      else writeOutput(options.output, io, (into) => command.run(files, options, into, prepared));
    } finally {
      prepared?.stop();
    }
    return 0;
  } catch (error) {
    const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
    io.stderr(`compare-sources: error: ${message.split('\n')[0]}\n`);
    return error instanceof CliError ? error.exitCode : 70;
  }
}

/** Runs `produce` with standard output collected, then writes what it printed to `path` in one go. */
function writeOutput(path: string, io: CliIo, produce: (io: CliIo) => void): void {
  const chunks: string[] = [];
  produce({ ...io, stdout: (text) => void chunks.push(text) });
  try {
    io.writeFile(path, chunks.join(''));
  } catch (error) {
    throw new CliError(`cannot write ${path}: ${describeFsError(error)}`);
  }
}

function samePath(x: string, y: string): boolean {
  return resolve(x) === resolve(y);
}

if (require.main === module) {
  // A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const code = main(process.argv.slice(2), nodeIo);
  process.exitCode = code;
  // Out as soon as the output is, rather than waiting for the quote thread to wind down. Output to a
  // pipe may still be on its way (asynchronous on POSIX); then the exit waits for it to drain.
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  if (pending.length === 0) process.exit(code);
  else void Promise.all(pending.map((stream) => new Promise((drained) => stream.once('drain', drained)))).then(() => process.exit(code));
}
