// The three sample articles of examples/ (one story told by a wire, a local paper and a radio
// station's site), read once for the tests that check what the product finds in them.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { SourceText } from '../../src/core/compare';

const ROOT = path.resolve(__dirname, '../..');

export const EXAMPLE_NAMES = ['harbour-wire.txt', 'harbour-herald.txt', 'harbour-radio.txt'] as const;

export function exampleArticles(): SourceText[] {
  return EXAMPLE_NAMES.map((name) => ({ name, text: fs.readFileSync(path.join(ROOT, 'examples', name), 'utf8') }));
}
