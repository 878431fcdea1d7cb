/**
 * glibc's allocator keeps large freed blocks in its arenas and, after each large free, raises the
 * size from which it serves blocks by `mmap` (up to 32 MB), so that a large `compare` (whose texts go
 * to the quote thread and whose quotes come back) holds much more resident memory than it uses. That threshold is read once, when the process starts, from MALLOC_MMAP_THRESHOLD_: for a
 * large comparison the launcher starts the CLI again with it set.
 */
import * as fs from 'node:fs';

/** Input (the files named on the command line, together) from which `compare` starts itself again. */
export const RELAUNCH_FROM_BYTES = 16 * 1048576;
const MMAP_THRESHOLD = '131072';

/** Size of `file` when it names a regular file, else 0. */
function sizeOnDisk(file: string): number {
  try {
    const stats = fs.statSync(file);
    return stats.isFile() ? stats.size : 0;
  } catch {
    return 0;
  }
}

/**
 * The environment to start `compare` again under, or undefined to run it in this process: only on
 * Linux (glibc), only for `compare`, only once (the variable set means it is the started copy or the
 * user's choice), and only from RELAUNCH_FROM_BYTES of files among the arguments.
 */
export function relaunchEnvironment(argv: readonly string[], env: NodeJS.ProcessEnv, platform: string, sizeOf: (file: string) => number = sizeOnDisk): NodeJS.ProcessEnv | undefined {
  if (platform !== 'linux' || argv[0] !== 'compare' || env.MALLOC_MMAP_THRESHOLD_ !== undefined) return undefined;
  let bytes = 0;
  for (const arg of argv.slice(1)) if (!arg.startsWith('-')) bytes += sizeOf(arg);
  return bytes >= RELAUNCH_FROM_BYTES ? { ...env, MALLOC_MMAP_THRESHOLD_: MMAP_THRESHOLD } : undefined;
}

/**
 * Runs this CLI again under `env`, with the same arguments and standard streams, and ends this
 * process as the copy ended. Returns only when the copy could not be started (the caller runs the
 * command itself then).
 */
export function relaunch(env: NodeJS.ProcessEnv): void {
  // node:child_process loaded here: every start of the CLI would pay for loading it, and few relaunch.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { spawnSync } = require('node:child_process') as typeof import('node:child_process');
  const result = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
  if (result.error) return;
  if (result.signal) process.kill(process.pid, result.signal);
  process.exit(result.status ?? 1);
}
