// The reader's path through the extension's surfaces in the real UI: pick two articles in the
// QuickPicks, read the comparison webview (stats, highlighted passages, speaker names, linked
// partners), hover an altered quote in the editor, and browse the Speakers view. Screenshots of the
// hover and the tree go to the README (the view's comes from reading-view).
import * as assert from 'assert';
import type { Page } from 'playwright-core';
import { sampleArticles, type Scenario } from './harness';

/** Screen box of the first occurrence of `word` in a rendered editor line that contains `lineText`. */
async function wordBox(page: Page, lineText: string, word: string): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(([lineText, word]) => {
    // The editor renders spaces as no-break spaces; compare with them folded (one for one, so offsets hold).
    const plain = (text: string | null) => (text ?? '').replace(/\u00a0/g, ' ');
    const line = [...document.querySelectorAll('.monaco-editor .view-line')].find((element) => plain(element.textContent).includes(lineText));
    if (!line) return undefined;
    const walker = document.createTreeWalker(line, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const index = plain(node.textContent).indexOf(word);
      if (index < 0) continue;
      const range = document.createRange();
      range.setStart(node, index);
      range.setEnd(node, index + word.length);
      const rect = range.getBoundingClientRect();
      return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 };
    }
    return undefined;
  }, [lineText, word] as const);
  assert.ok(box, `"${word}" is not rendered in the editor`);
  return box;
}

export const comparisonViews: Scenario = {
  name: 'comparison-views',
  files: sampleArticles,
  timeoutMs: 120000,
  async run({ page, workbench, log, screenshot, waitForActivation }) {
    await workbench.openFile('harbour-wire.txt');

    // One visible editor: the command asks for the articles, that editor's already checked.
    await workbench.runCommand('Compare Sources: Compare Sources');
    await workbench.checkInPicker(/check 2 to 20 articles/, ['harbour-herald.txt']);
    log(await waitForActivation());

    const webview = await workbench.comparisonView();
    const stats = (await webview.locator('#stats').innerText()).replace(/\s+/g, ' ');
    log(`stats: ${stats}`);
    assert.match(stats, /\d+ shared passages \(\d+ identical, \d+ edited\)/);
    assert.match(stats, /\d+ quotes in both articles, 1 altered/);
    assert.match(await webview.locator('#share-a').innerText(), /^\d+% of harbour-wire\.txt is found in harbour-herald\.txt$/);
    assert.deepStrictEqual(await webview.locator('.title').allInnerTexts(), ['harbour-wire.txt', 'harbour-herald.txt']);
    const passagesA = await webview.locator('#article-a .passage').count();
    const passagesB = await webview.locator('#article-b .passage').count();
    assert.ok(passagesA > 0 && passagesB > 0, `passages: ${passagesA} / ${passagesB}`);
    const labels = await webview.locator('#article-a .speaker-label').evaluateAll((elements) => elements.map((element) => (element as HTMLElement).dataset.name ?? ''));
    log(`speakers named in A: ${JSON.stringify(labels)}`);
    assert.ok(labels.length > 0 && labels.every((name) => name.trim().length > 0), 'statements are named with their speaker');
    assert.ok(await webview.locator('#article-a .quote-altered').count() > 0, 'the altered quote is marked');
    // Article text is text: the page holds no element the article could have smuggled in.
    assert.strictEqual(await webview.locator('#article-a script, #article-a img, #article-b script, #article-b img').count(), 0);

    // Hovering a passage on one side deepens its partner on the other.
    const first = webview.locator('#article-a .passage').first();
    const passageId = await first.getAttribute('data-passage');
    await first.hover();
    await webview.locator(`#article-b .passage.linked[data-passage="${passageId}"]`).first().waitFor({ timeout: 5000 });
    // Keyboard navigation: n moves to the next shared passage.
    await webview.locator('#article-a').focus();
    await page.keyboard.press('n');
    await webview.locator('#position', { hasText: /^Passage 1 of \d+$/ }).waitFor({ timeout: 5000 });

    // The editor: decorations on quotes, and the hover of the altered quote.
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"]').length > 0, null, { timeout: 15000 });
    const target = await wordBox(page, 'want this fight', 'want');
    await page.mouse.move(target.x, target.y);
    await page.mouse.move(target.x + 1, target.y);
    const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'Compare Sources' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15000 });
    const hoverText = (await hover.innerText()).replace(/\u00a0/g, ' ').trim();
    log(`hover: ${JSON.stringify(hoverText)}`);
    assert.match(hoverText, /Altered in harbour-herald\.txt \(2 differences\)/);
    assert.match(hoverText, /Said by Ruth Achebe/);
    assert.match(hoverText, /Open in harbour-herald\.txt, line \d+/);
    assert.match(hoverText, /harbour-wire\.txt\s+│ harbour-herald\.txt\s+people\s+│ families/);
    await page.waitForTimeout(400); // the hover fades in
    await screenshot('quote-hover', { readme: true });
    await page.mouse.move(5, 880);
    await hover.waitFor({ state: 'hidden', timeout: 10000 });

    // The Speakers view in the activity bar.
    // The container's label carries the badge ("Compare Sources - 7 attribution conflicts"), hence ^=.
    const container = page.locator('.activitybar a.action-label[aria-label^="Compare Sources"]').first();
    log(`activity bar entry: ${await container.getAttribute('aria-label')}`);
    await container.click({ force: true });
    const tree = page.locator('.pane', { has: page.locator('.pane-header', { hasText: 'Speakers' }) });
    await tree.locator('.monaco-list-row').first().waitFor({ timeout: 15000 });
    const rows = await tree.locator('.monaco-list-row .label-name').allInnerTexts();
    log(`tree rows: ${JSON.stringify(rows)}`);
    // Ruth Achebe's altered statement is open, each article's version under it.
    const altered = rows.indexOf('Altered');
    assert.ok(altered > 0, 'an altered statement is listed, status first');
    assert.deepStrictEqual(rows.slice(altered + 1, altered + 3), ['harbour-wire.txt', 'harbour-herald.txt'], 'both versions of the altered quote sit under it');
    const description = await tree.locator('.monaco-list-row').first().locator('.label-description').innerText();
    assert.match(description, /^1 altered · \d+ in harbour-wire\.txt · \d+ in harbour-herald\.txt$/);
    // Each statement's status shows whole at the side bar's default width: its label ends inside its row.
    const clipped = await tree.locator('.monaco-list-row').evaluateAll((elements) => elements.filter((row) => {
      const name = row.querySelector('.label-name');
      return name && /^(Identical|In part|Altered|Conflict|Only in )/.test(name.textContent ?? '') && name.getBoundingClientRect().right > row.getBoundingClientRect().right;
    }).length);
    assert.strictEqual(clipped, 0, 'a statement\'s status is cut off');
    await page.mouse.move(700, 880); // away from the activity bar's tooltip
    await page.waitForTimeout(300);
    await screenshot('speakers-view', { readme: true });

    // A window reload restores the comparison view from its saved state (WebviewPanelSerializer).
    // Through the workbench's own reload, which saves the editor layout (and so the panel to restore)
    // before the page goes; a bare page.reload() can leave before that state is written.
    const reloaded = page.waitForEvent('load', { timeout: 60000 });
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await workbench.waitUntilReady();
    const restored = await workbench.comparisonView(60000);
    assert.deepStrictEqual(await restored.locator('.title').allInnerTexts(), ['harbour-wire.txt', 'harbour-herald.txt']);
    log('comparison view restored after reload');
  },
};
