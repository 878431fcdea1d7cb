import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { COMMUNICATION_VERBS } from '../../../../src/core/quotes/wordLists';

describe('communication-verb lexicon', () => {
  it('is exactly what the generator makes from WordNet (a hand edit or a changed package fails here)', () => {
    const root = path.join(__dirname, '../../../..');
    // Exits 1 (and execFileSync throws) when the committed file differs from a fresh generation.
    const out = execFileSync(process.execPath, [path.join(root, 'scripts/lexicon/communication-verbs.mjs'), '--check'], { encoding: 'utf8' });
    assert.match(out, /up to date/);
  });

  it('holds every form of verbs of speech, irregular ones and doubled consonants too', () => {
    for (const form of ['say', 'says', 'said', 'saying', 'quip', 'quipped', 'quipping', 'retort', 'retorted', 'testified', 'swore', 'sworn', 'insists', 'exclaimed', 'scoffed', 'declared']) {
      assert.ok(COMMUNICATION_VERBS.has(form), form);
    }
  });

  it('leaves out verbs whose communication sense is a rare one', () => {
    for (const word of ['point', 'deal', 'order', 'project', 'run', 'hold', 'show']) assert.ok(!COMMUNICATION_VERBS.has(word), word);
  });
});
