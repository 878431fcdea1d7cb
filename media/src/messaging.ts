/** The page's side of the conversation with the extension: what arrives, and the state it saves for a reload. */
import { decodePayload } from '../../src/protocol/comparisonPayload';
import type { ExtensionToWebview } from '../../src/protocol/webviewMessages';
import { applyFilters } from './filters';
import { focusRange, showCurrent } from './navigation';
import type { Page } from './page';
import { currentPlace } from './readingPlace';
import { render } from './rendering';

export function onHostMessage(page: Page, message: ExtensionToWebview): void {
  const { state, elements } = page;
  switch (message?.type) {
    case 'comparison': {
      if (message.index === 0 || message.run !== state.incoming.run) state.incoming = { run: message.run, pieces: [] };
      state.incoming.pieces[message.index] = { part: message.part, data: message.data };
      if (message.index !== message.count - 1) break;
      state.uris = message.uris;
      const { pieces } = state.incoming;
      if (pieces.length !== message.count || pieces.includes(undefined as never)) break; // a piece went missing: wait for the next run
      state.previousTexts = state.current?.texts;
      state.current = decodePayload(pieces);
      state.incoming = { run: -1, pieces: [] };
      render(page);
      saveState(page);
      break;
    }
    case 'busy':
      document.body.classList.toggle('busy', message.busy);
      break;
    case 'error':
      elements.stats.textContent = message.message;
      break;
    case 'focus':
      focusRange(page, message.side, message.range);
      break;
    case 'current':
      showCurrent(page, message);
      break;
    case 'settings':
      state.settings = { showSpeakerNames: message.showSpeakerNames };
      applyFilters(page);
      break;
  }
}

/** Saves what a reload needs: the compared documents, the scroll and reading places, the filters. */
export function saveState(page: Page): void {
  const { state, elements } = page;
  state.ui = { ...state.ui, scroll: { a: elements.articles.a.scrollTop, b: elements.articles.b.scrollTop }, place: { a: currentPlace(page, 'a'), b: currentPlace(page, 'b') } };
  if (state.uris) page.host.setState({ uris: state.uris, ui: state.ui });
}
