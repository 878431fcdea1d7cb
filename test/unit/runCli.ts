import { main, nodeIo, type CliIo } from '../../src/cli';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's `main` in-process with the real file system, capturing what it prints. */
export function runCli(...argv: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  // The V8 tuning of a real CLI process (see nodeIo) is left out: it would change the test runner's own compiler.
  const io: CliIo = { ...nodeIo, beforeQuoteAnalysis: undefined, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  const code = main(argv, io);
  return { code, stdout, stderr };
}
