/**
 * What every program of the CLI shares (the whole command, main.ts, and `find` alone, findMain.ts):
 * the command line read into a command and its options, the help, how an error is reported, and
 * the binding to the real process. Kept apart from the commands' code, so that `find` starts
 * without loading the comparison and quote analysis it never runs.
 */
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES, MAX_DOCUMENTS } from '../core/model';
import { formatBytes } from '../core/text/decode';
import { CliError, OUTPUT_FORMATS, parseArgs, type ParsedArgs } from './args';
import { FIND_USAGE, takeFindOptions, type FindOptions } from './find';
import { inertLine } from './inert';
import type { CliIo } from './io';
import { setStartingFlags } from './v8Flags';

/** The commands with their operands and what they do, for the help (find's own in find.ts). */
export const COMMAND_USAGE = {
  compare: {
    operands: 'A B [C …]',
    summary: 'report what the files share: stats, then each shared passage with its differences (--json: the whole comparison model;\n'
      + `      --format html|markdown: a report to share); 2 to ${MAX_DOCUMENTS} files, three or more reported across all of them`,
  },
  passages: {
    operands: 'A B',
    summary: 'shared passages only; with --json: {"passages":[{"a":[start,end],"b":[start,end],"identical":bool}],"truncated":bool}',
  },
  quotes: {
    operands: 'FILE',
    summary: 'direct quotes and who said them; with --json: {"quotes":[{"start":N,"end":N,"text":"…","statement":N,"speaker":{"name":"…","start":N,"end":N}|null}]}',
  },
  find: FIND_USAGE,
} as const;

export type CommandName = keyof typeof COMMAND_USAGE;

const DEFAULT_COMMAND: CommandName = 'compare';

export interface CommandLine extends ParsedArgs {
  /** find's own options (takeFindOptions), and the names of those given. */
  find: FindOptions;
  findOptionsGiven: string[];
}

/** The command line read: find's own options are taken out first (find lives in a module of its own, find.ts). */
export function readCommandLine(argv: readonly string[]): CommandLine {
  const { rest, find, given } = takeFindOptions(argv);
  return { ...parseArgs(rest, Object.keys(COMMAND_USAGE), DEFAULT_COMMAND), find, findOptionsGiven: given };
}

export function usage(): string {
  const commands = Object.entries(COMMAND_USAGE).map(([name, command]) => `  compare-sources ${name} ${command.operands}\n      ${command.summary}`);
  return [
    'Usage: compare-sources [command] FILE... [options]   (options may stand anywhere)',
    '',
    `Commands (the default is ${DEFAULT_COMMAND}):`,
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
    ...FIND_USAGE.options,
    '  -h, --help        this help',
    '',
  ].join('\n');
}

/** Reports an error as one line on standard error; returns the exit code. */
export function reportError(error: unknown, io: CliIo): number {
  const message = error instanceof CliError ? error.message : `internal error: ${error instanceof Error ? error.message : String(error)}`;
  // A file name may hold a line feed or control characters: shown escaped, on one line.
  io.stderr(`compare-sources: error: ${inertLine(error instanceof CliError ? message : message.split('\n')[0])}\n`);
  return error instanceof CliError ? error.exitCode : 70;
}

/**
 * What each program's `main` does around its command: the help, the usage error for options of another
 * command, any error reported as one line; returns the exit code and never throws.
 */
export function mainWith(argv: readonly string[], io: CliIo, run: (line: CommandLine) => void): number {
  try {
    const line = readCommandLine(argv);
    if (line.help) {
      io.stdout(usage());
      return 0;
    }
    run(line);
    return 0;
  } catch (error) {
    return reportError(error, io);
  }
}

/** Binds a program's `main` to the real process: dist/cli.js calls this once it has loaded the program (codeCache.ts). */
export function runProcessWith(main: (argv: readonly string[], io: CliIo) => number, io: CliIo): void {
  setStartingFlags(process.argv[2]);
  const code = main(process.argv.slice(2), io);
  process.exitCode = code;
  // Out as soon as the output is, rather than waiting for the quote thread to wind down. Output that
  // went through Node's streams may still be on its way; then the exit waits for it to drain.
  const pending = (io.outputStreams?.() ?? []).filter((stream) => stream.writableLength > 0);
  if (pending.length === 0) process.exit(code);
  else void Promise.all(pending.map((stream) => new Promise((drained) => stream.once('drain', drained)))).then(() => process.exit(code));
}
