/** The `passages` command: the shared passages of two files alone, as JSON or one line per passage. */
import type { SharedPassage } from '../core/model';
import { sharePassages } from '../core/sharePassages';
import { truncationNotice } from '../core/views/wording';
import { COMMAND_USAGE } from './commandLine';
import { inertLine } from './inert';
import type { Command } from './runCommand';

export const PASSAGES_COMMAND: Command = {
  ...COMMAND_USAGE.passages,
  files: 2,
  run([a, b], options, io) {
    io.beforePassages?.(a.article.text.length + b.article.text.length);
    const { passages, truncated } = sharePassages(a, b, options.compare);
    if (options.json) io.stdout(JSON.stringify({ passages: passages.map(({ a, b, identical }) => ({ a, b, identical })), truncated }) + '\n');
    else io.stdout(formatPassages(a.name, b.name, passages, truncated));
  },
};

/**
 * The readable `passages` output: one line per passage, `A[start,end) = B[start,end) identical|edited`
 * (UTF-16 offsets), and a last line when a work budget cut the passages short.
 */
export function formatPassages(nameA: string, nameB: string, passages: readonly SharedPassage[], truncated: boolean): string {
  const [a, b] = [inertLine(nameA), inertLine(nameB)];
  const lines = passages.map((passage) => `${a}[${passage.a[0]},${passage.a[1]}) = ${b}[${passage.b[0]},${passage.b[1]}) ${passage.identical ? 'identical' : 'edited'}\n`);
  if (truncated) lines.push(`CUT SHORT: a bound on the work of a comparison was reached; ${truncationNotice(['passages'])}.\n`);
  return lines.join('');
}
