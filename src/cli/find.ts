/**
 * `compare-sources find ARTICLE DIR`: the files of a folder that share the most text with an article,
 * best first, with the figures of each pair's comparison. The folder is fingerprinted into an index
 * (core/archive); with `--index FILE` the index is kept there and only brought up to date on later
 * runs (files whose size or modification time changed are read again, and fingerprinted again when
 * their content changed), so that a query over thousands of files costs a fraction of a second.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runToEnd, syncChanges, type ArchiveFile, type ListingChanges, type SyncReport } from '../core/archive/archiveSync';
import { EmbeddedArchiveIndex, IndexFileError, type StampCheck } from '../core/archive/embeddedIndex';
import type { IndexFileReader } from '../core/archive/indexFile';
import { DEFAULT_TOP, findSources, type SourceMatch } from '../core/archive/findSources';
import { DEFAULT_FINGERPRINT_SETTINGS, Fingerprinter, sameSettings } from '../core/archive/fingerprints';
import { archiveFileFormat, isArchiveFileName } from '../core/archive/archiveFiles';
import type { InputFormatChoice } from '../core/formats/article';
import { decodeText } from '../core/text/decode';
import { describeMatch } from '../core/views/sourceList';
import { CliError, USAGE_ERROR, type CliOptions } from './args';
import { checkInput, readInput } from './inputs';
import { readArticleSync } from './readers';
import { inertJson, inertLine } from './inert';
import type { CliIo } from './io';

export interface FindOptions {
  top: number;
  /** Where the index is kept between runs; none: built in memory for this run only. */
  index?: string;
}

export const FIND_USAGE = {
  name: 'find',
  operands: 'ARTICLE DIR',
  summary: 'the files of DIR (text, Markdown, web pages) sharing the most text with ARTICLE, best first; with --json: '
    + '{"matches":[{"file":"…","shareOfArticle":0-1,"shareOfMatch":0-1,"passages":N}]}',
  options: [
    `  --top N           (find) how many files to list (default ${DEFAULT_TOP})`,
    '  --index FILE      (find) keep the folder\'s index in FILE: made on the first run, brought up to date on later ones',
  ],
};

/** Takes find's own options out of the command line, so that the shared parser never sees them. */
export function takeFindOptions(argv: readonly string[]): { rest: string[]; find: FindOptions; given: string[] } {
  const find: FindOptions = { top: DEFAULT_TOP };
  const rest: string[] = [];
  const given: string[] = [];
  for (let k = 0; k < argv.length; k++) {
    const arg = argv[k];
    if (arg === '--') {
      rest.push(...argv.slice(k));
      break;
    }
    const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
    if (name !== '--top' && name !== '--index') {
      rest.push(arg);
      continue;
    }
    const value = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : argv[++k];
    if (value === undefined) throw new CliError(`option ${name} needs a value`, USAGE_ERROR);
    given.push(name);
    if (name === '--top') {
      if (!/^\d+$/.test(value) || Number(value) < 1 || !Number.isSafeInteger(Number(value))) {
        throw new CliError(`option --top needs a positive whole number, not '${value}'`, USAGE_ERROR);
      }
      find.top = Number(value);
    } else {
      if (value === '') throw new CliError('option --index needs a file name', USAGE_ERROR);
      find.index = value;
    }
  }
  return { rest, find, given };
}

/** What an index file records besides the fingerprints, to tell whether it is this folder's, read the same way. */
interface IndexMeta {
  tool: 'compare-sources find';
  root: string;
  inputFormat: InputFormatChoice;
}

export function runFind(operands: readonly string[], options: CliOptions, find: FindOptions, io: CliIo): void {
  if (operands.length !== 2) throw new CliError(`find needs an article and a folder (ARTICLE DIR), got ${operands.length} operands; see --help`, USAGE_ERROR);
  const [articlePath, dir] = operands;
  checkInput(articlePath, options.maxBytes, io);
  const article = readInput(articlePath, options.maxBytes, io, options.inputFormat);
  const root = archiveRoot(dir);
  const meta: IndexMeta = { tool: 'compare-sources find', root, inputFormat: options.inputFormat };

  const index = openIndex(find.index, meta, io);
  const listing = listArchive(root, index.stampCheck());
  const read = (key: string): Uint8Array | undefined => {
    try {
      return fs.readFileSync(path.join(root, key));
    } catch {
      return undefined; // gone or unreadable since it was listed: left out
    }
  };
  // Every file by its article text, as compare reads it: the figures are the pair comparison's.
  const articleText = (key: string, text: string): string => readArticleSync(text, archiveFileFormat(key, options.inputFormat)).text;
  const report = runToEnd(syncChanges(index, listing, { read, articleText }, new Fingerprinter(index.settings), { maxBytes: options.maxBytes, removeUnlisted: true }));
  warnSkipped(report, io);
  if (find.index !== undefined) saveIndex(find.index, index, meta, io);

  const matches = findSources(index, article.article.text, (key) => {
    const bytes = read(key);
    const decoded = bytes && decodeText(bytes, { maxBytes: options.maxBytes });
    return decoded && decoded.ok ? articleText(key, decoded.text) : undefined;
  }, { top: find.top, compare: options.compare, exclude: articleKeys(root, articlePath) });

  const file = (match: SourceMatch): string => path.join(dir, ...match.key.split('/'));
  if (options.json) {
    const list = matches.map((match) => ({ file: file(match), shareOfArticle: match.shareOfArticle, shareOfMatch: match.shareOfMatch, passages: match.passages }));
    io.stdout(inertJson(JSON.stringify({ matches: list })) + '\n');
    return;
  }
  io.stdout(readableReport(matches.map((match) => ({ match, file: file(match) })), {
    article: articlePath, dir, files: listing.unchanged + listing.changed.length, minWords: options.compare.minWords, report: find.index === undefined ? undefined : report,
  }));
}

function archiveRoot(dir: string): string {
  let info: fs.Stats;
  try {
    info = fs.statSync(dir);
  } catch {
    throw new CliError(`cannot read folder ${dir}: no such folder`);
  }
  if (!info.isDirectory()) throw new CliError(`${dir} is not a folder (find searches the files of a folder: ARTICLE DIR)`);
  return fs.realpathSync(dir);
}

/**
 * The article files under `root`, with keys relative to it and `/`-separated (so that an index
 * stays valid when the folder moves), each compared with the index as it is met: only the files
 * `stamps` does not hold unchanged are kept. Hidden entries and node_modules are left out, and
 * symbolic links to folders are not followed (a link to a parent would never end).
 */
export function listArchive(root: string, stamps: StampCheck): ListingChanges {
  const changed: ArchiveFile[] = [];
  const walk = (folder: string, prefix: string): void => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // unreadable folder: nothing of it is listed
    }
    for (const entry of entries) {
      const name = entry.name;
      if (name.startsWith('.') || name === 'node_modules') continue;
      // Joined by hand: `folder` comes from realpath and `name` from the folder itself, so there is
      // nothing for path.join to normalise, and it cost a fifth of the listing.
      const full = folder + path.sep + name;
      if (entry.isDirectory()) {
        walk(full, `${prefix}${name}/`);
        continue;
      }
      if (!isArchiveFileName(name) || !(entry.isFile() || entry.isSymbolicLink())) continue;
      try {
        const info = fs.statSync(full, { throwIfNoEntry: false });
        if (!info?.isFile()) continue;
        const key = prefix + name;
        if (!stamps.check(key, info.size, info.mtimeMs)) changed.push({ key, size: info.size, modified: info.mtimeMs });
      } catch {
        // unreadable (a link to nowhere reachable, no permission): not listed
      }
    }
  };
  walk(root, '');
  return { ...stamps.finish(), changed };
}

/** The keys the article has in the archive, if it lies there (it is not its own source). */
function articleKeys(root: string, articlePath: string): string[] {
  const real = fs.realpathSync(articlePath);
  const relative = path.relative(root, real);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return [];
  return [relative.split(path.sep).join('/')];
}

function openIndex(file: string | undefined, expected: IndexMeta, io: CliIo): EmbeddedArchiveIndex {
  const fresh = () => new EmbeddedArchiveIndex(DEFAULT_FINGERPRINT_SETTINGS);
  if (file === undefined) return fresh();
  let reader: IndexFileReader;
  try {
    reader = fileReader(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fresh();
    throw new CliError(`cannot read index ${file}: ${(error as Error).message.split('\n')[0]}`);
  }
  const rebuild = (why: string): EmbeddedArchiveIndex => {
    io.stderr(`compare-sources: warning: index ${inertLine(file)} ${why}; it is made again\n`);
    return fresh();
  };
  try {
    // Read piece by piece: a query reads the postings of its own fingerprints only (a tenth of the file).
    const { index, meta } = EmbeddedArchiveIndex.open(reader);
    const { tool, root: indexedRoot, inputFormat } = (meta ?? {}) as Partial<IndexMeta>;
    if (tool !== expected.tool) return rebuild('is not an index of compare-sources find');
    if (indexedRoot !== expected.root) return rebuild(`was made for another folder (${indexedRoot})`);
    if (inputFormat !== expected.inputFormat) return rebuild(`read the files with --input-format ${inputFormat}`);
    if (!sameSettings(index.settings, DEFAULT_FINGERPRINT_SETTINGS)) return rebuild('was made with other fingerprint settings');
    return index;
  } catch (error) {
    if (error instanceof IndexFileError) return rebuild(`cannot be used (${error.message})`);
    throw error;
  }
}

/**
 * The index file, read as the index asks: its contents as they were when opened (a file saved anew is
 * renamed into place, so the open file stays the old one; a journal appended since lies past `size`).
 * The descriptor is left to the process's end: a CLI run opens one index once.
 */
function fileReader(file: string): IndexFileReader {
  const descriptor = fs.openSync(file, 'r');
  const size = fs.fstatSync(descriptor).size;
  return {
    size,
    read: (at, length) => {
      const bytes = new Uint8Array(Math.max(0, Math.min(length, size - at)));
      for (let done = 0; done < bytes.length;) {
        const read = fs.readSync(descriptor, bytes, done, bytes.length - done, at + done);
        if (read === 0) throw new IndexFileError('truncated or damaged');
        done += read;
      }
      return bytes;
    },
  };
}

/**
 * A few changes are appended to the file as journal records (a record cut short is ignored when
 * read); a whole index is written beside and renamed into place, so that a run cut short never
 * leaves half an index.
 */
function saveIndex(file: string, index: EmbeddedArchiveIndex, meta: IndexMeta, io: CliIo): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    const save = index.save(meta);
    if (!save) return;
    if (save.append) {
      fs.appendFileSync(file, save.bytes);
      return;
    }
    fs.writeFileSync(temporary, save.bytes);
    fs.renameSync(temporary, file);
  } catch (error) {
    fs.rmSync(temporary, { force: true });
    io.stderr(`compare-sources: warning: could not save index ${inertLine(file)}: ${inertLine((error as Error).message.split('\n')[0])}\n`);
  }
}

function warnSkipped(report: SyncReport, io: CliIo): void {
  if (report.skipped.length === 0) return;
  const shown = report.skipped.slice(0, 3).map((skip) => `${inertLine(skip.key)} (${skip.reason})`).join(', ');
  const more = report.skipped.length > 3 ? ` and ${report.skipped.length - 3} more` : '';
  io.stderr(`compare-sources: warning: ${report.skipped.length} file${report.skipped.length === 1 ? '' : 's'} not searched: ${shown}${more}\n`);
}

interface ReportContext {
  article: string;
  dir: string;
  files: number;
  minWords: number;
  /** What the run changed in a kept index (none without --index: everything was read). */
  report?: SyncReport;
}

function readableReport(found: { match: SourceMatch; file: string }[], context: ReportContext): string {
  const report = context.report ?? { added: 0, updated: 0, removed: 0 };
  const counted = (n: number, noun: string) => `${n.toLocaleString('en-US')} ${noun}${n === 1 ? '' : 's'}`;
  const changes = [['added', report.added], ['updated', report.updated], ['removed', report.removed]].filter(([, n]) => n).map(([what, n]) => `${n} ${what}`);
  const searched = `searched ${counted(context.files, 'file')} in ${inertLine(context.dir)}${changes.length ? `; index: ${changes.join(', ')}` : ''}`;
  if (found.length === 0) {
    return `No file shares a passage of ${context.minWords} words or more with ${inertLine(context.article)} (${searched}).\n`;
  }
  const lines = [`Sources of ${inertLine(context.article)}, best first (${searched}):`, ''];
  found.forEach(({ match, file }, rank) => {
    lines.push(`${String(rank + 1).padStart(3)}. ${inertLine(file)}`);
    lines.push(`     ${describeMatch(match)}`);
  });
  return lines.join('\n') + '\n';
}
