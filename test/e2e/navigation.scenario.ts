// Moving through a comparison from the keyboard, as a reader of the two sample articles would: F7 in a
// compared editor goes to the next shared passage and both editors scroll to hold it, F7 in the
// comparison view does the same; the status bar sums the comparison up; closing the view, or Clear
// Comparison, takes every mark away; and F7 in a plain diff editor is still VS Code's own.
import * as assert from 'assert';
import type { Frame, Page } from 'playwright-core';
import { compareSideBySide, comparisonFrame, sampleArticles, type Scenario, type Workbench } from './harness';

/** The rendered text of an editor group's visible lines, spaces folded. */
async function visibleText(page: Page, group: number): Promise<string> {
  const lines = await page.locator('.editor-group-container').nth(group).locator('.monaco-editor .view-line').allTextContents();
  return lines.join(' ').replace(/[\s\u00a0]+/g, ' ');
}

/** The first words of passage `id` in each article, as the page shows them. */
function passageWords(frame: Frame, id: number): Promise<{ a: string; b: string }> {
  return frame.evaluate((id) => {
    const words = (side: string) => [...document.querySelectorAll(`#article-${side} [data-passage="${id}"]`)].map((span) => span.textContent).join('')
      .replace(/\s+/g, ' ').trim().split(' ').slice(0, 4).join(' ');
    return { a: words('a'), b: words('b') };
  }, id);
}

/** Decorations drawn in the editors: background overlays and decorated text spans. */
function decorationCount(page: Page): Promise<number> {
  return page.evaluate(() => document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"], .monaco-editor .view-line span[class*="ced-"]').length);
}

async function compare(workbench: Workbench, log: (message: string) => void): Promise<Frame> {
  await workbench.runCommand('Compare Sources: Compare Sources');
  await workbench.comparisonView();
  log('compared');
  return comparisonFrame(workbench.page);
}

export const navigation: Scenario = {
  name: 'navigation',
  files: sampleArticles,
  timeoutMs: 240000,
  async run(context) {
    const { page, workbench, log, screenshot } = context;
    let { frame } = await compareSideBySide(context);
    const count = await frame.evaluate(() => new Set([...document.querySelectorAll<HTMLElement>('#article-a [data-passage]')].map((span) => span.dataset.passage)).size);
    const last = await passageWords(frame, count - 1);
    log(`${count} passages; the last opens with ${JSON.stringify(last)}`);

    // F7 in article A, from its start, count times: the last passage, far below what the editors show.
    await workbench.focusEditor(0);
    await page.keyboard.press('Control+Home');
    await page.waitForTimeout(300);
    assert.ok(!(await visibleText(page, 0)).includes(last.a) && !(await visibleText(page, 1)).includes(last.b), 'the last passage is already in view');
    for (let k = 0; k < count; k++) await page.keyboard.press('F7');
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('#position', { hasText: `Passage ${count} of ${count}` }).waitFor({ timeout: 10000 });
    await page.waitForFunction(([a, b]) => {
      const text = (group: number) => [...document.querySelectorAll('.editor-group-container')][group]?.querySelectorAll('.monaco-editor .view-line');
      const join = (lines: NodeListOf<Element> | undefined) => [...(lines ?? [])].map((line) => line.textContent).join(' ').replace(/[\s\u00a0]+/g, ' ');
      return join(text(0)).includes(a) && join(text(1)).includes(b);
    }, [last.a, last.b] as const, { timeout: 10000 });
    log('F7 in article A: both editors hold the last passage, the view says so');
    assert.strictEqual(await frame.evaluate(() => document.querySelectorAll('#article-a svg.current-outline path').length), 1, 'the view outlines it');

    // The status bar sums the comparison up while a compared editor is active.
    const status = page.locator('.part.statusbar .statusbar-item', { hasText: /% shared ·/ });
    const summary = (await status.innerText()).trim();
    log(`status bar: ${JSON.stringify(summary)}`);
    assert.match(summary, new RegExp(`^\\d+% shared · ${count} passages · 1 conflict$`));
    await screenshot('navigation');

    // F7 in the comparison view (focused by a click on its header, away from any passage): round to the first passage, the editors follow.
    await webview.locator('#stats').click();
    await page.keyboard.press('F7');
    await webview.locator('#position', { hasText: `Passage 1 of ${count}` }).waitFor({ timeout: 10000 });
    const first = await passageWords(frame, 0);
    await page.waitForFunction(([a]) => [...document.querySelectorAll('.editor-group-container')][0]?.textContent?.replace(/[\s\u00a0]+/g, ' ').includes(a), [first.a] as const, { timeout: 10000 });
    await page.keyboard.press('Shift+F7');
    await webview.locator('#position', { hasText: `Passage ${count} of ${count}` }).waitFor({ timeout: 10000 });
    log('F7 and Shift+F7 in the view move the view and the editors');

    // Closing the view takes every mark away: decorations, the badge, the status item.
    assert.ok(await decorationCount(page) > 0, 'no decorations to begin with');
    const badge = page.locator('.activitybar a.action-label[aria-label^="Compare Sources"]').first();
    assert.match(String(await badge.getAttribute('aria-label')), /conflict/);
    await page.locator('.tabs-container .tab', { hasText: '↔' }).first().click();
    await workbench.runCommand('View: Close Editor');
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"], .monaco-editor .view-line span[class*="ced-"]').length === 0, null, { timeout: 10000 });
    assert.doesNotMatch(String(await badge.getAttribute('aria-label')), /conflict/);
    assert.strictEqual(await status.count(), 0, 'the status item stays');
    log('closing the view removed every decoration, the badge and the status item');

    // Clear Comparison does the same.
    frame = await compare(workbench, log);
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"]').length > 0, null, { timeout: 10000 });
    await workbench.runCommand('Compare Sources: Clear Comparison');
    await page.waitForFunction(() => document.querySelectorAll('.monaco-editor .view-overlays div[class*="ced-"], .monaco-editor .view-line span[class*="ced-"]').length === 0, null, { timeout: 10000 });
    assert.strictEqual(await page.locator('.tabs-container .tab', { hasText: '↔' }).count(), 0, 'the view stays open');
    assert.doesNotMatch(String(await badge.getAttribute('aria-label')), /conflict/);
    assert.strictEqual(await status.count(), 0);
    log('Clear Comparison removed every decoration, the badge, the status item and the view');

    // With a comparison of the same two articles open, F7 in a plain diff editor of them is VS Code's own.
    await compare(workbench, log);
    await workbench.focusEditor(0);
    await workbench.runCommand('File: Compare Active File With...');
    const input = page.locator('.quick-input-widget input');
    await input.fill('harbour-herald.txt');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'harbour-herald.txt' }).first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Enter');
    // The diff editor opens with the focus in it. At the end of the text, after a full stop, no word is
    // highlighted: there F7 is the diff editor's own Go to Next Difference (on a highlighted word it is
    // VS Code's Go to Next Symbol Highlight, also not ours).
    await page.locator('.monaco-diff-editor .monaco-editor.focused').first().waitFor({ timeout: 15000 });
    await page.keyboard.press('Control+End');
    const position = await webview.locator('#position').innerText().catch(() => '');
    await page.keyboard.press('F7');
    await page.locator('.diff-review-row').first().waitFor({ timeout: 10000 });
    assert.strictEqual(await webview.locator('#position').innerText().catch(() => ''), position, 'F7 in the diff editor moved the comparison');
    log('F7 in a diff editor opened VS Code\'s accessible diff viewer');
    await page.keyboard.press('Escape');
  },
};
