/**
 * A comparison serialized in pieces, so that the thread that receives it (the extension host) can
 * rebuild it a piece at a time between yields and stay responsive: one parse, or one structured
 * clone, of a large comparison would hold it for a long stretch. Either shape of the model (two
 * documents, or many) is cut along the lists that grow with the texts.
 */
import type { Comparison, ManyComparison } from '../../core/model';

/** How a model is cut: its growing lists by key, and the model with each of them empty. */
interface ListSpec<M> {
  lists(model: M): Array<[key: string, items: readonly unknown[]]>;
  /** The list of `key` in a model being rebuilt, to append to. */
  target(model: M, key: string): unknown[];
  shell(model: M): M;
}

const PAIR_LISTS = {
  passages: (c: Comparison) => c.passages,
  aQuotes: (c: Comparison) => c.a.quotes,
  bQuotes: (c: Comparison) => c.b.quotes,
  aNonSpeech: (c: Comparison) => c.a.nonSpeech,
  bNonSpeech: (c: Comparison) => c.b.nonSpeech,
  speakers: (c: Comparison) => c.speakers,
  quoteMatches: (c: Comparison) => c.quoteMatches,
} as const;

const PAIR: ListSpec<Comparison> = {
  lists: (c) => Object.entries(PAIR_LISTS).map(([key, of]) => [key, of(c)]),
  target: (c, key) => PAIR_LISTS[key as keyof typeof PAIR_LISTS](c) as unknown[],
  shell: (c) => ({
    ...c,
    a: { ...c.a, quotes: [], nonSpeech: [] },
    b: { ...c.b, quotes: [], nonSpeech: [] },
    passages: [],
    speakers: [],
    quoteMatches: [],
  }),
};

/** Many documents: the clusters, the speakers, and each document's quotes (`quotes.3`) and non-speech. */
const MANY: ListSpec<ManyComparison> = {
  lists: (c) => [
    ['passageClusters', c.passageClusters],
    ['quoteClusters', c.quoteClusters],
    ['speakers', c.speakers],
    ...c.documents.flatMap((d): Array<[string, readonly unknown[]]> => [[`quotes.${d.id}`, d.quotes], [`nonSpeech.${d.id}`, d.nonSpeech]]),
  ],
  target: (c, key) => {
    const [list, document] = key.split('.');
    if (document !== undefined) return c.documents[Number(document)][list === 'quotes' ? 'quotes' : 'nonSpeech'] as unknown[];
    return c[list as 'passageClusters' | 'quoteClusters' | 'speakers'] as unknown[];
  },
  shell: (c) => ({
    ...c,
    documents: c.documents.map((d) => ({ ...d, quotes: [], nonSpeech: [] })),
    passageClusters: [],
    quoteClusters: [],
    speakers: [],
  }),
};

export interface ChunkedComparison {
  /** JSON of the comparison with every list empty. */
  shell: string;
  /** JSON arrays of consecutive items of one list, in order. */
  chunks: { list: string; json: string }[];
}

export const DEFAULT_CHUNK_CHARS = 64 * 1024;

function chunkModel<M>(model: M, spec: ListSpec<M>, chunkChars: number): ChunkedComparison {
  const chunks: ChunkedComparison['chunks'] = [];
  for (const [list, items] of spec.lists(model)) {
    let pending: string[] = [];
    let size = 0;
    for (const item of items) {
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
  return { shell: JSON.stringify(spec.shell(model)), chunks };
}

async function joinModel<M>(chunked: ChunkedComparison, spec: ListSpec<M>, pause: () => Promise<void>): Promise<M> {
  const model = JSON.parse(chunked.shell) as M;
  for (const { list, json } of chunked.chunks) {
    await pause();
    const target = spec.target(model, list);
    for (const item of JSON.parse(json) as unknown[]) target.push(item);
  }
  return model;
}

export function chunkComparison(comparison: Comparison, chunkChars = DEFAULT_CHUNK_CHARS): ChunkedComparison {
  return chunkModel(comparison, PAIR, chunkChars);
}

/** Rebuilds the comparison, awaiting `pause` between pieces (the caller decides how to yield). */
export function joinComparison(chunked: ChunkedComparison, pause: () => Promise<void>): Promise<Comparison> {
  return joinModel(chunked, PAIR, pause);
}

export function chunkManyComparison(comparison: ManyComparison, chunkChars = DEFAULT_CHUNK_CHARS): ChunkedComparison {
  return chunkModel(comparison, MANY, chunkChars);
}

export function joinManyComparison(chunked: ChunkedComparison, pause: () => Promise<void>): Promise<ManyComparison> {
  return joinModel(chunked, MANY, pause);
}
