import * as assert from 'assert';
import * as fc from 'fast-check';
import { DEFAULT_FINGERPRINT_SETTINGS, Fingerprinter, guaranteedRunWords, winnow } from '../../../../src/core/archive/fingerprints';
import { ArticleWriter } from './archiveFixture';

const shared = (x: Uint32Array, y: Uint32Array): number => {
  const set = new Set(x);
  return y.filter((value) => set.has(value)).length;
};

describe('core/archive/fingerprints', () => {
  it('gives a text the same fingerprints whatever was fingerprinted before (they are stored across runs)', () => {
    const writer = new ArticleWriter(1);
    const article = writer.article(300);
    const fresh = new Fingerprinter().fingerprint(article);
    const used = new Fingerprinter();
    for (let k = 0; k < 5; k++) used.fingerprint(writer.article(200));
    assert.deepStrictEqual(used.fingerprint(article), fresh);
    assert.ok(fresh.length > 0);
  });

  it('is sorted and distinct', () => {
    const prints = new Fingerprinter().fingerprint(new ArticleWriter(2).article(500));
    for (let k = 1; k < prints.length; k++) assert.ok(prints[k] > prints[k - 1]);
  });

  it('sees through what the comparison normalises: case, quote marks, dashes, line ends and wrapping', () => {
    const plain = 'The minister said the harbour plan would cost 1,000 dollars and the work starts in spring, after the vote.';
    const restyled = 'THE MINISTER said\r\nthe harbour plan — would cost 1,000 dollars, and “the work” starts in   spring after the vote';
    const fingerprinter = new Fingerprinter();
    assert.deepStrictEqual(fingerprinter.fingerprint(restyled), fingerprinter.fingerprint(plain));
  });

  it('keeps about 2 / (window + 1) of the runs', () => {
    const text = new ArticleWriter(3).article(20000);
    const words = text.split(/\s+/).length;
    const prints = new Fingerprinter({ gramWords: 5, window: 6 }).fingerprint(text).length;
    const density = prints / words;
    assert.ok(density > 0.22 && density < 0.36, `density ${density}`);
  });

  it('guarantees a shared fingerprint for every shared run of gramWords + window - 1 words', () => {
    const settings = DEFAULT_FINGERPRINT_SETTINGS;
    const run = guaranteedRunWords(settings);
    fc.assert(fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: 200 }), (seed, before, after) => {
      const writer = new ArticleWriter(seed);
      const passage = writer.passage(run);
      const a = `${writer.passage(before)} ${passage} ${writer.passage(50)}`;
      const b = `${writer.passage(after)} ${passage} ${writer.passage(30)}`;
      const fingerprinter = new Fingerprinter(settings);
      return shared(fingerprinter.fingerprint(a), fingerprinter.fingerprint(b)) > 0;
    }), { numRuns: 200 });
  });

  it('gives a text shorter than one run nothing, and one shorter than a window one fingerprint', () => {
    const fingerprinter = new Fingerprinter({ gramWords: 5, window: 6 });
    assert.strictEqual(fingerprinter.fingerprint('four words only here').length, 0);
    assert.strictEqual(fingerprinter.fingerprint('').length, 0);
    assert.strictEqual(fingerprinter.fingerprint('exactly six words in this text').length, 1);
  });

  it('winnows to the rightmost smallest hash of each window', () => {
    // The example of Schleimer, Wilkerson & Aiken (2003), figure 2: windows of 4 select 17 17 8 39 17.
    const hashes = Uint32Array.from([77, 74, 42, 17, 98, 50, 17, 98, 8, 88, 67, 39, 77, 74, 42, 17, 98]);
    assert.deepStrictEqual([...winnow(hashes, 4)], [17, 17, 8, 39, 17]);
  });

  it('clamps settings from outside into their limits', () => {
    assert.deepStrictEqual(new Fingerprinter({ gramWords: 0, window: 1000 }).settings, { gramWords: 2, window: 50 });
  });
});
