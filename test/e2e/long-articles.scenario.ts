// Two long articles (over 100,000 characters each) compared in the real browser: the comparison page
// lays them out lazily (blocks of lines that skip layout off screen) yet shows every character, and
// a reader scrolled halfway down article A keeps their place when an edit to article B re-runs the
// comparison and the page renders both articles again, when an edit above it in article A itself
// does, and when the window is reloaded.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import type { Frame } from 'playwright-core';
import { comparisonFrame, sampleArticles, type Scenario } from './harness';

/** An article made of many numbered copies of a sample article, so that no two parts are alike. */
function longArticle(sample: string): string {
  const text = readFileSync(join(__dirname, '..', '..', sample), 'utf8');
  return Array.from({ length: 36 }, (_, k) => `Part ${k + 1}.\n\n${text}`).join('\n\n');
}

const FILES = { 'long-wire.txt': longArticle(sampleArticles[0]), 'long-herald.txt': longArticle(sampleArticles[1]) };

/**
 * The article's own text (the speaker names the page draws are not text) from the caret position at
 * the top of article A's viewport, a little in from the left, on the first row of pixels: `length`
 * characters of it.
 */
function textAtTop(frame: Frame, length = 40): Promise<string> {
  return frame.evaluate((length) => {
    const article = document.getElementById('article-a') as HTMLElement;
    const box = article.getBoundingClientRect();
    // Half a line down: the line at the top, not a sliver of the one above it (a place kept to a few
    // pixels is kept; the restored scroll offset may round differently from the saved one).
    const lineHeight = parseFloat(getComputedStyle(article).lineHeight) || 20;
    // A little in from where the text starts, right of the margin the speakers' names stand in.
    const block = article.querySelector('.block');
    const textLeft = block ? block.getBoundingClientRect().left + parseFloat(getComputedStyle(block).paddingLeft) : box.left;
    const caret = document.caretRangeFromPoint(textLeft + 24, box.top + lineHeight / 2);
    if (!caret || caret.startContainer.nodeType !== Node.TEXT_NODE) return '';
    const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
    walker.currentNode = caret.startContainer;
    let text = (caret.startContainer.textContent ?? '').slice(caret.startOffset);
    for (let node = walker.nextNode(); node && text.length < length; node = walker.nextNode()) text += node.textContent ?? '';
    return text.slice(0, length);
  }, length);
}

export const longArticles: Scenario = {
  name: 'long-articles',
  files: [],
  generatedFiles: () => FILES,
  timeoutMs: 240000,
  async run({ page, workbench, log, waitForActivation }) {
    await workbench.openSideBySide('long-wire.txt', 'long-herald.txt');
    await workbench.runCommand('Compare Sources: Compare Sources');
    log(await waitForActivation());
    await workbench.comparisonView(60000);
    const frame = await comparisonFrame(page);

    const layout = await frame.evaluate(() => {
      const article = document.getElementById('article-a') as HTMLElement;
      const blocks = article.querySelectorAll<HTMLElement>(':scope > .block');
      return { lazy: article.classList.contains('lazy'), blocks: blocks.length, visibility: getComputedStyle(blocks[0]).contentVisibility, text: article.textContent };
    });
    log(`article A: ${layout.blocks} blocks, content-visibility ${layout.visibility}`);
    assert.ok(layout.lazy && layout.visibility === 'auto', 'a long article is laid out lazily');
    assert.ok(layout.blocks > 20, `only ${layout.blocks} blocks`);
    assert.strictEqual(layout.text, FILES['long-wire.txt'], 'the page shows article A exactly');

    // Halfway down article A, then an edit in article B: the comparison runs again after the
    // debounce, and the page renders both articles anew.
    await frame.evaluate(() => {
      const article = document.getElementById('article-a') as HTMLElement;
      article.scrollTop = article.scrollHeight / 2;
    });
    await page.waitForTimeout(500);
    const before = await textAtTop(frame);
    log(`at the top of article A: ${JSON.stringify(before)}`);
    assert.ok(before.trim().length > 0, 'no text at the top of article A');

    /** Types at the start of the article in editor group `group`, then waits for the page to render anew. */
    const typeAtStart = async (group: number, text: string): Promise<void> => {
      await frame.evaluate(() => {
        (window as unknown as { oldBlock?: Element | null }).oldBlock = document.getElementById('article-a')?.querySelector('.block');
      });
      await page.locator('.editor-group-container').nth(group).locator('.monaco-editor .view-lines').click({ position: { x: 40, y: 10 } });
      await page.keyboard.press('Control+Home');
      await page.keyboard.type(text);
      await frame.waitForFunction(() => {
        const article = document.getElementById('article-a') as HTMLElement;
        return article.querySelector('.block') !== (window as unknown as { oldBlock?: Element | null }).oldBlock;
      }, undefined, { timeout: 30000 });
      await page.waitForTimeout(500);
    };
    await typeAtStart(1, 'Update: ');
    const after = await textAtTop(frame);
    log(`after the re-run: ${JSON.stringify(after)}`);
    assert.strictEqual(after, before, 'the reader lost their place in article A');

    // Typing in article A itself, far above the place: the place moves with the text it stands on
    // (kept as a bare offset, it would slide back by what was typed).
    await typeAtStart(0, 'Correction: ');
    const afterOwnEdit = await textAtTop(frame);
    log(`after an edit above the place in article A: ${JSON.stringify(afterOwnEdit)}`);
    assert.strictEqual(afterOwnEdit, before, 'an edit above the place in article A moved the reader off it');

    // A window reload restores the panel from its saved state; pixel offsets would land elsewhere
    // in a lazily laid out article (its blocks off screen are estimates), the saved place does not.
    const reloaded = page.waitForEvent('load', { timeout: 60000 });
    await workbench.runCommand('Developer: Reload Window');
    await reloaded;
    await workbench.waitUntilReady();
    await workbench.comparisonView(60000);
    const restoredFrame = await comparisonFrame(page);
    await restoredFrame.waitForFunction(() => (document.getElementById('article-a') as HTMLElement).scrollTop > 0, undefined, { timeout: 30000 });
    await page.waitForTimeout(500);
    // The restored panel may be narrower or wider than before (the workbench lays the groups out
    // anew), so the lines wrap elsewhere: the place's text must stand in the top line, not open it.
    const restored = await textAtTop(restoredFrame, 160);
    log(`after a window reload: ${JSON.stringify(restored)}`);
    assert.ok(restored.includes(before.slice(0, 24)), 'the reader lost their place in article A across a reload');
  },
};
