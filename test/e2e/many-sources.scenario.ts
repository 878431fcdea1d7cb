// A reader opens three outlets' versions of one story side by side and runs Compare Sources: the view
// of many articles opens with the sources overview (each article's share in each other one), the
// passages across all three (each copy's changes) and the statements (conflicts first); a click on an
// item selects it in every editor. The hostile-web-page scenario covers payloads in article text; here
// the page is checked to hold the articles' words only as text. Screenshots for the README.
import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { sampleArticles, type Scenario } from './harness';

const NAMES = ['harbour-wire.txt', 'harbour-herald.txt', 'harbour-radio.txt'];

/** The inner frame of the webview that shows the sources overview. */
async function manyViewFrame(page: Page): Promise<Frame> {
  for (let attempt = 0; attempt < 150; attempt++) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => document.querySelector('#overview td.share') !== null).catch(() => false);
      if (found) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the view of many articles never showed its overview');
}

/** The text selected in the editor that shows `name` (its group's active tab), from the editor's own DOM. */
async function selectionIn(page: Page, name: string): Promise<number> {
  const group = page.locator('.editor-group-container', { has: page.locator('.tab.active', { hasText: name }) });
  return group.locator('.monaco-editor .selected-text').count();
}

export const manySources: Scenario = {
  name: 'many-sources',
  files: [...sampleArticles, 'examples/harbour-radio.txt'],
  timeoutMs: 150000,
  async run({ page, workbench, log, screenshot, waitForActivation }) {
    await workbench.openSideBySide(NAMES[0], NAMES[1]);
    await page.keyboard.press('Control+Backslash');
    await page.locator('.editor-group-container').nth(2).locator('.monaco-editor.focused').waitFor({ timeout: 15000 });
    await workbench.openFile(NAMES[2]);
    await workbench.runCommand('Compare Sources: Compare Sources');
    log(await waitForActivation());
    const errors = (await workbench.notifications()).filter((toast) => toast.severity === 'error');
    assert.deepStrictEqual(errors, [], 'the command raised an error notification');

    const view = await manyViewFrame(page);
    await view.locator('#title', { hasText: /^3 articles:/ }).waitFor({ timeout: 30000 });
    log(`title: ${await view.locator('#title').innerText()}`);
    const summary = await view.locator('#summary li').allInnerTexts();
    log(`summary: ${JSON.stringify(summary)}`);
    assert.ok(summary.some((item) => /2 attribution conflicts/.test(item)));
    // The overview: a row per article, its share in each other one; the diagonal is a dash.
    const rows = await view.locator('#overview tbody tr').all();
    assert.strictEqual(rows.length, 3);
    const cells = await rows[0].locator('td').allInnerTexts();
    log(`wire's row: ${JSON.stringify(cells)}`);
    assert.deepStrictEqual(cells.slice(0, 3), ['–', '55%', '35%']);
    assert.match(await rows[0].locator('td').nth(1).getAttribute('title') ?? '', /^55% of harbour-wire\.txt is in harbour-herald\.txt$/);
    await page.keyboard.press('Control+B'); // the side bar away: room for the view
    await page.mouse.move(250, 16);
    await page.waitForTimeout(800);
    await screenshot('many-overview', { readme: true });

    // Passages across all three: the strike's sentence, the herald's copy edited.
    await view.locator('#tab-passages').click();
    const strike = view.locator('#passages .item', { hasText: 'The strike, called by the Westhaven Dockers' }).first();
    await strike.waitFor({ timeout: 10000 });
    assert.strictEqual(await strike.locator('.item-heading').innerText(), 'In all 3 articles');
    const herald = strike.locator('.row', { hasText: NAMES[1] });
    assert.deepStrictEqual(await herald.locator('del').allInnerTexts(), ['talks', 'broke down', 'due']);
    assert.deepStrictEqual(await herald.locator('ins').allInnerTexts(), ['negotiations', 'collapsed', 'expected']);
    // Selecting it selects it in every editor.
    await strike.locator('.item-text').click();
    for (const name of NAMES) {
      const deadline = Date.now() + 10000;
      while ((await selectionIn(page, name)) === 0 && Date.now() < deadline) await page.waitForTimeout(200);
      assert.ok((await selectionIn(page, name)) > 0, `nothing selected in ${name}`);
    }
    await screenshot('many-passages');

    // Statements: conflicts first, the herald's version given to someone else.
    await view.locator('#tab-statements').click();
    const first = view.locator('#statements .item').first();
    assert.strictEqual(await first.locator('.badge').innerText(), 'conflict');
    const table = view.locator('#statements .item', { hasText: 'Both sides must be back at the table' }).first();
    assert.match(await table.locator('.item-detail').innerText(), /^Jane Marlow in harbour-wire\.txt and harbour-radio\.txt; Owen Tregarth in harbour-herald\.txt$/);
    assert.match(await table.locator('.row.conflicting').innerText(), /harbour-herald\.txt[\s\S]*Owen Tregarth, named “the harbour master”, on the cue “added”/);
    const altered = view.locator('#statements .item[data-status="altered"]').first();
    assert.deepStrictEqual(await altered.locator('.row', { hasText: NAMES[2] }).locator('ins').allInnerTexts(), ['workers']);
    await screenshot('many-statements', { readme: true });

    // The filter: only what the radio piece holds.
    await view.locator('#filter-document').selectOption({ label: `[3] ${NAMES[2]}` });
    const shown = await view.locator('#statements .item:not([hidden])').count();
    const all = await view.locator('#statements .item').count();
    log(`statements with the radio piece: ${shown} of ${all}`);
    assert.ok(shown > 0 && shown < all);

    // What the page made of the content holds the articles' words as text only: its elements carry no
    // attribute beyond the few the page sets (no handler, style, link or source).
    const allowed = ['class', 'title', 'tabindex', 'aria-label', 'scope', 'hidden', 'value', 'id', 'role', 'aria-labelledby'];
    const attributes = await view.evaluate((names) => Array.from(document.querySelectorAll('#content *, #summary *, #filter-document *')).flatMap((node) => Array.from(node.attributes)
      .filter((attribute) => !names.includes(attribute.name) && !attribute.name.startsWith('data-')).map((attribute) => `${node.tagName.toLowerCase()} ${attribute.name}`)), allowed);
    assert.deepStrictEqual(attributes, []);
    const tags = await view.evaluate(() => [...new Set(Array.from(document.querySelectorAll('#content *')).map((node) => node.tagName.toLowerCase()))].sort());
    log(`tags in the content: ${tags.join(' ')}`);
    assert.ok(tags.every((tag) => ['blockquote', 'del', 'div', 'ins', 'li', 'ol', 'section', 'span', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul'].includes(tag)), tags.join(' '));

    // F7 in the herald's editor: its first shared passage, selected in every editor and outlined in the view.
    await view.locator('#filter-document').selectOption({ label: 'All articles' });
    await workbench.focusEditor(1);
    await page.keyboard.press('Control+Home');
    await page.keyboard.press('F7');
    const outlined = view.locator('#passages .item.selected');
    await outlined.waitFor({ timeout: 10000 });
    assert.strictEqual(await view.locator('#tab-passages').getAttribute('aria-selected'), 'true', 'the view turns to the passages');
    for (const name of NAMES) {
      const deadline = Date.now() + 10000;
      while ((await selectionIn(page, name)) === 0 && Date.now() < deadline) await page.waitForTimeout(200);
    }
    const selected = await Promise.all(NAMES.map((name) => selectionIn(page, name)));
    log(`F7 in the herald: "${(await outlined.locator('.item-text').innerText()).slice(0, 60)}", selections ${JSON.stringify(selected)}`);
    assert.ok(selected[1] > 0 && selected.filter((count) => count > 0).length >= 2, 'the passage is selected in the herald and another article');
  },
};
