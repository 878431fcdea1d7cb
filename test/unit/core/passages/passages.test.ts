import * as assert from 'assert';
import fc from 'fast-check';
import { DEFAULT_COMPARE_OPTIONS, type SharedPassage } from '../../../../src/core/model';
import { findSharedPassages } from '../../../../src/core/passages/passages';
import { tokenize, wordsOf } from '../../../../src/core/text/tokenize';
import { smallVocabularyText } from '../../fuzz/hostileText';

function passages(a: string, b: string, minWords = DEFAULT_COMPARE_OPTIONS.minWords): SharedPassage[] {
  return findSharedPassages(tokenize(a), tokenize(b), { minWords }).passages;
}

/** [start, end) of `phrase` in `text` (its `nth` occurrence); fails the test when absent. */
function find(text: string, phrase: string, nth = 0): [number, number] {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(phrase, at + 1);
  assert.ok(at >= 0, `"${phrase}" not in text`);
  return [at, at + phrase.length];
}

const HARBOUR = 'The harbour authority said on Tuesday that the northern pier would stay closed for at least three more weeks.';
const FERRY = 'Ferry operators have been told to use the southern terminal, which can handle only half of the usual traffic.';
const MAYOR = 'The mayor described the repairs as “long overdue” and promised that residents would be consulted on the design.';
const FILLER_A = 'Weather forecasters expect calmer seas by the weekend, although gusts could return early next month.';
const FILLER_B = 'Local shops near the waterfront reported a sharp fall in visitors over the holiday period.';
const FILLER_C = 'A spokeswoman for the fishing cooperative declined to comment on the likely cost to its members.';
const DIVERS = 'Divers who inspected the pilings found cracks in nine of them, two more than the survey had predicted.';

describe('findSharedPassages', () => {
  it('finds paragraphs that moved, each with its exact range in both texts', () => {
    const a = [HARBOUR, FERRY, FILLER_A, MAYOR].join('\n\n');
    const b = [FILLER_B, MAYOR, FILLER_C, HARBOUR].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b, p.identical]), [
      [find(a, HARBOUR), find(b, HARBOUR), true],
      [find(a, MAYOR), find(b, MAYOR), true],
    ]);
    assert.deepStrictEqual(found.map((p) => p.id), [0, 1]);
    assert.strictEqual(found[0].words.a, 19);
    assert.deepStrictEqual(found[0].differences, []);
  });

  it('ignores reflow, CRLF, double spaces and quote styles', () => {
    const a = `${FILLER_A}\n\n${MAYOR}\n\n${FILLER_B}`;
    const reflowed = MAYOR.replace('“long overdue”', '"long overdue"').replace(' repairs as ', ' repairs\r\nas  ').replace(' residents ', '\r\nresidents ');
    const b = `${FILLER_C}\r\n\r\n${reflowed}\r\n\r\nSomething else entirely happened today.`;
    const found = passages(a, b);
    assert.strictEqual(found.length, 1);
    assert.deepStrictEqual(found[0].a, find(a, MAYOR));
    assert.deepStrictEqual(found[0].b, find(b, reflowed));
    assert.strictEqual(found[0].identical, true);
  });

  it('reports a dropped word as one edited passage with that difference', () => {
    const a = `${FILLER_A} ${HARBOUR} ${FILLER_B}`;
    const edited = HARBOUR.replace('for at least three', 'for three');
    const b = `${FILLER_C} ${edited}`;
    const [p, ...rest] = passages(a, b);
    assert.strictEqual(rest.length, 0);
    assert.strictEqual(p.identical, false);
    assert.deepStrictEqual(p.a, find(a, HARBOUR));
    assert.deepStrictEqual(p.b, find(b, edited));
    const [at, least] = [find(a, 'at least'), find(b, 'for three')];
    // B has nothing where A has "at least": an empty range right after "for".
    assert.deepStrictEqual(p.differences, [{ a: at, b: [least[0] + 3, least[0] + 3] }]);
    assert.deepStrictEqual(p.words, { a: 19, b: 17 });
  });

  it('reports an inserted word and a changed number in one passage', () => {
    const a = `${FILLER_A}\n\n${HARBOUR}\n\n${FILLER_B}`;
    const edited = HARBOUR.replace('would stay', 'would now stay').replace('three', 'four');
    const b = `${FILLER_C}\n\n${edited}`;
    const found = passages(a, b);
    assert.strictEqual(found.length, 1);
    const [p] = found;
    assert.strictEqual(p.identical, false);
    assert.deepStrictEqual(p.b, find(b, edited));
    const now = find(b, 'now');
    const wouldEnd = find(a, 'would stay')[0] + 'would'.length;
    assert.deepStrictEqual(p.differences, [
      { a: [wouldEnd, wouldEnd], b: now },
      { a: find(a, 'three'), b: find(b, 'four') },
    ]);
  });

  it('keeps a passage whole when the edit sits near its end or its start', () => {
    const a = `${FILLER_A}\n\n${FERRY}\n\n${FILLER_B}`;
    const edited = FERRY.replace('have been told', 'have told').replace('usual traffic', 'normal traffic');
    const b = `${FILLER_C}\n\n${edited}`;
    const [p, ...rest] = passages(a, b);
    assert.strictEqual(rest.length, 0);
    assert.deepStrictEqual(p.b, find(b, edited));
    assert.deepStrictEqual(p.a, find(a, FERRY));
    assert.deepStrictEqual(p.differences.map((d) => d.a), [find(a, 'been'), find(a, 'usual')]);
  });

  it('starts a passage at its first shared word when the other side dropped the one before', () => {
    const a = `${FILLER_A}\n\n${FERRY}`;
    const edited = FERRY.replace('Ferry operators', 'Operators');
    const [p] = passages(a, edited);
    assert.deepStrictEqual(p.a, [find(a, 'operators')[0], a.length]);
    assert.deepStrictEqual(p.b, [0, edited.length]);
    assert.strictEqual(p.identical, true);
  });

  it('gives an edited reprint one passage per region it kept, not one per edit', () => {
    const paragraphs = [HARBOUR, FERRY, FILLER_A, MAYOR, FILLER_C];
    const a = paragraphs.join('\n\n');
    const keptStart = [HARBOUR.replace('on Tuesday', 'late on Tuesday'), FERRY.replace('have been', 'were')].join('\n\n');
    const keptEnd = [MAYOR.replace('and promised', 'and also promised'), FILLER_C].join('\n\n');
    const b = [keptStart, 'An added paragraph that the first article never printed anywhere at all.', keptEnd].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [
      [[0, find(a, FERRY)[1]], find(b, keptStart)],
      [[find(a, MAYOR)[0], a.length], find(b, keptEnd)],
    ]);
    assert.deepStrictEqual(found.map((p) => p.differences.length), [2, 1]);
  });

  it('follows a paragraph that lost a sentence from its middle: one passage, the sentence one deletion', () => {
    const dropped = 'Divers who inspected the pilings found cracks in nine of them, two more than the survey had predicted.';
    const a = [FILLER_A, `${HARBOUR} ${dropped} ${FERRY}`, FILLER_B].join('\n\n');
    const edited = `${HARBOUR.replace('would stay', 'will stay')} ${FERRY}`;
    const b = [FILLER_C, edited, MAYOR].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [[[find(a, HARBOUR)[0], find(a, FERRY)[1]], find(b, edited)]]);
    const differences = found[0].differences.map((d) => [a.slice(...d.a), b.slice(...d.b)]);
    assert.deepStrictEqual(differences, [['would', 'will'], [dropped.slice(0, -1), '']]);
  });

  it('follows a sentence that only the second text has, inside a reprinted paragraph, and its short last sentence', () => {
    const added = 'Engineers from the ministry will visit the site again next week to decide on the next steps.';
    const a = [FILLER_A, `${HARBOUR} ${FERRY} It may take longer.`].join('\n\n');
    const kept = `${HARBOUR} ${FERRY} ${added} It may take longer.`;
    const b = [kept, FILLER_C].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [[find(a, `${HARBOUR} ${FERRY} It may take longer.`), find(b, kept)]]);
    assert.deepStrictEqual(found[0].differences.map((d) => [a.slice(...d.a), b.slice(...d.b)]), [['', added.slice(0, -1)]]);
  });

  it('finds the dropped sentence where it starts, though the word before it and the one after it are alike', () => {
    // "weeks. The" is an exact match in both texts: the sentence dropped starts at "The", not after
    // it, and the short sentence after it is in the passage.
    const dropped = 'The divers found cracks in nine of the pilings.';
    const next = 'The pier stays shut.';
    const a = `${HARBOUR} ${dropped} ${next}`;
    const b = `${HARBOUR} ${next}`;
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [[[0, a.length], [0, b.length]]]);
    assert.deepStrictEqual(found[0].differences.map((d) => [a.slice(...d.a), b.slice(...d.b)]), [[dropped.slice(0, -1), '']]);
  });

  it('keeps a reprinted paragraph whole across a cluster of edits, when the words around it are shared', () => {
    // Four changes in ten words leave no exact run of four words: too long a gap for chaining alone.
    const ferry = FERRY.replace('Ferry operators have been told to use the', 'Boat companies have now been asked to use the town’s');
    const a = [FILLER_A, `${HARBOUR} ${FERRY} ${MAYOR}`].join('\n\n');
    const b = [`${HARBOUR} ${ferry} ${MAYOR}`, FILLER_B].join('\n\n');
    assert.deepStrictEqual(passages(a, b).map((p) => [p.a, p.b]), [[find(a, `${HARBOUR} ${FERRY} ${MAYOR}`), find(b, `${HARBOUR} ${ferry} ${MAYOR}`)]]);
    // The same cluster between two short shared stretches is not enough to call them one passage.
    const shortA = 'The pier will stay closed for weeks. Ferry operators have been told to use the southern terminal, which can handle half the traffic.';
    const shortB = 'The pier will stay closed for weeks. Boat companies have now been asked to use the town’s southern terminal, which can handle half the traffic.';
    assert.strictEqual(passages(shortA, shortB).length, 2);
  });

  it('keeps a copied paragraph whole across words dropped near its end, up to the end of its last sentence', () => {
    // Four words dropped in six leave a short last run ("the storm damage had been assessed"): too
    // few words after the gap to be dense over twice its length, but all of them up to the sentence's end.
    const sentence = 'The council said the harbour board gave them an extra month after the storm damage had been assessed.';
    const edited = `${HARBOUR} ${sentence.replace('gave them an extra month after', 'an extra')}`;
    const a = [FILLER_A, `${HARBOUR} ${sentence}`, FILLER_B].join('\n\n');
    const b = [FILLER_C, edited, FERRY].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [[find(a, `${HARBOUR} ${sentence}`), find(b, edited)]]);
    assert.deepStrictEqual(found[0].differences.map((d) => [a.slice(...d.a), b.slice(...d.b)]), [['gave them', ''], ['month after', '']]);
  });

  it('finds a copied sentence with three edits in sixteen words, its last ones past the reach of one step', () => {
    // One exact run of four words or more ("plan to rebuild the pier"); after it, runs of three
    // between insertions, to the sentence's end nine words off in B.
    const copied = 'The authority has a new plan to rebuild the pier for the ferries at the terminal.';
    const edited = 'The authority has plan to rebuild the pier just now for the ferries reportedly at the terminal.';
    const a = [FILLER_A, copied, FILLER_B].join('\n\n');
    const b = [FILLER_C, edited, MAYOR].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [[find(a, copied), find(b, edited)]]);
    assert.deepStrictEqual(found[0].differences.map((d) => [a.slice(...d.a), b.slice(...d.b)]), [['a new', ''], ['', 'just now'], ['', 'reportedly']]);
    // The rest of a sentence that says something else is not taken in.
    const other = 'The authority has plan to rebuild the pier once the storms of the winter are over.';
    assert.deepStrictEqual(passages(a, [FILLER_C, other, MAYOR].join('\n\n')), []);
  });

  it('does not join two passages across a whole paragraph that only one text has (a blank line or a line of its own)', () => {
    for (const [a, b] of [
      [[HARBOUR, FILLER_A, FERRY].join('\n\n'), [HARBOUR, FERRY].join('\n\n')],
      // A paragraph per line, as many sites' text copies have it.
      [[HARBOUR, FERRY].join('\n'), [HARBOUR, FILLER_A, FERRY].join('\n')],
    ]) {
      assert.deepStrictEqual(passages(a, b).map((p) => [p.a, p.b]), [[find(a, HARBOUR), find(b, HARBOUR)], [find(a, FERRY), find(b, FERRY)]]);
    }
  });

  it('reads an edited reprint as one passage across a dropped sentence beside a rewritten one, the sentence one deletion', () => {
    // The sentence after the dropped one is rewritten at its start: no exact words on either side
    // of the gap to jump from, so only knowing that the whole article is a copy joins the two pieces.
    const a = [HARBOUR, `${FERRY} ${DIVERS} ${MAYOR}`, FILLER_C].join('\n\n');
    const b = [HARBOUR, `${FERRY.replace('of the usual traffic', 'the traffic')} ${MAYOR.replace('The mayor described', 'Mayor Ann Holt called')}`, FILLER_C].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [[[0, a.length], [0, b.length]]]);
    const differences = found[0].differences.map((d) => [a.slice(...d.a), b.slice(...d.b)]);
    assert.ok(differences.some(([fromA, fromB]) => fromA === DIVERS.slice(0, -1) && fromB === ''), JSON.stringify(differences));
  });

  it('reads a reprint as one passage where a phrase of a dropped sentence matched the sentence after it', () => {
    // "half of the usual traffic" stands in three sentences of A: B's copy of the third matches the
    // second too, which cuts the reprint in three and leaves a stray passage inside the dropped sentence.
    const reminder = 'The council reminded the operators they would have to carry half of the usual traffic to keep their licence.';
    const answer = 'The operators answered that if they had to carry half of the usual traffic they would simply run more boats at night.';
    const a = [HARBOUR, `${FERRY} ${reminder} ${answer}`, MAYOR, FILLER_C].join('\n\n');
    const b = [HARBOUR, `${FERRY} ${answer.replace('The operators answered that if', 'If')}`, MAYOR, FILLER_C].join('\n\n');
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => [p.a, p.b]), [[[0, a.length], [0, b.length]]]);
    assert.deepStrictEqual(found[0].differences.map((d) => [a.slice(...d.a), b.slice(...d.b)]), [[reminder.slice(0, -1), ''], ['The operators answered that', '']]);
  });

  it('keeps a reprint in two passages where one text left out, added or replaced a whole paragraph', () => {
    const article = [HARBOUR, `${FERRY} ${DIVERS}`, FILLER_A, `${MAYOR} ${FILLER_B}`, FILLER_C];
    const a = article.join('\n\n');
    const edited = (paragraphs: string[]): string => paragraphs.map((p) => p.replace('would stay', 'will stay').replace('and promised', 'and also promised')).join('\n\n');
    const left = edited(article.filter((p) => p !== FILLER_A));
    const replaced = edited(article.map((p) => (p === FILLER_A ? 'An added paragraph that the first article never printed anywhere at all.' : p)));
    for (const b of [left, replaced]) {
      const found = passages(a, b);
      assert.deepStrictEqual(found.map((p) => p.a), [[0, find(a, DIVERS)[1]], [find(a, MAYOR)[0], a.length]]);
      assert.deepStrictEqual(found.map((p) => p.b[0]), [0, find(b, 'The mayor')[0]]);
    }
  });

  it('does not join the sentences two articles share across sentences each has of its own', () => {
    const a = [`${HARBOUR} ${FILLER_A}`, `${FERRY} ${FILLER_B}`, MAYOR].join('\n\n');
    const b = [`${HARBOUR} ${FILLER_C}`, `${FERRY} ${DIVERS}`, MAYOR].join('\n\n');
    assert.deepStrictEqual(passages(a, b).map((p) => p.a), [find(a, HARBOUR), find(a, FERRY), find(a, MAYOR)]);
  });

  it('does not join a shared sentence to a different one that opens with the same phrase, across a sentence of one text', () => {
    // B's next sentence shares a phrase with the sentence after A's extra one, then says something else.
    const a = `${HARBOUR} ${FILLER_A} The port authority said on Tuesday that the fees would rise in spring.`;
    const b = `${HARBOUR} The port authority said on Tuesday that nobody had been hurt in the collapse.`;
    const found = passages(a, b);
    assert.deepStrictEqual([found[0].a, found[0].b], [find(a, HARBOUR), find(b, HARBOUR)]);
    const [extraStart, extraEnd] = find(a, FILLER_A);
    assert.ok(found.length > 1 && found.every((p) => p.a[1] <= extraStart || p.a[0] >= extraEnd), JSON.stringify(found.map((p) => p.a)));
  });

  it('does not carry a passage into the first word of the next sentence', () => {
    const a = `${HARBOUR} The ferries will keep running.`;
    const b = `${HARBOUR} The council has other plans.`;
    const [p] = passages(a, b);
    assert.deepStrictEqual(p.a, find(a, HARBOUR));
    assert.deepStrictEqual(p.b, find(b, HARBOUR));
  });

  it('takes in a stand-alone ellipsis only where both texts have it', () => {
    const quote = 'the plan was never about money, it was about the people who live here';
    const a = `She said: “… ${quote} …” and left.`;
    const b = `He quoted her: "... ${quote} ..."\n\nOthers disagreed. … ${FILLER_B}`;
    const [p] = passages(a, b);
    assert.deepStrictEqual(p.a, find(a, `“… ${quote} …”`));
    assert.deepStrictEqual(p.b, find(b, `"... ${quote} ..."`));
    const c = `Something else happened first. ${FILLER_B}`;
    assert.deepStrictEqual(passages(c, b)[0].b, find(b, FILLER_B));
  });

  it('never splits an emoji at its edges, even beside an ellipsis run that starts with emoji', () => {
    const quote = 'the plan was never about money, it was about the people who live here';
    for (let pad = 0; pad < 2; pad++) {
      const a = `${'x'.repeat(pad)}${'😀'.repeat(12)}…  ${quote}  …${'😀'.repeat(12)}`;
      const b = `Before. ${'😀'.repeat(6)}… ${quote} …${'😀'.repeat(5)}`;
      const [p] = passages(a, b);
      for (const [text, range] of [[a, p.a], [b, p.b]] as const) {
        for (const offset of range) {
          const low = text.charCodeAt(offset);
          assert.ok(!(low >= 0xdc00 && low <= 0xdfff), `offset ${offset} splits a surrogate pair (pad ${pad})`);
        }
      }
      // The emoji runs differ, so neither side takes them in; the quoted words are the passage.
      assert.deepStrictEqual([a.slice(p.a[0], p.a[1]), b.slice(p.b[0], p.b[1])], [quote, quote]);
    }
  });

  it('takes in only the punctuation both texts have at its edges, quote marks and dashes alike in any style', () => {
    const a = `Earlier: (${HARBOUR}) 👍 ${FILLER_A} “${FERRY.slice(0, -1)}.”`;
    const b = `Later: ${HARBOUR} ${FILLER_B} "${FERRY.slice(0, -1)}."`;
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => a.slice(p.a[0], p.a[1])), [HARBOUR, `“${FERRY.slice(0, -1)}.”`]);
    assert.deepStrictEqual(found.map((p) => b.slice(p.b[0], p.b[1])), [HARBOUR, `"${FERRY.slice(0, -1)}."`]);
  });

  it('says when a work budget cut the search short, and only then', function () {
    this.timeout(20000); // a hang guard, not a speed assertion
    // Texts over six words: every 4-word run recurs, and matching every occurrence would take the
    // work up with the square of the text (the budgets are in docs/robustness.md).
    const small = findSharedPassages(tokenize(smallVocabularyText(6, 10000, 1)), tokenize(smallVocabularyText(6, 10000, 2)), { minWords: 6 });
    assert.strictEqual(small.truncated, true);
    assert.ok(small.passages.length > 0, 'what was found within the budget is still reported');
    const a = [HARBOUR, FERRY, FILLER_A, MAYOR].join('\n\n');
    const b = [FILLER_B, MAYOR, FILLER_C, HARBOUR].join('\n\n');
    assert.strictEqual(findSharedPassages(tokenize(a), tokenize(b), { minWords: 6 }).truncated, false);
  });

  it('reports nothing under minWords, and honours a lower minWords', () => {
    const a = 'Yesterday the northern pier was closed again, officials said.';
    const b = 'Engineers found that the northern pier was closed for good.';
    assert.deepStrictEqual(passages(a, b), []);
    const [p] = passages(a, b, 5);
    assert.deepStrictEqual(p.a, find(a, 'the northern pier was closed'));
  });

  it('finds nothing between unrelated texts that share common phrases', () => {
    const a = 'According to the police, one of the most important roads in the city was closed on Monday. It is not clear why.';
    const b = 'According to the report, one of the most popular parks in the country was busy on Monday. It is clear that people like it.';
    assert.deepStrictEqual(passages(a, b), []);
    assert.deepStrictEqual(passages('', b), []);
    assert.deepStrictEqual(passages(a, ''), []);
  });

  it('does not call two different sentences around one shared phrase an edited passage', () => {
    const a = 'He was shot and killed by a local police officer, the family said.';
    const b = 'The man had been shot and killed by a traffic police officer near the bridge.';
    assert.deepStrictEqual(passages(a, b), []);
  });

  it('finds a sentence each time B repeats it, and a repeated phrase only once per pairing', () => {
    const a = `${HARBOUR}\n\n${FILLER_A}`;
    const b = `${HARBOUR}\n\n${FILLER_B}\n\n${HARBOUR}`;
    const found = passages(a, b);
    assert.deepStrictEqual(found.map((p) => p.b), [find(b, HARBOUR, 0), find(b, HARBOUR, 1)]);
  });

  // Speed on these shapes is measured by `npm run bench` (pathological inputs); here only what they return.
  it('returns the right passages on repetitive and degenerate input', function () {
    this.timeout(60000); // a hang guard, not a speed assertion
    const sentence = 'The same sentence is printed again and again in this text. ';
    const repeated = sentence.repeat(50000);
    // Every seed is far too frequent to pair with every other; paired in order they still find the copy.
    assert.deepStrictEqual(passages(repeated, repeated).map((p) => [p.a, p.b]), [[[0, repeated.length - 1], [0, repeated.length - 1]]]);
    const withHarbour = `${HARBOUR} ${sentence.repeat(1000)}`;
    for (const passage of passages(repeated, withHarbour)) {
      assert.ok(passage.a[1] <= repeated.length && passage.b[1] <= withHarbour.length);
    }

    const longWord = 'x'.repeat(10000);
    assert.deepStrictEqual(passages(longWord, longWord), []);
    const oneLine = Array.from({ length: 20000 }, (_, k) => `word${k % 997}`).join(' ');
    const tail = oneLine.slice(oneLine.indexOf(' ', 5000) + 1);
    const found = passages(oneLine, tail);
    assert.ok(found.length > 0, 'the copied tail of one long line is found');
    assert.ok(found.every((p) => oneLine.slice(p.a[0], p.a[1]) === tail.slice(p.b[0], p.b[1])), 'identical copies map to identical text');
  });

  it('finds a passage that repeats inside a long repetitive text', () => {
    const noise = 'Nothing new happened in the town today. '.repeat(2000);
    const a = `${noise}${HARBOUR} ${noise}`;
    const b = `${FILLER_B} ${HARBOUR}`;
    const [p] = passages(a, b);
    assert.deepStrictEqual(p.a, find(a, HARBOUR));
  });
});

describe('findSharedPassages invariants (property)', () => {
  const SENTENCES = [HARBOUR, FERRY, MAYOR, FILLER_A, FILLER_B, FILLER_C, 'It rained.', '“No,” he said.'];
  const EDITS = [
    (s: string) => s,
    (s: string) => s.replace(/\b(the|a|for)\b /, ''),
    (s: string) => s.replace(' said ', ' now said '),
    (s: string) => s.replace(/three|half|calmer/, 'several'),
    (s: string) => s.replace(/ /g, '\r\n').replace(/[“”]/g, '"'),
  ];
  const text = fc.array(fc.tuple(fc.nat(SENTENCES.length - 1), fc.nat(EDITS.length - 1), fc.constantFrom(' ', '\n\n', '\r\n')), { maxLength: 8 })
    .map((parts) => parts.map(([s, e, sep]) => EDITS[e](SENTENCES[s]) + sep).join(''));

  it('gives valid, ordered ranges; differences inside their passage; identical exactly when the words match', () => {
    fc.assert(fc.property(text, text, fc.integer({ min: 3, max: 10 }), (a, b, minWords) => {
      const ta = tokenize(a);
      const tb = tokenize(b);
      const found = findSharedPassages(ta, tb, { minWords }).passages;
      found.forEach((p, k) => {
        assert.strictEqual(p.id, k);
        if (k > 0) assert.ok(found[k - 1].a[0] <= p.a[0]);
        for (const [range, source] of [[p.a, a], [p.b, b]] as const) {
          assert.ok(0 <= range[0] && range[0] < range[1] && range[1] <= source.length);
        }
        assert.ok(Math.min(p.words.a, p.words.b) >= minWords);
        let previous = p.differences[0]?.a[0] ?? 0;
        for (const d of p.differences) {
          assert.ok(p.a[0] <= d.a[0] && d.a[0] <= d.a[1] && d.a[1] <= p.a[1]);
          assert.ok(p.b[0] <= d.b[0] && d.b[0] <= d.b[1] && d.b[1] <= p.b[1]);
          assert.ok(d.a[0] >= previous);
          previous = d.a[1];
        }
        const wordsIn = (tokens: typeof ta, [start, end]: readonly [number, number]) =>
          wordsOf(tokens).filter((_, t) => tokens.start[t] >= start && tokens.end[t] <= end);
        assert.strictEqual(p.identical, p.differences.length === 0);
        if (p.identical) assert.deepStrictEqual(wordsIn(ta, p.a), wordsIn(tb, p.b));
        else assert.notDeepStrictEqual(wordsIn(ta, p.a), wordsIn(tb, p.b));
      });
    }), { numRuns: 300 });
  });

  it('finds a text in itself as one identical passage', () => {
    fc.assert(fc.property(text, (a) => {
      const tokens = tokenize(a);
      const found = findSharedPassages(tokens, tokens, { minWords: 6 }).passages;
      if (tokens.count < 6) return;
      assert.ok(found.length >= 1);
      const whole = found.find((p) => p.a[0] === p.b[0] && p.a[1] === p.b[1]);
      assert.ok(whole && whole.identical);
      assert.strictEqual(whole.words.a, tokens.count);
    }), { numRuns: 200 });
  });
});
