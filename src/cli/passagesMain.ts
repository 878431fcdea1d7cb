/**
 * The program the launcher starts for `compare-sources passages …` (dist/cliPassages.js): the same
 * command line, help and errors as the whole CLI (main.ts), with `passages` as the only command it
 * runs. The passages of two large files take a fraction of a second, and loading the whole program
 * (quote analysis with its lexicons and learned weights, the report writers) was a noticeable part of it.
 */
import { CliError, USAGE_ERROR } from './args';
import { mainWith, runProcessWith } from './commandLine';
import { nodeIo, type CliIo } from './io';
import { PASSAGES_COMMAND } from './passagesCommand';
import { runCommand } from './runCommand';

/** `main` of main.ts for a command line whose first word is `passages`; returns the exit code, never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  return mainWith(argv, io, ({ command, operands, options, findOptionsGiven: given }) => {
    // The launcher starts this program only for `passages …`: anything else is a launcher's mistake.
    if (command !== 'passages') throw new CliError(`internal error: the passages program was started for ${command}`, 70);
    if (given.length > 0) throw new CliError(`option ${given[0]} is an option of find; see --help`, USAGE_ERROR);
    runCommand(command, PASSAGES_COMMAND, operands, options, io);
  });
}

export function runProcess(): void {
  runProcessWith(main, nodeIo);
}

// Run directly (a bundle of this file alone), it runs itself.
if (require.main === module) runProcess();
