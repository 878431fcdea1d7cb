/**
 * How every command of the CLI runs once its command line is read: its operands and format
 * checked, its files checked and read, its work started and its output written (to standard output
 * or `--output`). Shared by the whole CLI (main.ts) and by the programs that run one command alone
 * (passagesMain.ts), so that each answers a command line exactly as the other does.
 */
import { resolve } from 'node:path';
import { CliError, USAGE_ERROR, type CliOptions, type OutputFormat } from './args';
import { checkInput, checkTotal, describeFsError, readInput, type InputFile } from './inputs';
import type { CliIo, QuoteThreadHandle } from './io';

export interface Command {
  /** Operands, for the usage line. */
  operands: string;
  summary: string;
  /** How many file operands the command takes: a number, or the fewest and the most. */
  files: number | { min: number; max: number };
  /** The `--format`s it writes (default: text and json). */
  formats?: readonly OutputFormat[];
  /** Work to start once the inputs are checked, before they are read (a thread), given their sizes in bytes. */
  start?(sizes: number[], io: CliIo): QuoteThreadHandle | undefined;
  /**
   * Work to start once the inputs are read (a thread), given what `start` started (this must stop
   * it or return it); what it returns is handed to `run`. Without it, what `start` started is.
   */
  prepare?(files: InputFile[], io: CliIo, started: QuoteThreadHandle | undefined): QuoteThreadHandle | undefined;
  run(files: InputFile[], options: CliOptions, io: CliIo, prepared: QuoteThreadHandle | undefined): void;
}

/** Runs command `name` on its operands; throws a CliError for what the user must change. */
export function runCommand(name: string, command: Command, operands: readonly string[], options: CliOptions, io: CliIo): void {
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
  const started = command.start?.(sizes, io);
  let files: InputFile[];
  let prepared: QuoteThreadHandle | undefined;
  try {
    files = operands.map((path) => readInput(path, options.maxBytes, io, options.inputFormat));
    prepared = command.prepare ? command.prepare(files, io, started) : started;
  } catch (error) {
    started?.stop();
    throw error;
  }
  try {
    if (options.output === undefined) command.run(files, options, io, prepared);
    else writeOutput(options.output, io, (into) => command.run(files, options, into, prepared));
  } finally {
    prepared?.stop();
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
