// Runs the core comparison on a worker thread so that a large comparison never blocks the extension
// host (issue 7: no more than 50 ms at a time on 1 MB). Cancellation is done by the host terminating
// this thread, because compareTexts is one synchronous call with nothing to poll.
import { parentPort } from 'node:worker_threads';
import { chunkComparison } from './chunkedComparison';
import { compareTexts } from '../../core/compare';
import type { ComparisonPayload } from '../../protocol/webviewMessages';
import { unpackText } from '../../protocol/textTransfer';
import { cutIntoPieces, PAYLOAD_PIECE_BYTES, type CompareRequest, type CompareResponse } from './messages';

const port = parentPort;
if (!port) throw new Error('dist/worker.js must run as a worker thread');

const encoder = new TextEncoder();

port.on('message', (request: CompareRequest) => {
  let response: CompareResponse;
  try {
    const a = { name: request.a.name, text: unpackText(request.a.text) };
    const b = { name: request.b.name, text: unpackText(request.b.text) };
    const comparison = compareTexts(a, b, request.options);
    const payload: ComparisonPayload = { comparison, texts: { a: a.text, b: b.text } };
    // JSON.stringify escapes lone surrogates, so its output always survives UTF-8.
    const webviewPieces = cutIntoPieces(encoder.encode(JSON.stringify(payload)), PAYLOAD_PIECE_BYTES);
    response = { id: request.id, ok: true, chunked: chunkComparison(comparison), webviewPieces };
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  port.postMessage(response, response.ok ? response.webviewPieces.map((piece) => piece.buffer as ArrayBuffer) : []);
});
