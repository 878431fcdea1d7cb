#!/usr/bin/env node
// Peer: diff-match-patch diff_main + diff_cleanupSemantic with the library defaults (a 1 s
// Diff_Timeout, past which diff_main returns a valid but coarse diff). Every equality of at least
// 40 characters is a shared passage.
//
//   node scripts/bench/peers/dmp.mjs fileA fileB
import DiffMatchPatch from 'diff-match-patch';
import { readPair, printPassages } from './io.mjs';

const { a, b } = readPair();
const dmp = new DiffMatchPatch();
const diffs = dmp.diff_main(a, b);
dmp.diff_cleanupSemantic(diffs);
const passages = [];
let inA = 0;
let inB = 0;
for (const [operation, text] of diffs) {
  if (operation === 0 && text.trim().length >= 40) passages.push({ a: [inA, inA + text.length], b: [inB, inB + text.length] });
  if (operation !== 1) inA += text.length;
  if (operation !== -1) inB += text.length;
}
printPassages(passages);
