// Runs the core comparison on a worker thread so that a large comparison never holds the extension
// host's thread. Cancellation is done by the host terminating this thread, because compareTexts is
// one synchronous call with nothing to poll.
import { parentPort } from 'node:worker_threads';
import { compareTexts } from '../../core/compare';
import { encodeComparison } from '../../protocol/comparisonPayload';
import { unpackText } from '../../protocol/textTransfer';
import { chunkComparison } from './chunkedComparison';
import type { CompareRequest, CompareResponse } from './messages';

const port = parentPort;
if (!port) throw new Error('dist/worker.js must run as a worker thread');

port.on('message', (request: CompareRequest) => {
  let response: CompareResponse;
  try {
    const a = { name: request.a.name, text: unpackText(request.a.text) };
    const b = { name: request.b.name, text: unpackText(request.b.text) };
    const comparison = compareTexts(a, b, request.options);
    response = { id: request.id, ok: true, chunked: chunkComparison(comparison), comparisonPieces: encodeComparison(comparison) };
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  port.postMessage(response, response.ok ? response.comparisonPieces.map((piece) => piece.buffer as ArrayBuffer) : []);
});
