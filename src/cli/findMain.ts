/**
 * The program the launcher starts for `compare-sources find …` (dist/cliFind.js): the same command
 * line, help and errors as the whole CLI (main.ts), with `find` as the only command it runs. A
 * query is one short process, and loading the whole (the comparison report, quote analysis, the
 * report writers) would cost it CPU for code it never runs.
 */
import { CliError } from './args';
import { mainWith, runProcessWith } from './commandLine';
import { FIND_USAGE, runFind } from './find';
import { nodeIo, type CliIo } from './io';
import { delayOptimisingCompiler } from './v8Flags';

/** `main` of main.ts for a command line whose first word is `find`; returns the exit code, never throws. */
export function main(argv: readonly string[], io: CliIo): number {
  return mainWith(argv, io, ({ command, operands, options, find }) => {
    // The launcher starts this program only for `find …`: anything else is a launcher's mistake.
    if (command !== FIND_USAGE.name) throw new CliError(`internal error: the find program was started for ${command}`, 70);
    runFind(operands, options, find, io);
  });
}

export function runProcess(): void {
  // As the launcher does before loading this program (the same flag again changes nothing then).
  delayOptimisingCompiler();
  runProcessWith(main, nodeIo);
}


// Run directly (a bundle of this file alone), it runs itself.
if (require.main === module) runProcess();
