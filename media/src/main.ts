/**
 * The comparison webview's entry: it owns the page's state (page.ts) and wires the parts, each with
 * one job: messaging, rendering, lazy layout, the reading place, filters and navigation. The page
 * arrives as a fixed shell; the comparison and both texts come by message.
 */
import type { ExtensionToWebview } from '../../src/protocol/webviewMessages';
import { applyFilters, listenToFilters } from './filters';
import { onHostMessage, saveState } from './messaging';
import { listenForNavigation } from './navigation';
import { redrawOutlines } from './outline';
import { createPage, SIDES, type HostApi } from './page';

declare function acquireVsCodeApi(): HostApi;

const page = createPage(acquireVsCodeApi());

window.addEventListener('message', (event: MessageEvent<ExtensionToWebview>) => onHostMessage(page, event.data));
listenToFilters(page, () => saveState(page));
listenForNavigation(page);
for (const side of SIDES) {
  page.elements.articles[side].addEventListener('scroll', () => {
    if (page.state.scrollSaveQueued) return;
    page.state.scrollSaveQueued = true;
    requestAnimationFrame(() => {
      page.state.scrollSaveQueued = false;
      saveState(page);
    });
  }, { passive: true });
}

// The text rewraps when the columns change width: the outlines follow it.
new ResizeObserver(() => redrawOutlines(page)).observe(page.elements.articles.a);

applyFilters(page);
page.host.postMessage({ type: 'ready' });
