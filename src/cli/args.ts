/** The command line's words read into a command, its file operands and its options. */
import { INPUT_FORMAT_CHOICES, type InputFormatChoice } from '../core/formats/article';
import { parseInputFormatChoice } from '../core/formats/formatChoice';
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, DEFAULT_MAX_TOTAL_BYTES, type CompareOptions } from '../core/model';
import { isReportFormat, REPORT_FORMATS, type ReportFormat } from '../core/views/report/formats';

/** `text` is the readable report for a terminal; the others are the report formats (`--format`). */
export type OutputFormat = 'text' | ReportFormat;

export interface CliOptions {
  json: boolean;
  /** What `compare` writes; `--json` is `--format json`. */
  format: OutputFormat;
  /** Where the output goes instead of standard output (`--output FILE`). */
  output?: string;
  compare: CompareOptions;
  maxBytes: number;
  /** How the files are read: by their extension (`auto`), or all as one format. */
  inputFormat: InputFormatChoice;
  /** Largest size of all the files together, in bytes. */
  maxTotalBytes: number;
}

export const OUTPUT_FORMATS: readonly OutputFormat[] = ['text', ...(Object.keys(REPORT_FORMATS) as ReportFormat[])];

/** A problem with the user's input: reported as one line, never with a stack trace. */
export class CliError extends Error {
  constructor(message: string, readonly exitCode = 1) {
    super(message);
  }
}

export const USAGE_ERROR = 2;

export interface ParsedArgs {
  help: boolean;
  command: string;
  operands: string[];
  options: CliOptions;
}

/** `commands` are the command names; a first operand that is none of them is a file of `defaultCommand`. */
export function parseArgs(argv: readonly string[], commands: readonly string[], defaultCommand: string): ParsedArgs {
  const options: CliOptions = { json: false, format: 'text', compare: { ...DEFAULT_COMPARE_OPTIONS }, maxBytes: DEFAULT_MAX_FILE_BYTES, inputFormat: 'auto', maxTotalBytes: DEFAULT_MAX_TOTAL_BYTES };
  let format: OutputFormat | undefined;
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
      case '--format': {
        const given = value();
        if (given !== 'text' && !isReportFormat(given)) throw new CliError(`option --format needs one of ${OUTPUT_FORMATS.join(', ')}, not '${given}'`, USAGE_ERROR);
        format = given;
        break;
      }
      case '-o':
      case '--output':
        options.output = value();
        break;
      case '--min-words':
        options.compare.minWords = positiveInteger(name, value());
        break;
      case '--max-bytes':
        options.maxBytes = positiveInteger(name, value());
        break;
      case '--input-format': {
        const given = value();
        const choice = parseInputFormatChoice(given);
        if (choice === undefined) throw new CliError(`option --input-format needs one of ${INPUT_FORMAT_CHOICES.join(', ')}, not '${given}'`, USAGE_ERROR);
        options.inputFormat = choice;
        break;
      }
      case '--max-total-bytes':
        options.maxTotalBytes = positiveInteger(name, value());
        break;
      default:
        throw new CliError(`unknown option ${name} (see --help)`, USAGE_ERROR);
    }
  }
  if (format !== undefined) {
    if (options.json && format !== 'json') throw new CliError(`--json and --format ${format} ask for different outputs; give one`, USAGE_ERROR);
    options.format = format;
    options.json = format === 'json';
  } else if (options.json) options.format = 'json';
  const command = positional.length > 0 && commands.includes(positional[0]) ? positional.shift()! : defaultCommand;
  return { help, command, operands: positional, options };
}

function positiveInteger(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new CliError(`option ${option} needs a positive whole number, not '${text}'`, USAGE_ERROR);
  }
  return Number(text);
}
