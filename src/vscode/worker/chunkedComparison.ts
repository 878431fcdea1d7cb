/**
 * A comparison serialized in pieces, so that the thread that receives it (the extension host) can
 * rebuild it a piece at a time between yields and stay responsive: one parse, or one structured
 * clone, of a large comparison would hold it for a long stretch.
 */
import type { Comparison } from '../../core/model';

/** The lists of a comparison that grow with the texts; everything else travels in the shell. */
const LISTS = {
  passages: (c: Comparison) => c.passages,
  aQuotes: (c: Comparison) => c.a.quotes,
  bQuotes: (c: Comparison) => c.b.quotes,
  aNonSpeech: (c: Comparison) => c.a.nonSpeech,
  bNonSpeech: (c: Comparison) => c.b.nonSpeech,
  speakers: (c: Comparison) => c.speakers,
  quoteMatches: (c: Comparison) => c.quoteMatches,
} as const;

type ListKey = keyof typeof LISTS;

export interface ChunkedComparison {
  /** JSON of the comparison with every list empty. */
  shell: string;
  /** JSON arrays of consecutive items of one list, in order. */
  chunks: { list: ListKey; json: string }[];
}

export const DEFAULT_CHUNK_CHARS = 64 * 1024;

export function chunkComparison(comparison: Comparison, chunkChars = DEFAULT_CHUNK_CHARS): ChunkedComparison {
  const chunks: ChunkedComparison['chunks'] = [];
  for (const list of Object.keys(LISTS) as ListKey[]) {
    let pending: string[] = [];
    let size = 0;
    for (const item of LISTS[list](comparison) as readonly unknown[]) {
      const json = JSON.stringify(item);
      if (pending.length > 0 && size + json.length > chunkChars) {
        chunks.push({ list, json: `[${pending.join(',')}]` });
        pending = [];
        size = 0;
      }
      pending.push(json);
      size += json.length + 1;
    }
    if (pending.length > 0) chunks.push({ list, json: `[${pending.join(',')}]` });
  }
  const shell: Comparison = {
    ...comparison,
    a: { ...comparison.a, quotes: [], nonSpeech: [] },
    b: { ...comparison.b, quotes: [], nonSpeech: [] },
    passages: [],
    speakers: [],
    quoteMatches: [],
  };
  return { shell: JSON.stringify(shell), chunks };
}

/** Rebuilds the comparison, awaiting `pause` between pieces (the caller decides how to yield). */
export async function joinComparison(chunked: ChunkedComparison, pause: () => Promise<void>): Promise<Comparison> {
  const comparison = JSON.parse(chunked.shell) as Comparison;
  for (const { list, json } of chunked.chunks) {
    await pause();
    const target = LISTS[list](comparison) as unknown[];
    for (const item of JSON.parse(json) as unknown[]) target.push(item);
  }
  return comparison;
}
