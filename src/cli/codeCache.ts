/**
 * Starting the CLI's program from V8's code cache. A CLI process is short and cold: a `find` query
 * spends a tenth of its CPU compiling the functions it runs (the tokeniser, the passage finder)
 * from source. V8 can save the code it compiled in a run (`vm.Script#createCachedData` after the
 * run holds the lazily compiled functions too) and take it back at the next start.
 *
 * The cache is only ever a shortcut to the same program: it is used when it was made from this very
 * bundle, by this Node and V8 (a SHA-256 of all three, kept in the file and checked before use,
 * since V8 itself only compares the source's length), when its own bytes are intact (a second
 * SHA-256: V8 does not check them in release builds, and a damaged cache must never reach it), and
 * when it lies in a folder only this user can write (on POSIX: owned by the user, writable by no
 * one else), since a cache is code. V8 refuses one made under other flags; any refusal or failure
 * means compiling from source, as without a cache.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
// Loaded with the launcher, before it sets V8's flags: Node compiles a built-in module loaded after
// a flag change afresh rather than from its own cache (node:module brings the ES module loader with it).
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import * as vm from 'node:vm';

/** How a program was started: from a cache, or compiled from source (none found, or refused). */
export type CacheUse = 'used' | 'none' | 'refused';

export interface LoadedProgram<T> {
  exports: T;
  cache: CacheUse;
  /** Writes a cache of the code compiled so far, unless one was used; call it when the run is over. */
  save(): void;
}

/** Where the caches are kept: the user's cache folder, or none (COMPARE_SOURCES_CODE_CACHE=off). */
export function cacheDirectory(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string | undefined {
  const chosen = env.COMPARE_SOURCES_CODE_CACHE;
  if (chosen === 'off') return undefined;
  if (chosen && path.isAbsolute(chosen)) return chosen;
  try {
    if (platform === 'win32') return path.join(env.LOCALAPPDATA || os.tmpdir(), 'compare-sources', 'Cache');
    if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches', 'compare-sources');
    const base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : path.join(os.homedir(), '.cache');
    return path.join(base, 'compare-sources');
  } catch {
    return undefined; // no home folder
  }
}

/**
 * The cache file of `programFile` for one kind of run (a command: each compiles other functions),
 * named after the program's path so that two installed copies do not overwrite each other's.
 */
export function cacheFileFor(directory: string, programFile: string, kind: string): string {
  const where = createHash('sha256').update(path.resolve(programFile)).digest('hex').slice(0, 12);
  return path.join(directory, `cli-${/^[a-z]{1,24}$/.test(kind) ? kind : 'other'}-${where}.v8cache`);
}

const HASH_BYTES = 32;

/**
 * Compiles and runs `programFile`, a CommonJS bundle, as `require` would (its own `require`,
 * `module`, `__filename`, `__dirname`), from the cache in `cacheFile` when there is a good one.
 */
export function loadProgram<T>(programFile: string, cacheFile: string | undefined): LoadedProgram<T> {
  const source = fs.readFileSync(programFile);
  let sourceKey: Buffer | undefined;
  const keyOfSource = (): Buffer => (sourceKey ??= sha256(source, process.version, process.arch, String(v8.cachedDataVersionTag())));
  const cachedData = cacheFile === undefined ? undefined : readCache(cacheFile, keyOfSource);
  const wrapped = `(function (exports, require, module, __filename, __dirname) {${source.toString('utf8')}\n})`;
  const script = new vm.Script(wrapped, { filename: programFile, cachedData });
  const cache: CacheUse = cachedData === undefined ? 'none' : script.cachedDataRejected ? 'refused' : 'used';
  const module = { exports: {} as T, filename: programFile, id: programFile };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run.call(module.exports, module.exports, createRequire(programFile), module, programFile, path.dirname(programFile));
  return {
    exports: module.exports,
    cache,
    save: () => {
      if (cache !== 'used' && cacheFile !== undefined) writeCache(cacheFile, keyOfSource(), script.createCachedData());
    },
  };
}

function sha256(...parts: (string | Uint8Array)[]): Buffer {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest();
}

/** The cached code, when the file is this user's alone, made from this source, and intact. */
function readCache(file: string, keyOfSource: () => Buffer): Buffer | undefined {
  let bytes: Buffer;
  try {
    if (!ownedByUser(path.dirname(file), 'directory') || !ownedByUser(file, 'file')) return undefined;
    bytes = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (bytes.length <= 2 * HASH_BYTES || !bytes.subarray(0, HASH_BYTES).equals(keyOfSource())) return undefined;
  const data = bytes.subarray(2 * HASH_BYTES);
  return bytes.subarray(HASH_BYTES, 2 * HASH_BYTES).equals(sha256(data)) ? data : undefined;
}

/** Written beside and renamed into place, so that a reader never sees half a file; any failure leaves no cache. */
function writeCache(file: string, key: Buffer, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
    if (!ownedByUser(path.dirname(file), 'directory')) return;
    fs.writeFileSync(temporary, Buffer.concat([key, sha256(data), data]), { mode: 0o600, flag: 'wx' });
    fs.renameSync(temporary, file);
  } catch {
    fs.rmSync(temporary, { force: true });
  }
}

/**
 * Whether `target` is a real file or folder (not a link) that no other user can have written: owned
 * by this user and not writable by group or others. Windows has no such modes; the cache lies in
 * the user's own local application data there.
 */
function ownedByUser(target: string, kind: 'file' | 'directory'): boolean {
  const info = fs.lstatSync(target, { throwIfNoEntry: false });
  if (!info || (kind === 'file' ? !info.isFile() : !info.isDirectory())) return false;
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return info.uid === process.getuid() && (info.mode & 0o022) === 0;
}
