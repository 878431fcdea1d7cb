/**
 * `compare-sources`: the comparison model on the command line.
 *
 * `main(argv, io)` does everything and returns the exit code, so the unit tests drive it without
 * spawning a process; the few lines at the bottom bind it to the real process. Commands are a
 * table: adding one (e.g. `quotes FILE --json`) is one entry.
 */
import * as fs from 'node:fs';
import { join } from 'node:path';
import { analyzeQuotes, type DocumentQuotes } from '../core/quotes/attribution';
import { compareTexts, sharePassages } from '../core/compare';
import { decodeText, formatBytes } from '../core/text/decode';
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, type CompareOptions, type Range } from '../core/model';
import type { SpeakerMerge } from '../core/quotes/speakerMerge';
import { formatQuotes, quotesJson } from './quotesReport';
import { formatReport } from './compareReport';
import { lightenOptimisingCompiler, QuoteThread } from './quoteThread/quoteThread';

export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file; may throw Node's fs errors (`code` ENOENT, EISDIR, …). */
  readFile(path: string): Uint8Array;
  /** Size in bytes and kind of a path, read before the file so that a huge file is never loaded. */
  stat(path: string): { size: number; isFile: boolean };
  /** Starts a thread for quote analysis, if this io can (see quoteThread.ts). */
  startQuoteThread?(): QuoteThreadHandle | undefined;
  /** Called once before a command analyses quotes: a chance to tune the process for that work (see nodeIo). */
  beforeQuoteAnalysis?(): void;
}

/** A quote thread as the CLI uses it (QuoteThread in quoteThread.ts). */
export interface QuoteThreadHandle {
  analyse(texts: string[], options?: { mergeSpeakers?: boolean }): void;
  /** The ranges of text `index`'s quoted regions (in the order of the texts); undefined if the thread failed. */
  quotedRegions(index: number): Range[] | undefined;
  /** The analysis of text `index`; undefined if the thread failed. */
  take(index: number): DocumentQuotes | undefined;
  /** The two texts' merged speakers, when `analyse` asked for them; undefined if the thread failed. */
  takeSpeakerMerge(): SpeakerMerge | undefined;
  stop(): void;
}

export interface CliOptions {
  json: boolean;
  compare: CompareOptions;
  maxBytes: number;
}

/** A loaded input file. */
export interface InputFile {
  name: string;
  text: string;
}

interface Command {
  /** Operands, for the usage line. */
  operands: string;
  summary: string;
  /** How many file operands the command takes. */
  files: number;
  /**
   * Work that can begin once the inputs' sizes (in bytes) are known, before they are read; what it
   * returns is handed to `run`.
   */
  prepare?(sizes: number[], io: CliIo): QuoteThreadHandle | undefined;
  run(files: InputFile[], options: CliOptions, io: CliIo, prepared: QuoteThreadHandle | undefined): void;
}

const COMMANDS: Record<string, Command> = {
  compare: {
    operands: 'A B',
    summary: 'report what B shares with A: stats, then each shared passage with its differences (--json: the whole comparison model)',
    files: 2,
    // Large texts: the quotes of both are analysed (and their speakers merged) on a second thread
    // while this one finds the shared passages (the two halves cost about the same). Below that size,
    // a thread costs more to start than it saves. It starts before the files are read, so that it
    // boots meanwhile.
    prepare: (sizes, io) => (sizes[0] + sizes[1] >= QUOTE_THREAD_FROM_BYTES ? io.startQuoteThread?.() : undefined),
    run([a, b], options, io, thread) {
      thread?.analyse([a.text, b.text], { mergeSpeakers: true });
      // A quote thread tunes the process itself once it has started (see lightenOptimisingCompiler).
      if (!thread) io.beforeQuoteAnalysis?.();
      const comparison = compareTexts(a, b, options.compare, {
        quotes: (side) => thread?.take(side === 'a' ? 0 : 1),
        quotedRegions: (side) => thread?.quotedRegions(side === 'a' ? 0 : 1),
        speakerMerge: () => thread?.takeSpeakerMerge(),
      });
      io.stdout(options.json ? JSON.stringify(comparison) + '\n' : formatReport({ comparison, textA: a.text, textB: b.text }));
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
      io.stdout(options.json ? JSON.stringify(quotesJson(analyzeQuotes(file.text))) + '\n' : formatQuotes(file.name, file.text, analyzeQuotes(file.text)));
    },
  },
};

const DEFAULT_COMMAND = 'compare';

/** Combined size of two files, in bytes, from which `compare` analyses their quotes on a second thread. */
export const QUOTE_THREAD_FROM_BYTES = 200_000;

/** A problem with the user's input: reported as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

const USAGE_ERROR = 2;

export function usage(): string {
  const commands = Object.entries(COMMANDS).map(([name, command]) => `  compare-sources ${name} ${command.operands}\n      ${command.summary}`);
  return [
    'Usage: compare-sources [command] FILE... [options]   (options may stand anywhere)',
    '',
    'Commands (the default is compare):',
    ...commands,
    '',
    'Options:',
    '  --json            machine-readable output on stdout (offsets are UTF-16, half-open [start, end))',
    `  --min-words N     shortest shared passage reported, in words (default ${DEFAULT_COMPARE_OPTIONS.minWords})`,
    `  --max-bytes N     largest file read, in bytes (default ${DEFAULT_MAX_FILE_BYTES}, ${formatBytes(DEFAULT_MAX_FILE_BYTES)})`,
    '  -h, --help        this help',
    '',
  ].join('\n');
}

interface ParsedArgs {
  help: boolean;
  command: string;
  operands: string[];
  options: CliOptions;
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  const options: CliOptions = { json: false, compare: { ...DEFAULT_COMPARE_OPTIONS }, maxBytes: DEFAULT_MAX_FILE_BYTES };
  const positional: string[] = [];
  let help = false;
  let onlyOperands = false;
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (onlyOperands || !arg.startsWith('-') || arg === '-') {
      positional.push(arg);
      continue;
    }
    const [name, inlineValue] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = (): string => {
      const given = inlineValue ?? argv[++k];
      if (given === undefined) throw new CliError(`option ${name} needs a value`, USAGE_ERROR);
      return given;
    };
    switch (name) {
      case '--':
        onlyOperands = true;
        break;
      case '-h':
      case '--help':
        help = true;
        break;
      case '--json':
        options.json = true;
        break;
      case '--min-words':
        options.compare.minWords = positiveInteger(name, value());
        break;
      case '--max-bytes':
        options.maxBytes = positiveInteger(name, value());
        break;
      default:
        throw new CliError(`unknown option ${name} (see --help)`, USAGE_ERROR);
    }
  }
  const command = positional.length > 0 && Object.hasOwn(COMMANDS, positional[0]) ? positional.shift()! : DEFAULT_COMMAND;
  return { help, command, operands: positional, options };
}

function positiveInteger(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new CliError(`option ${option} needs a positive whole number, not '${text}'`, USAGE_ERROR);
  }
  return Number(text);
}

/** Checks an input before it is read (a file, not too large, so that a huge one is never loaded); returns its size in bytes. */
export function checkInput(path: string, maxBytes: number, io: CliIo): number {
  let info: { size: number; isFile: boolean };
  try {
    info = io.stat(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  if (!info.isFile) throw new CliError(`cannot read ${path}: not a regular file (a directory?)`);
  if (info.size > maxBytes) {
    throw new CliError(`${path}: file is too large (${formatBytes(info.size)}; the limit is ${formatBytes(maxBytes)}, see --max-bytes)`);
  }
  return info.size;
}

/** Reads and decodes an input that `checkInput` passed. */
export function readInput(path: string, maxBytes: number, io: CliIo): InputFile {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${describeFsError(error)}`);
  }
  const decoded = decodeText(bytes, { maxBytes });
  if (!decoded.ok) throw new CliError(`${path}: ${decoded.error}`);
  if (decoded.warning !== undefined) io.stderr(`compare-sources: warning: ${path}: ${decoded.warning}\n`);
  return { name: path, text: decoded.text };
}

function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file';
    case 'EISDIR': return 'is a directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    default: return error instanceof Error ? error.message.split('\n')[0] : String(error);
  }
}

/** Runs the CLI; returns the exit code. Never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  try {
    const { help, command: name, operands, options } = parseArgs(argv);
    if (help) {
      io.stdout(usage());
      return 0;
    }
    const command = COMMANDS[name];
    if (operands.length !== command.files) {
      const noun = command.files === 1 ? 'file' : 'files';
      throw new CliError(`${name} needs ${command.files} ${noun} (${command.operands}), got ${operands.length}; see --help`, USAGE_ERROR);
    }
    const sizes = operands.map((path) => checkInput(path, options.maxBytes, io));
    const prepared = command.prepare?.(sizes, io);
    try {
      const files = operands.map((path) => readInput(path, options.maxBytes, io));
      command.run(files, options, io, prepared);
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

export const nodeIo: CliIo = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  readFile: (path) => fs.readFileSync(path),
  stat: (path) => {
    const info = fs.statSync(path);
    return { size: info.size, isFile: info.isFile() };
  },
  startQuoteThread: () => {
    // The worker is a bundle beside dist/cli.js; run from the sources (the unit tests), there is none.
    const workerFile = join(__dirname, 'quoteWorker.js');
    return fs.existsSync(workerFile) ? QuoteThread.start(workerFile) : undefined;
  },
  beforeQuoteAnalysis: lightenOptimisingCompiler,
};

if (require.main === module) {
  // A reader that closes the pipe early (`| head`) is not an error worth a stack trace.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  const code = main(process.argv.slice(2), nodeIo);
  process.exitCode = code;
  // Out as soon as the output is: left to empty by itself, the event loop first waits for the quote
  // thread to wind down (10-15 ms after a 1 MB comparison). Output to a pipe may still be on its way
  // (asynchronous on POSIX); then the exit waits for it to drain, or else comes when the loop empties.
  const pending = [process.stdout, process.stderr].filter((stream) => stream.writableLength > 0);
  if (pending.length === 0) process.exit(code);
  else void Promise.all(pending.map((stream) => new Promise((drained) => stream.once('drain', drained)))).then(() => process.exit(code));
}
