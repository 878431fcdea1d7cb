/**
 * Standard output and error written to their file descriptors directly, without Node's streams:
 * `process.stdout` on a pipe builds a socket and loads node:net and node:stream, work a short
 * comparison otherwise never needs. A blocking descriptor (a
 * file, a terminal, a pipe as a shell makes it) takes each write whole. A descriptor that another
 * process made non-blocking may refuse one (EAGAIN); from then on that output goes through Node's
 * stream, which waits for the descriptor to take it, in the same order. On Windows the streams
 * are used throughout (its console wants them).
 */
import * as fs from 'node:fs';

export interface StandardOutput {
  write(text: string): void;
  /** Node's stream, once a refused write made this output use it (to wait for it to drain). */
  readonly stream: NodeJS.WriteStream | undefined;
}

/** What the output runs on: the platform, and the write to a descriptor (the tests give their own). */
export interface OutputSystem {
  platform: string;
  writeSync(fd: number, bytes: Uint8Array, offset: number): number;
}

const NODE_SYSTEM: OutputSystem = { platform: process.platform, writeSync: (fd, bytes, offset) => fs.writeSync(fd, bytes, offset) };

/**
 * The output to descriptor `fd` (1 or 2); `stream` gives Node's stream for it (creating it the
 * first time), and `onBrokenPipe` runs when the reader has gone (`| head`).
 */
export function standardOutput(fd: number, stream: () => NodeJS.WriteStream, onBrokenPipe: () => void, system: OutputSystem = NODE_SYSTEM): StandardOutput {
  let through: NodeJS.WriteStream | undefined;
  const useStream = (): NodeJS.WriteStream => {
    if (!through) {
      through = stream();
      through.on('error', (error: NodeJS.ErrnoException) => {
        if (error.code !== 'EPIPE') throw error;
        onBrokenPipe();
      });
    }
    return through;
  };
  if (system.platform === 'win32') useStream();
  return {
    get stream() {
      return through;
    },
    write(text) {
      if (through) {
        through.write(text);
        return;
      }
      const bytes = Buffer.from(text, 'utf8');
      let at = 0;
      while (at < bytes.length) {
        try {
          at += system.writeSync(fd, bytes, at);
        } catch (error) {
          const code = (error as NodeJS.ErrnoException).code;
          if (code === 'EPIPE') return onBrokenPipe();
          if (code !== 'EAGAIN') throw error;
          useStream().write(bytes.subarray(at));
          return;
        }
      }
    },
  };
}
