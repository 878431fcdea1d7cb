// Runs the core comparison on a worker thread so that a large comparison never holds the extension
// host's thread. Cancellation is done by the host terminating this thread, because compareTexts is
// one synchronous call with nothing to poll. A document read as a web page or Markdown is read here
// too (its reader loaded on first use), off the host's thread.
import { parentPort } from 'node:worker_threads';
import { compareDocuments } from '../../core/compare';
import type { Article } from '../../core/formats/article';
import { loadArticleReader } from '../../core/formats/index';
import { encodeComparison } from '../../protocol/comparisonPayload';
import { packText, unpackText } from '../../protocol/textTransfer';
import { chunkComparison } from './chunkedComparison';
import type { CompareRequest, CompareResponse, ReadArticle } from './messages';

const port = parentPort;
if (!port) throw new Error('dist/worker.js must run as a worker thread');

/** What the host needs of a side read in another format than plain text; nothing for plain text. */
function readArticle(article: Article): ReadArticle | undefined {
  return article.map.isIdentity ? undefined : { text: packText(article.text), map: article.map.pieces() };
}

function transferables(response: CompareResponse): ArrayBuffer[] {
  if (!response.ok) return [];
  const buffers = response.comparisonPieces.map((piece) => piece.buffer as ArrayBuffer);
  for (const article of [response.articles.a, response.articles.b]) {
    if (article === undefined) continue;
    if (typeof article.text !== 'string') buffers.push(article.text.buffer as ArrayBuffer);
    buffers.push(...[article.map.articleStarts, article.map.sourceStarts, article.map.sourceEnds].map((array) => array.buffer as ArrayBuffer));
  }
  return buffers;
}

async function respond(request: CompareRequest): Promise<CompareResponse> {
  try {
    const [readA, readB] = await Promise.all([loadArticleReader(request.a.format), loadArticleReader(request.b.format)]);
    const sourceA = unpackText(request.a.text);
    const sourceB = unpackText(request.b.text);
    const read = compareDocuments(
      { name: request.a.name, text: sourceA, article: readA(sourceA) },
      { name: request.b.name, text: sourceB, article: readB(sourceB) },
      request.options,
    );
    return {
      id: request.id,
      ok: true,
      chunked: chunkComparison(read.model),
      comparisonPieces: encodeComparison(read.inArticles),
      articles: { a: readArticle(read.articles.a), b: readArticle(read.articles.b) },
    };
  } catch (error) {
    return { id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
}

port.on('message', (request: CompareRequest) => {
  void respond(request).then((response) => port.postMessage(response, transferables(response)));
});
