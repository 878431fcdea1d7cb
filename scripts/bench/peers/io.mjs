// The command-line contract every benchmarked tool shares: two file paths in, and
// {"passages":[{"a":[start,end],"b":[start,end]}]} (UTF-16 offsets, half-open) out.
import { readFileSync } from 'node:fs';

export function readPair(argv = process.argv.slice(2)) {
  const files = argv.filter((arg) => !arg.startsWith('--'));
  if (files.length !== 2) {
    console.error('usage: node <peer>.mjs fileA fileB');
    process.exit(2);
  }
  return { a: readFileSync(files[0], 'utf8'), b: readFileSync(files[1], 'utf8') };
}

export function printPassages(passages) {
  process.stdout.write(JSON.stringify({ passages }) + '\n');
}
