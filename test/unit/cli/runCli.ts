import { nodeIo, type CliIo } from '../../../src/cli/io';
import { main } from '../../../src/cli/main';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI's `main` in-process with the real file system, capturing what it prints. */
export function runCli(...argv: string[]): CliRun {
  let stdout = '';
  let stderr = '';
  const io: CliIo = { ...nodeIo, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) };
  const code = main(argv, io);
  return { code, stdout, stderr };
}
