// Property test of the exported reports' escaping (of two articles and of three or more): random
// article text and file names full of markup (script tags, event handlers, javascript: and Markdown links, images, code spans, table
// pipes, list, heading and quote line starts, entities, NUL, bidi overrides) go through the real
// comparison and both writers; the HTML is parsed with parse5 and the Markdown with markdown-it,
// and neither may hold markup from outside, while every quote, speaker and file name shows as text
// (test/unit/core/views/report/reportChecks.ts says how). FUZZ_SCALE scales the runs (npm run fuzz).
import * as assert from 'assert';
import fc from 'fast-check';
import { compareTexts } from '../../../src/core/compare';
import { writeManyReport, writeReport } from '../../../src/core/views/report/formats';
import { compareMany } from '../../../src/core/compareMany';
import type { ManyReportInput } from '../../../src/core/views/report/manyContent';
import type { ReportInput } from '../../../src/core/views/report/content';
import { checkHtmlReport, checkMarkdownReport, outsideManyStrings, outsideStrings, twinInput, twinManyInput } from '../core/views/report/reportChecks';
import { applyEdits, fuzzParameters, piece } from './hostileText';

const PAYLOADS = [
  '<script>alert(1)</script>', '<script', '</script>', '"><img src=x onerror=alert(1)>', "'><svg onload=alert(1)>", '<img src=x onerror="x">',
  'javascript:alert(1)', '](javascript:alert(1))', '[click](javascript:alert(1))', '[ref]', '[ref]: http://evil.invalid', '![x](http://evil.invalid/x.png)',
  '<http://evil.invalid>', '<a href="javascript:x">', '`code`', '``', '```', '~~~', '|', '| a | b |', '|---|---|', '# ', '## heading', '- ', '* ', '+ ',
  '> ', '1. ', '1) ', '---', '***', '___', '===', '&lt;script&gt;', '&amp;', '&#60;', '&#x3C;', '\\', '*em*', '_em_', '**strong**', '~~gone~~',
  '<!--', '-->', '<![CDATA[', ']]>', '</style>', '</title>', '<style>', '<textarea>', '<plaintext>', '"', "'", '\0', '\u202e', '[^1]', '    code',
  '\t', '\n', '\r\n', '\n\n', '\n# ', '\n- ', '\n> ', '\n1. ', '\n    ', '\n```\n', 'www.evil.invalid', '\u2028',
];
const WORDS = ['the', 'mayor', 'said', 'Ann', 'Lee', 'told', 'reporters', 'we', 'will', 'rebuild', 'pier', 'by', 'spring', 'ferry', 'council', 'vote', 'Friday', 'Mr', 'Brandt'];
const QUOTE_PAIRS: [string, string][] = [['“', '”'], ['"', '"'], ['‘', '’'], ['«', '»']];

/** Words, payloads and other hostile pieces: what goes between and inside the quote marks. */
const chunk = fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...WORDS) }, { weight: 4, arbitrary: fc.constantFrom(...PAYLOADS) }, { weight: 1, arbitrary: piece });
const words = (max: number) => fc.array(chunk, { minLength: 1, maxLength: max }).map((parts) => parts.join(' '));

/** Sentences with quotes and speakers, so that quotes, speakers and passages all carry payloads. */
const hostileArticle = fc.array(
  fc.tuple(words(10), words(4), fc.constantFrom(...QUOTE_PAIRS), fc.constantFrom('quote-said', 'said-quote', 'plain'), fc.constantFrom(' ', '\n', '\n\n', '\r\n')),
  { minLength: 2, maxLength: 10 },
).map((sentences) => sentences.map(([body, who, [open, close], shape, gap]) => {
  if (shape === 'quote-said') return `${open}${body},${close} ${who} said.${gap}`;
  if (shape === 'said-quote') return `${who} said: ${open}${body}.${close}${gap}`;
  return `${body}.${gap}`;
}).join(''));

const edit = fc.record({ at: fc.nat(), kind: fc.constantFrom('delete', 'insert', 'replace', 'case', 'requote', 'rebreak'), with: chunk }) as fc.Arbitrary<Parameters<typeof applyEdits>[1][number]>;
const fileName = fc.array(fc.oneof(fc.constantFrom('report', 'a', ' ', '.txt'), fc.constantFrom(...PAYLOADS)), { minLength: 1, maxLength: 4 }).map((parts) => parts.join(''));

describe('exported reports escape outside text (property)', function () {
  this.timeout(0);

  it('turns no article text or file name into HTML or Markdown, and shows all of it as text', () => {
    let withPassages = 0;
    let withPairs = 0;
    const parameters = fuzzParameters(100);
    fc.assert(fc.property(hostileArticle, fc.array(edit, { maxLength: 6 }), fileName, fileName, (a, edits, nameA, nameB) => {
      const b = applyEdits(a, edits);
      const comparison = compareTexts({ name: nameA, text: a }, { name: nameB, text: b }, { minWords: 3 });
      const input: ReportInput = { comparison, texts: { a, b }, createdAt: new Date(0) };
      const twin = twinInput(input);
      const expected = outsideStrings(input);
      checkHtmlReport(writeReport('html', input), writeReport('html', twin), expected);
      checkMarkdownReport(writeReport('markdown', input), writeReport('markdown', twin), expected);
      if (comparison.passages.length > 0) withPassages++;
      if (comparison.quoteMatches.length > 0) withPairs++;
    }), parameters);
    // The texts must reach passages and quote pairs, or the report's sections that show them were never tested.
    const cases = parameters.numRuns ?? 0;
    assert.ok(withPassages > cases / 2 && withPairs > cases / 4, `only ${withPassages} of ${cases} cases had passages, ${withPairs} quote pairs`);
  });

  it('turns no article text or file name of three or more articles into HTML or Markdown, and shows all of it as text', () => {
    let withPassages = 0;
    let withStatements = 0;
    const parameters = fuzzParameters(40);
    const others = fc.array(fc.tuple(fc.array(edit, { maxLength: 6 }), fileName), { minLength: 2, maxLength: 3 });
    fc.assert(fc.property(hostileArticle, fileName, others, (first, firstName, rest) => {
      const texts = [first, ...rest.map(([edits]) => applyEdits(first, edits))];
      const names = [firstName, ...rest.map(([, name]) => name)];
      const comparison = compareMany(texts.map((text, k) => ({ name: names[k], text })), { minWords: 3 });
      const input: ManyReportInput = { comparison, texts, createdAt: new Date(0) };
      const twin = twinManyInput(input);
      const expected = outsideManyStrings(input);
      checkHtmlReport(writeManyReport('html', input), writeManyReport('html', twin), expected);
      checkMarkdownReport(writeManyReport('markdown', input), writeManyReport('markdown', twin), expected);
      if (comparison.passageClusters.length > 0) withPassages++;
      if (comparison.quoteClusters.some((cluster) => cluster.documents.length >= 2)) withStatements++;
    }), parameters);
    const cases = parameters.numRuns ?? 0;
    assert.ok(withPassages > cases / 2 && withStatements > cases / 4, `only ${withPassages} of ${cases} cases had passages, ${withStatements} shared statements`);
  });
});
