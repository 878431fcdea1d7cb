#!/usr/bin/env node
// Peer: jsdiff (`diff`) diffWords between A and B, the library as a user would reach for it.
// Every common run of at least 8 words is a shared passage, so the peer does the same job as
// `compare-sources passages --json` and prints the same JSON shape.
//
//   node scripts/bench/peers/jsdiff.mjs fileA fileB
import { diffWords } from 'diff';
import { readPair, printPassages } from './io.mjs';

const WORD = /[\p{L}\p{N}]+/gu;
const isSpace = (c) => /\s/.test(c);

// diffWords compares tokens ignoring whitespace, but a change's value carries whitespace from
// either text; so offsets are recovered by walking each text over non-whitespace characters.
function walk(text, position, value) {
  let first = -1;
  for (const c of value) {
    if (isSpace(c)) continue;
    while (position < text.length && isSpace(text[position])) position++;
    if (first < 0) first = position;
    position += c.length;
  }
  return [first, position];
}

const { a, b } = readPair();
const passages = [];
let inA = 0;
let inB = 0;
for (const change of diffWords(a, b)) {
  if (change.added) [, inB] = walk(b, inB, change.value);
  else if (change.removed) [, inA] = walk(a, inA, change.value);
  else {
    const [startA, endA] = walk(a, inA, change.value);
    const [startB, endB] = walk(b, inB, change.value);
    if (startA >= 0 && (change.value.match(WORD) ?? []).length >= 8) passages.push({ a: [startA, endA], b: [startB, endB] });
    inA = endA;
    inB = endB;
  }
}
printPassages(passages);
