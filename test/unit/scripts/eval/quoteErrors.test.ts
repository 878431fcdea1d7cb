import * as assert from 'assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';

/** `classifyErrors` of scripts/eval/quoteErrors.mjs (an ES module) run in a child process on `args`. */
function classify(args: unknown[]): Array<{ kind: string; class: string }> {
  const url = pathToFileURL(path.join(__dirname, '../../../../scripts/eval/quoteErrors.mjs')).href;
  const code = `import { classifyErrors } from ${JSON.stringify(url)}; console.log(JSON.stringify(classifyErrors(...${JSON.stringify(args)})));`;
  return JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }));
}

describe('quote error classes (scripts/eval/quoteErrors.mjs)', () => {
  const text = 'He called it a “total disaster” on “Meet the Press” and said “we will win.”\nAn “Xyz” word.';
  const at = (s: string): { start: number; end: number } => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
  const reading = (s: string, kind: string, rule: string, speech: boolean): unknown => ({ range: [at(s).start, at(s).end], reading: { kind, rule }, speech });

  it('names a miss by what the rules read there, and a cut one by the prediction that overlaps it', () => {
    const gold = [at('total disaster'), at('Meet the Press'), at('we will win.')];
    const cut = { start: at('we will win.').start, end: at('we will win.').start + 2 };
    const score = { matched: [], missed: gold, falsePos: [cut] };
    const readings = [reading('total disaster', 'scare', 'short', false), reading('Meet the Press', 'title', 'title-case', false)];
    const errors = classify([text, gold, [cut], score, readings]);
    assert.deepStrictEqual(errors.map((e) => `${e.kind} ${e.class}`), [
      'FN partial quote read as a scare quote (rule short)',
      'FN quoted name or title the gold counts, read as a title (rule title-case)',
      'FN boundary: a prediction overlaps, under half',
      'FP boundary: overlaps a gold quote, under half',
    ]);
  });

  it('names a false positive by its shape: a title, a short term, or one the speech model took back', () => {
    const predictions = [at('Meet the Press'), at('total disaster'), at('Xyz')];
    const score = { matched: [], missed: [], falsePos: predictions };
    const readings = [reading('Xyz', 'scare', 'modifier', true)];
    const errors = classify([text, [], predictions, score, readings]);
    assert.deepStrictEqual(errors.map((e) => e.class), [
      'quoted name or title read as speech',
      'short term read as speech',
      'scare quote or title the speech model took back (rule modifier)',
    ]);
  });
});
