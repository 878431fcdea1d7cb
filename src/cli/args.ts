/** The command line's words read into a command, its file operands and its options. */
import { DEFAULT_COMPARE_OPTIONS, DEFAULT_MAX_FILE_BYTES, type CompareOptions } from '../core/model';

export interface CliOptions {
  json: boolean;
  compare: CompareOptions;
  maxBytes: number;
}

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
  const command = positional.length > 0 && commands.includes(positional[0]) ? positional.shift()! : defaultCommand;
  return { help, command, operands: positional, options };
}

function positiveInteger(option: string, text: string): number {
  if (!/^\d+$/.test(text) || Number(text) < 1 || !Number.isSafeInteger(Number(text))) {
    throw new CliError(`option ${option} needs a positive whole number, not '${text}'`, USAGE_ERROR);
  }
  return Number(text);
}
