/**
 * The entry of the comparison view of three or more articles (media/dist/manyWebview.js): it owns
 * the page's state (page.ts) and wires messaging, rendering and the reader's actions. The page
 * arrives as a fixed shell; the content comes by message.
 */
import type { ExtensionToManyView } from '../../../src/protocol/manyViewMessages';
import { onManyHostMessage } from './messaging';
import { createManyPage, type ManyHostApi } from './page';
import { listenToReader, showSection } from './selection';

declare function acquireVsCodeApi(): ManyHostApi;

const page = createManyPage(acquireVsCodeApi());
window.addEventListener('message', (event: MessageEvent<ExtensionToManyView>) => onManyHostMessage(page, event.data));
listenToReader(page);
showSection(page, page.state.section);
page.host.postMessage({ type: 'ready' });
