// Runs the core comparison (two documents, or many) on a worker thread so that a large comparison
// never holds the extension host's thread. Cancellation is done by the host terminating this thread,
// because a comparison is one synchronous call with nothing to poll. A document read as a web page
// or Markdown is read here too (its reader loaded on first use), off the host's thread.
import { parentPort } from 'node:worker_threads';
import { compareDocuments, type SourceText } from '../../core/compare';
import { compareManyDocuments } from '../../core/compareMany';
import type { Article } from '../../core/formats/article';
import { loadArticleReader } from '../../core/formats/index';
import { manyViewContent } from '../../core/views/manyView';
import { encodeComparison } from '../../protocol/comparisonPayload';
import { encodeManyView } from '../../protocol/manyViewMessages';
import { packText, unpackText } from '../../protocol/textTransfer';
import { chunkComparison, chunkManyComparison } from './chunkedComparison';
import type { CompareRequest, CompareResponse, PackedDocument, ReadArticle } from './messages';

const port = parentPort;
if (!port) throw new Error('dist/worker.js must run as a worker thread');

/** What the host needs of a document read in another format than plain text; nothing for plain text. */
function readArticle(article: Article): ReadArticle | undefined {
  return article.map.isIdentity ? undefined : { text: packText(article.text), map: article.map.pieces() };
}

function transferables(response: CompareResponse): ArrayBuffer[] {
  if (!response.ok) return [];
  const buffers = response.comparisonPieces.map((piece) => piece.buffer as ArrayBuffer);
  for (const article of response.articles) {
    if (article === undefined) continue;
    if (typeof article.text !== 'string') buffers.push(article.text.buffer as ArrayBuffer);
    buffers.push(...[article.map.articleStarts, article.map.sourceStarts, article.map.sourceEnds].map((array) => array.buffer as ArrayBuffer));
  }
  return buffers;
}

/** The documents unpacked and read by their formats (the readers each format needs loaded once). */
async function readSources(documents: readonly PackedDocument[]): Promise<SourceText[]> {
  const readers = await Promise.all(documents.map((document) => loadArticleReader(document.format)));
  return documents.map((document, d) => {
    const text = unpackText(document.text);
    return { name: document.name, text, article: readers[d](text) };
  });
}

async function respond(request: CompareRequest): Promise<CompareResponse> {
  try {
    if ('documents' in request) {
      const read = compareManyDocuments(await readSources(request.documents), request.options);
      // The page of many articles shows what core/views/manyView.ts makes of the comparison, made here, off the host.
      const view = manyViewContent(read.inArticles, read.articles.map((article) => article.text));
      return {
        id: request.id,
        ok: true,
        chunked: chunkManyComparison(read.model),
        comparisonPieces: encodeManyView(view),
        articles: read.articles.map(readArticle),
      };
    }
    const [a, b] = await readSources([request.a, request.b]);
    const read = compareDocuments(a, b, request.options);
    return {
      id: request.id,
      ok: true,
      chunked: chunkComparison(read.model),
      comparisonPieces: encodeComparison(read.inArticles),
      articles: [readArticle(read.articles.a), readArticle(read.articles.b)],
    };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
}

port.on('message', (request: CompareRequest) => {
  void respond(request).then((response) => port.postMessage(response, transferables(response)));
});
