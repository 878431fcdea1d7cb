// Runs the core comparison on a worker thread so that a large comparison never blocks the extension
// host (issue 7: no more than 50 ms at a time on 1 MB). Cancellation is done by the host terminating
// this thread, because compareTexts is one synchronous call with nothing to poll.
import { parentPort } from 'node:worker_threads';
import { chunkComparison } from './core/chunkedComparison';
import { compareTexts } from './core/compare';
import type { ComparisonPayload } from './protocol';
import type { CompareRequest, CompareResponse } from './workerProtocol';

const port = parentPort;
if (!port) throw new Error('dist/worker.js must run as a worker thread');

port.on('message', (request: CompareRequest) => {
  let response: CompareResponse;
  try {
    const comparison = compareTexts(request.a, request.b, request.options);
    const payload: ComparisonPayload = { comparison, texts: { a: request.a.text, b: request.b.text } };
    response = { id: request.id, ok: true, chunked: chunkComparison(comparison), webviewJson: JSON.stringify(payload) };
  } catch (error) {
    response = { id: request.id, ok: false, error: error instanceof Error ? error.stack ?? error.message : String(error) };
  }
  port.postMessage(response);
});
