import * as assert from 'assert';
import { analyzeQuotes } from '../../../../src/core/quotes/attribution';
import { extractQuotedRegions, MAX_REGION_CHARS, paragraphRanges } from '../../../../src/core/quotes/quotedRegions';

/** The quoted texts of `text`, in order. */
const quoted = (text: string): string[] => extractQuotedRegions(text).regions.map((r) => text.slice(r.range[0], r.range[1]));

describe('paragraphRanges', () => {
  it('splits on single newlines and blank lines alike, CRLF included, without the line breaks', () => {
    const text = 'One.\r\n\r\nTwo.\nThree.  \n\n';
    assert.deepStrictEqual(paragraphRanges(text).map(([s, e]) => text.slice(s, e)), ['One.', 'Two.', 'Three.']);
  });

  it('ends a paragraph at a lone CR too, as the editor ends a line there', () => {
    const text = 'One.\rTwo.\r\rThree.\r';
    assert.deepStrictEqual(paragraphRanges(text).map(([s, e]) => text.slice(s, e)), ['One.', 'Two.', 'Three.']);
  });
});

describe('extractQuotedRegions with lone CR line ends (old Mac exports)', () => {
  const LF = '“We will rebuild the pier,” the mayor said.\n“It was never about money\nThe council met on Friday.\n“Not now,” she added.\n';

  it('finds the same quotes, with the same speakers, as in the text with LF line ends', () => {
    const cr = LF.replace(/\n/g, '\r');
    assert.deepStrictEqual(extractQuotedRegions(cr).regions, extractQuotedRegions(LF).regions);
    assert.deepStrictEqual(analyzeQuotes(cr).quotes, analyzeQuotes(LF).quotes);
  });

  it('keeps a mark left open from running on past its line', () => {
    const cr = LF.replace(/\n/g, '\r');
    assert.ok(quoted(cr).includes('It was never about money'), JSON.stringify(quoted(cr)));
  });
});

describe('extractQuotedRegions: quoted regions are bounded', () => {
  /** `count` sentences of filler words, about 60 characters each. */
  const filler = (count: number): string => Array.from({ length: count }, (_, k) => `The council met again on day ${k} to talk about the pier.`).join(' ');

  it(`ends a mark left open in a long paragraph at a sentence end within ${MAX_REGION_CHARS} characters`, () => {
    const text = `Intro. “${filler(400)}`;
    const [region] = extractQuotedRegions(text).regions;
    assert.ok(region.range[1] - region.open <= MAX_REGION_CHARS, `${region.range[1] - region.open} characters`);
    assert.ok(region.range[1] - region.open > MAX_REGION_CHARS / 2);
    assert.match(text.slice(region.range[0], region.range[1]), /pier\.$/);
    assert.strictEqual(region.close, -1);
  });

  it('reads the marks after the cut afresh: a stray mark cannot swallow the quotes that follow it', () => {
    const text = `“${filler(200)} Then she said “we will rebuild it” and left.`;
    assert.deepStrictEqual(quoted(text).slice(1), ['we will rebuild it']);
  });

  it('cuts a pair of marks that stand further apart than the bound (a stray mark closed by another)', () => {
    const text = `He said “${filler(200)}” and more.`;
    const [first] = extractQuotedRegions(text).regions;
    assert.ok(first.range[1] - first.open <= MAX_REGION_CHARS);
  });

  it('never cuts inside a word: a quoted word longer than the bound stays whole', () => {
    const word = 'a'.repeat(MAX_REGION_CHARS + 500);
    const found = quoted(`The mayor said “${word}” on Friday.`);
    assert.deepStrictEqual(found.map((q) => q.length), [word.length]);
    assert.ok(found[0] === word, 'the whole word, without its marks');
  });

  it('leaves long real quotes alone: a quoted paragraph of 2,000 characters is one region', () => {
    const long = filler(36);
    assert.ok(long.length > 2000 && long.length < MAX_REGION_CHARS, `${long.length}`);
    assert.ok(quoted(`She said: “${long}”`)[0] === long);
  });
});

describe('extractQuotedRegions', () => {
  it('finds curly and straight double quotes, marks and surrounding spaces excluded', () => {
    const text = 'The mayor called it “a fair deal” and the clerk said " we agree ".';
    assert.deepStrictEqual(quoted(text), ['a fair deal', 'we agree']);
  });

  it('gives offsets into the text exactly as held, CRLF kept', () => {
    const text = 'Intro line.\r\n\r\n“First words,” she said.\r\n“Second words.”';
    const { regions } = extractQuotedRegions(text);
    const first = text.indexOf('First');
    const second = text.indexOf('Second');
    assert.deepStrictEqual(regions.map((r) => r.range), [[first, first + 'First words,'.length], [second, second + 'Second words.'.length]]);
    assert.deepStrictEqual(regions.map((r) => r.open), [first - 1, second - 1]);
  });

  it('keeps a quote nested inside another in the outer entry', () => {
    const text = '“He told me ‘never again’ and left,” she said. He said: "They shouted “out” at us."';
    assert.deepStrictEqual(quoted(text), ['He told me ‘never again’ and left,', 'They shouted “out” at us.']);
  });

  it('does not take apostrophes for quote marks', () => {
    const text = "The port’s owners don't agree, said fans of rock 'n' roll from the '90s and the ’80s.";
    assert.deepStrictEqual(quoted(text), []);
    assert.strictEqual(extractQuotedRegions(text).style, 'double');
  });

  it('pairs single quotes where the text uses them as its main style, apostrophes left alone', () => {
    const text = "The minister said the plan was 'a disaster for the town'.\n\n'We won't sign it,' said the ferry's owner. 'Not in the '90s, not now.'";
    const { style } = extractQuotedRegions(text);
    assert.strictEqual(style, 'single');
    assert.deepStrictEqual(quoted(text), ['a disaster for the town', "We won't sign it,", "Not in the '90s, not now."]);
  });

  it('treats single marks inside a double-quoted text as nested, not as the main style', () => {
    const text = '“They called it ‘theft’,” he said. “It was ‘legal’ then.” The ‘saga’ went on.';
    assert.strictEqual(extractQuotedRegions(text).style, 'double');
    assert.deepStrictEqual(quoted(text), ['They called it ‘theft’,', 'It was ‘legal’ then.']);
  });

  it('follows the multi-paragraph convention: one statement, one segment per paragraph', () => {
    const text = [
      'The mayor spoke for an hour.',
      '“We will rebuild the bridge.',
      '“We will rebuild the school.',
      '“And we will do it this year,” she said.',
      '“That is a promise.”',
    ].join('\n\n');
    const { regions } = extractQuotedRegions(text);
    assert.deepStrictEqual(regions.map((r) => text.slice(r.range[0], r.range[1])), [
      'We will rebuild the bridge.', 'We will rebuild the school.', 'And we will do it this year,', 'That is a promise.',
    ]);
    assert.deepStrictEqual(regions.map((r) => r.statement), [0, 0, 0, 1]);
  });

  it('works the same with one paragraph per line and straight marks', () => {
    const text = 'Intro.\n"Part one.\n"Part two," he said.\nMore narration.';
    const { regions } = extractQuotedRegions(text);
    assert.deepStrictEqual(regions.map((r) => [text.slice(r.range[0], r.range[1]), r.statement]), [['Part one.', 0], ['Part two,', 0]]);
  });

  it('bounds an unbalanced mark by its paragraph', () => {
    const text = 'She said it was “a mistake from the start.\n\nThe council met on Monday. It voted “yes” twice.';
    assert.deepStrictEqual(quoted(text), ['a mistake from the start.', 'yes']);
    const { regions } = extractQuotedRegions(text);
    assert.strictEqual(regions[0].close, -1);
    assert.notStrictEqual(regions[0].statement, regions[1].statement);
  });

  it('ignores a stray closing straight mark instead of flipping the rest of the paragraph', () => {
    const text = 'The review covered his systems" including the heart. The only "medical records" were a letter.';
    assert.deepStrictEqual(quoted(text), ['medical records']);
  });

  it('ignores markup attributes and inch marks', () => {
    const text = '<tweet author="someone" id="12">Hello</tweet> He is 6\'3" tall and said "fine".';
    assert.deepStrictEqual(quoted(text), ['fine']);
  });

  it('keeps a transcript speaker label out of the quote and starts a new statement at each label', () => {
    const text = '"HOST: Will you run again?\n\n"SMITH: Not this year.\n\n"Maybe later."';
    const { regions } = extractQuotedRegions(text);
    assert.deepStrictEqual(regions.map((r) => text.slice(r.range[0], r.range[1])), ['Will you run again?', 'Not this year.', 'Maybe later.']);
    assert.deepStrictEqual(regions.map((r) => r.label && text.slice(r.label[0], r.label[1])), ['HOST', 'SMITH', null]);
    assert.deepStrictEqual(regions.map((r) => r.statement), [0, 1, 1]);
  });

  it('starts another turn at a label after a sentence inside one quote, a region from its label on', () => {
    const text = '"HOST: Welcome back. GUEST: Thanks for having me. HOST: Will you run? SEN. JANE DOE: Not this year."';
    const { regions } = extractQuotedRegions(text);
    assert.deepStrictEqual(regions.map((r) => text.slice(r.range[0], r.range[1])), ['Welcome back.', 'Thanks for having me.', 'Will you run?', 'Not this year.']);
    assert.deepStrictEqual(regions.map((r) => r.label && text.slice(r.label[0], r.label[1])), ['HOST', 'GUEST', 'HOST', 'SEN. JANE DOE']);
    assert.deepStrictEqual(regions.map((r) => r.statement), [0, 1, 2, 3]);
    // Each turn's span runs from its opening mark or label to the next label, the last one to the closing mark.
    assert.deepStrictEqual(regions.map((r) => [r.open, r.close, r.closeEnd]), [
      [0, -1, text.indexOf('GUEST')], [text.indexOf('GUEST'), -1, text.lastIndexOf('HOST')], [text.lastIndexOf('HOST'), -1, text.indexOf('SEN.')],
      [text.indexOf('SEN.'), text.length - 1, text.length],
    ]);
  });

  it('reads an apostrophe inside a label as part of the name, never one that ends it (a closing mark)', () => {
    const named = '"O’BRIEN: Not this year."';
    assert.deepStrictEqual(extractQuotedRegions(named).regions.map((r) => r.label && named.slice(r.label[0], r.label[1])), ['O’BRIEN']);
    // Found by the fuzz properties: with `ΣΟΦΙΑ’` as the label the quote was a lone closing mark.
    const closed = '"ΣΟΦΙΑ’: ’';
    assert.deepStrictEqual(extractQuotedRegions(closed).regions.map((r) => [closed.slice(r.range[0], r.range[1]), r.label]), [[closed.slice(1), null]]);
  });

  it('reads no turn in capitals after an abbreviation, a time or a title-case word before a colon', () => {
    for (const text of ['"We met the U.S. ARMY: they were fine."', '"It was 3:30 p.m. and late. Time: unknown."', '"The memo said NOTE: read it."']) {
      assert.deepStrictEqual(extractQuotedRegions(text).regions.map((r) => [text.slice(r.range[0], r.range[1]), r.label]), [[text.slice(1, -1), null]], text);
    }
  });
});

describe('extractQuotedRegions: the archive convention of doubled apostrophes', () => {
  it("reads ''…'' as double quotes, the marks (two characters each) outside the range", () => {
    const text = "''We will win,'' he said. The plan was ''dead on arrival.''";
    const { regions } = extractQuotedRegions(text);
    assert.deepStrictEqual(quoted(text), ['We will win,', 'dead on arrival.']);
    assert.deepStrictEqual(regions.map((r) => [r.open, r.close, r.closeEnd]), [[0, 14, 16], [text.indexOf("''dead"), text.length - 2, text.length]]);
  });

  it("reads ``…'' (TeX-era copy) the same way, and a run of three as a double and a single mark together", () => {
    assert.deepStrictEqual(quoted("``Fine,'' she said."), ['Fine,']);
    // `'''` closes a single quote inside and the double one; at the start it opens both.
    const text = "''He told me, 'Sir, we are done.''' Then: '''Old school,' they call it,'' she said.";
    assert.deepStrictEqual(quoted(text), ["He told me, 'Sir, we are done.'", "'Old school,' they call it,"]);
  });

  it("keeps apostrophes (don't, the '90s, rock 'n' roll) out of it, and follows paragraphs as with other marks", () => {
    const text = "''It isn't over,'' she said of the '90s band.\n\n''We go on.\n\n''And on,'' she added.";
    const { regions } = extractQuotedRegions(text);
    assert.deepStrictEqual(quoted(text), ["It isn't over,", 'We go on.', 'And on,']);
    assert.deepStrictEqual(regions.map((r) => r.statement), [0, 1, 1]);
  });

  it("takes an apostrophe escaped as two between letters (O''Brien, don''t) for no mark, so the quotes after it pair", () => {
    const text = "Mr. O''Brien said ''we are done'' and she said she ''don''t care.''";
    assert.deepStrictEqual(quoted(text), ['we are done', "don''t care."]);
  });
});

describe('extractQuotedRegions: straight and curly alike', () => {
  /** Curly marks to straight ones: the same text in the other typography. */
  const straight = (text: string): string => text.replace(/[“”]/g, '"');

  it('pairs a text and its copy in straight marks the same way, a double quote nested in another included', () => {
    const texts = [
      '"The first time she saw him, she said he was a “rant,” a “problem,” and left.\n\n"Then she came back."',
      '“Yes,” he said, “we will.” And “maybe” later.',
      'She called the plan “abhorrent“ in a tweet.',
      '” … in the case of Wyoming, the train has left,” wrote the magazine.',
    ];
    for (const text of texts) {
      const ranges = (t: string): Array<[number, number]> => extractQuotedRegions(t).regions.map((r) => r.range);
      assert.deepStrictEqual(ranges(straight(text)), ranges(text), text);
    }
  });

  it('reads a mark by its neighbours first: an opening mark glued to a word and before a space closes', () => {
    assert.deepStrictEqual(quoted('Cruz called the KKK “abhorrent“ in a tweet, and “a disgrace.”'), ['abhorrent', 'a disgrace.']);
  });
});
