/**
 * Exact word matches between every pair of many texts, from one index of all their seeds.
 *
 * Comparing N texts pair by pair would hash and index each text N - 1 times. Here every k-gram of
 * every text is hashed once into one table, whose entries list each k-gram's occurrences grouped
 * by text; a seed hit between two texts exists only where a k-gram occurs in both, so walking the
 * texts once and each shared k-gram's groups costs the total text plus the hits, and texts that
 * share nothing cost nothing more. For each pair the matches are exactly what `findExactMatches`
 * gives for those two texts (same seeds, same frequency rule, same budgets, same order), so
 * everything after the seeds (chaining, extension, sentence trimming) runs unchanged. Each pair has
 * the budgets a comparison of those two texts has, so the work of all pairs together is bounded by
 * the total text times the number of other texts (at most 19).
 */
import { addPairs, capWithin, findExactMatches, GramTable, gramHashes, MatchGrower, type MatchList, type SeedOptions } from './seeds';

/** The exact matches of texts `x < y` (x as A, y as B), and whether a budget of the pair cut them short. */
export interface PairMatches {
  x: number;
  y: number;
  matches: MatchList;
  truncated: boolean;
}

/** Every k-gram's occurrences, grouped by text: the one index over all texts. */
interface GramGroups {
  /** For each text, the slot of each of its k-grams (as in `texts[d]`'s gram order). */
  slotsOf: Int32Array[];
  /** For each text, the index in `entries` of each of its k-grams. */
  entryOf: Int32Array[];
  /** Slot → its first group; its groups are `firstGroup[slot] … firstGroup[slot + 1] - 1`. */
  firstGroup: Int32Array;
  /** Group → its text, first entry and number of entries. */
  groupText: Int32Array;
  groupFrom: Int32Array;
  groupCount: Int32Array;
  /** The occurrences, by slot then text then position: positions local to their text. */
  entries: Int32Array;
}

function indexAll(texts: readonly Int32Array[], k: number): GramGroups {
  const hashes = texts.map((ids) => gramHashes(ids, k));
  const total = hashes.reduce((sum, h) => sum + h.length, 0);
  const table = new GramTable(total);
  // Slots numbered densely in order of first appearance, so that per-slot arrays are as long as the distinct k-grams.
  const denseOf = new Int32Array(table.head.length).fill(-1);
  let slots = 0;
  const slotsOf = hashes.map((h) => {
    const out = new Int32Array(h.length);
    for (let p = 0; p < h.length; p++) {
      const slot = table.slot(h[p], true);
      if (denseOf[slot] === -1) denseOf[slot] = slots++;
      out[p] = denseOf[slot];
    }
    return out;
  });
  // Counting sort of the occurrences by slot; within a slot they stay in text order, then position order.
  const start = new Int32Array(slots + 1);
  for (const s of slotsOf) for (let p = 0; p < s.length; p++) start[s[p] + 1]++;
  for (let slot = 0; slot < slots; slot++) start[slot + 1] += start[slot];
  const fill = start.slice(0, slots);
  const entries = new Int32Array(total);
  const entryOf = slotsOf.map((s) => {
    const out = new Int32Array(s.length);
    for (let p = 0; p < s.length; p++) {
      const at = fill[s[p]]++;
      entries[at] = p;
      out[p] = at;
    }
    return out;
  });
  // Groups: runs of one text within a slot's entries.
  const lastText = new Int32Array(slots).fill(-1);
  const groupsOfSlot = new Int32Array(slots + 1);
  slotsOf.forEach((s, text) => {
    for (let p = 0; p < s.length; p++) {
      if (lastText[s[p]] !== text) {
        lastText[s[p]] = text;
        groupsOfSlot[s[p] + 1]++;
      }
    }
  });
  for (let slot = 0; slot < slots; slot++) groupsOfSlot[slot + 1] += groupsOfSlot[slot];
  const groups = groupsOfSlot[slots];
  const groupText = new Int32Array(groups);
  const groupFrom = new Int32Array(groups);
  const groupCount = new Int32Array(groups);
  const nextGroup = groupsOfSlot.slice(0, slots);
  lastText.fill(-1);
  slotsOf.forEach((s, text) => {
    for (let p = 0; p < s.length; p++) {
      const slot = s[p];
      if (lastText[slot] !== text) {
        lastText[slot] = text;
        const group = nextGroup[slot]++;
        groupText[group] = text;
        groupFrom[group] = entryOf[text][p];
      }
      groupCount[nextGroup[slot] - 1]++;
    }
  });
  return { slotsOf, entryOf, firstGroup: groupsOfSlot, groupText, groupFrom, groupCount, entries };
}

/**
 * The occurrence cap of each pair `x < y` (at `x * texts + y`), as `findExactMatches` sets it for
 * those two texts: the k-grams both hold, summed per larger count. Each k-gram is looked at once
 * per pair of texts holding it.
 */
function occurrenceCaps(index: GramGroups, texts: number, optionsOf: (x: number, y: number) => SeedOptions): { cap: Int32Array; cut: Uint8Array } {
  const { firstGroup, groupText, groupCount } = index;
  const pairsAt: Array<Float64Array | undefined> = [];
  const slots = firstGroup.length - 1;
  for (let slot = 0; slot < slots; slot++) {
    for (let g = firstGroup[slot]; g < firstGroup[slot + 1]; g++) {
      for (let h = g + 1; h < firstGroup[slot + 1]; h++) {
        const pair = groupText[g] * texts + groupText[h];
        const counts = (pairsAt[pair] ??= new Float64Array(optionsOf(groupText[g], groupText[h]).maxOccurrences + 1));
        addPairs(counts, groupCount[g], groupCount[h]);
      }
    }
  }
  const cap = new Int32Array(texts * texts);
  const cut = new Uint8Array(texts * texts);
  pairsAt.forEach((counts, pair) => {
    if (counts === undefined) return;
    const found = capWithin(counts, optionsOf(Math.floor(pair / texts), pair % texts).maxPairs);
    cap[pair] = found.cap;
    cut[pair] = found.cut ? 1 : 0;
  });
  return { cap, cut };
}

/**
 * The exact matches of every pair of texts that shares a seed, pairs in order (x ascending, then
 * y), each pair's matches sorted by `j` then `i` and its `truncated` as `findExactMatches(texts[x],
 * texts[y], optionsOf(x, y))` gives them. `k` must be the same for every pair.
 */
export function findExactMatchesOfMany(texts: readonly Int32Array[], optionsOf: (x: number, y: number) => SeedOptions): PairMatches[] {
  if (texts.length < 2) return [];
  const { k } = optionsOf(0, 1);
  const index = indexAll(texts, k);
  const { slotsOf, entryOf, firstGroup, groupText, groupFrom, groupCount, entries } = index;
  const caps = occurrenceCaps(index, texts.length, optionsOf);
  const longest = texts.reduce((most, ids) => Math.max(most, ids.length), 0);
  // Per text x, how far each diagonal is covered in the text y being walked (see findExactMatches),
  // indexed by `i - j + longest`: one array per x, reset where touched after each y.
  const coveredUntil = texts.map((ids) => new Int32Array(ids.length + longest + 1).fill(-1));
  const touched: number[][] = texts.map(() => []);
  const pairs: PairMatches[] = [];
  for (let y = 0; y < texts.length; y++) {
    const b = texts[y];
    const slots = slotsOf[y];
    const current: Array<MatchGrower | undefined> = [];
    for (let j = 0; j < slots.length; j++) {
      const slot = slots[j];
      const last = firstGroup[slot + 1];
      // The group of text y comes after those of the texts before it; a k-gram only y has is skipped at once.
      if (groupText[firstGroup[slot]] === y) continue;
      let own = firstGroup[slot];
      while (groupText[own] !== y) own++;
      const countY = groupCount[own];
      const rank = entryOf[y][j] - groupFrom[own];
      for (let group = firstGroup[slot]; group < last; group++) {
        const x = groupText[group];
        if (x >= y) break;
        const grower = (current[x] ??= new MatchGrower(texts[x], b, k, coveredUntil[x], optionsOf(x, y)));
        // A pair whose budget ran out grows nothing more (findExactMatches stops there).
        if (grower.truncated) continue;
        const cap = caps.cap[x * texts.length + y];
        const covered = coveredUntil[x];
        const countX = groupCount[group];
        if (countX > cap || countY > cap) {
          // Paired in order, first with first (see findExactMatches).
          if (rank < countX) {
            const i = entries[groupFrom[group] + rank];
            if (covered[i - j + longest] === -1) touched[x].push(i - j + longest);
            grower.grow(i, j, i - j + longest);
          }
          continue;
        }
        for (let e = groupFrom[group]; e < groupFrom[group] + countX; e++) {
          const i = entries[e];
          if (covered[i - j + longest] === -1) touched[x].push(i - j + longest);
          grower.grow(i, j, i - j + longest);
        }
      }
    }
    for (let x = 0; x < y; x++) {
      for (const diagonal of touched[x]) coveredUntil[x][diagonal] = -1;
      touched[x].length = 0;
      const grower = current[x];
      if (grower === undefined) continue;
      const pair = x * texts.length + y;
      const options = optionsOf(x, y);
      // Too many matches: findExactMatches lowers the cap and pairs again, and so does this pair, alone.
      const found = grower.matches.count > options.maxMatches && caps.cap[pair] > 1
        ? findExactMatches(texts[x], b, options)
        : { matches: grower.matches.sortedByBThenA(texts[x].length, b.length), truncated: caps.cut[pair] === 1 || grower.truncated };
      if (found.matches.count > 0 || found.truncated) pairs.push({ x, y, ...found });
    }
  }
  pairs.sort((p, q) => p.x - q.x || p.y - q.y);
  return pairs;
}
