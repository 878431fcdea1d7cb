// The comparison as a reader sees it at 1600×1000: the view takes the editor area's full
// width with two readable columns, one meaning per colour (at most two markings on a word, passage
// colours by kind so they hold between runs), a legend, one outline around the current passage, and
// speaker names outside the quoted words. Asserted on DOM geometry and computed styles, not pixels.
import * as assert from 'assert';
import type { Frame } from 'playwright-core';
import { compareSideBySide, sampleArticles, type Scenario, type Workbench } from './harness';

/** Passage colours keyed by the passage's text in article A. */
function passageColours(frame: Frame): Promise<Record<string, string>> {
  return frame.evaluate(() => {
    const colours: Record<string, string> = {};
    const article = document.getElementById('article-a') as HTMLElement;
    const ids = new Set([...article.querySelectorAll<HTMLElement>('[data-passage]')].map((element) => element.dataset.passage));
    for (const id of ids) {
      const spans = [...article.querySelectorAll<HTMLElement>(`[data-passage="${id}"]`)];
      const text = spans.map((span) => span.textContent).join('').replace(/\s+/g, ' ').trim();
      // The colour of the passage where it is unmarked by anything else (a word difference has its own).
      const plain = spans.find((span) => !/word-diff|changed/.test(span.className)) ?? spans[0];
      colours[text] = getComputedStyle(plain).backgroundColor;
    }
    return colours;
  });
}

/** Types a line at the start of the article in editor group `group` (0-based). */
async function typeAtStart(workbench: Workbench, group: number, text: string): Promise<void> {
  await workbench.focusEditor(group);
  await workbench.page.keyboard.press('Control+Home');
  await workbench.page.keyboard.type(text);
}

export const readingView: Scenario = {
  name: 'reading-view',
  files: sampleArticles,
  timeoutMs: 150000,
  async run(context) {
    const { page, log, screenshot } = context;
    const { webview, frame } = await compareSideBySide(context);
    await page.waitForTimeout(800); // the layout settles after the group is created
    const failures: string[] = [];
    const check = (name: string, ok: boolean, detail: string): void => {
      log(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${detail}`);
      if (!ok) failures.push(`${name}: ${detail}`);
    };

    // 1. Full width: the view spans the editor area, each column is at least 45% of it and inside it.
    const editorPart = await page.locator('.part.editor').boundingBox();
    const viewBox = await page.locator('iframe.webview.ready').first().boundingBox();
    const columns = await frame.evaluate(() => {
      const width = document.documentElement.clientWidth;
      return { width, columns: [...document.querySelectorAll('.column')].map((column) => {
        const box = column.getBoundingClientRect();
        return { left: box.left, right: box.right, visible: Math.max(0, Math.min(box.right, width) - Math.max(box.left, 0)) };
      }) };
    });
    const viewShare = (viewBox?.width ?? 0) / (editorPart?.width ?? 1);
    check('view spans the editor area', viewShare >= 0.95, `view ${Math.round(viewBox?.width ?? 0)} px of the editor area's ${Math.round(editorPart?.width ?? 0)} px`);
    const shares = columns.columns.map((column) => column.visible / columns.width);
    check('each column at least 45% of the view', columns.columns.length === 2 && shares.every((share) => share >= 0.45)
      && columns.columns.every((column) => column.right <= columns.width + 1),
    `columns ${JSON.stringify(columns.columns.map((column) => [Math.round(column.left), Math.round(column.right)]))} in ${columns.width} px (visible ${shares.map((share) => `${Math.round(share * 100)}%`).join(', ')})`);

    // 2. The legend names every colour the page uses.
    const legend = await webview.locator('#legend .legend-item').allInnerTexts().catch(() => [] as string[]);
    check('legend present', legend.length >= 7, JSON.stringify(legend));

    // 3. At most two markings on any word: background, underline/decoration, italics, outline.
    const crowded = await frame.evaluate(() => {
      const found: string[] = [];
      for (const span of document.querySelectorAll<HTMLElement>('#article-a span, #article-b span')) {
        if (!span.textContent) continue;
        const style = getComputedStyle(span);
        const markings = [
          style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.backgroundColor !== 'transparent',
          style.textDecorationLine !== 'none' || style.boxShadow !== 'none' || style.borderBottomStyle !== 'none',
          style.fontStyle === 'italic',
          style.outlineStyle !== 'none',
        ].filter(Boolean).length;
        if (markings > 2) found.push(`${span.className} (${markings})`);
      }
      return [...new Set(found)];
    });
    check('at most two markings per word', crowded.length === 0, crowded.slice(0, 4).join('; ') || 'none over two');

    // 4. Speaker names outside the quoted words: nothing between an opening mark and the words.
    const inside = await frame.evaluate(() => {
      const wrong: string[] = [];
      for (const side of ['a', 'b']) {
        const article = document.getElementById(`article-${side}`) as HTMLElement;
        const firsts = new Map<string, HTMLElement>();
        for (const span of article.querySelectorAll<HTMLElement>('[data-quote]')) if (!firsts.has(span.dataset.quote ?? '')) firsts.set(span.dataset.quote ?? '', span);
        for (const [id, span] of firsts) {
          // The node right before the quote's first character, in document order.
          let node: Node | null = span;
          while (node && !node.previousSibling) node = node.parentNode;
          let before: Node | null = node?.previousSibling ?? null;
          while (before && before.lastChild) before = before.lastChild;
          const element = before?.nodeType === Node.ELEMENT_NODE ? before as Element : before?.parentElement;
          if (element && /speaker/.test(element.className)) wrong.push(`${side}${id}: ${element.className} "${element.textContent}"`);
        }
      }
      return wrong;
    });
    const labels = await frame.evaluate(() => document.querySelectorAll('.speaker-label').length);
    check('no speaker name inside a quote\'s marks', inside.length === 0 && labels > 0, inside.length ? inside.slice(0, 3).join('; ') : `${labels} speaker labels, none inside the marks`);

    // 5. One outline for the current passage.
    await webview.locator('#article-a').focus();
    await page.keyboard.press('n');
    await page.waitForTimeout(400);
    const outlines = await frame.evaluate(() => {
      const drawn = [...document.querySelectorAll<Element>('#article-a *')].filter((element) => getComputedStyle(element).outlineStyle !== 'none'
        || element.classList.contains('current-outline'));
      return drawn.map((element) => ({ tag: element.tagName.toLowerCase(), className: String(element.getAttribute('class')), boxes: element.getClientRects().length,
        paths: element.querySelectorAll('path').length }));
    });
    check('one outline element for the current passage', outlines.length === 1 && (outlines[0].boxes === 1 || outlines[0].paths === 1),
      `${outlines.length} outlined elements, ${outlines.reduce((sum, outline) => sum + outline.boxes, 0)} boxes`);

    await page.mouse.move(800, 995);
    await screenshot('comparison-webview', { readme: true });

    // 6. Passage colours hold between two runs: a shared line added at the top of both articles
    // becomes passage 0 and moves every other passage's number by one.
    const before = await passageColours(frame);
    const line = 'Harbour officials confirmed on Wednesday that the strike would go on through the weekend.\n\n';
    await typeAtStart(context.workbench, 0, line);
    await typeAtStart(context.workbench, 1, line);
    await frame.waitForFunction((count) => document.querySelectorAll('#article-a [data-passage]').length > 0
      && new Set([...document.querySelectorAll<HTMLElement>('#article-a [data-passage]')].map((element) => element.dataset.passage)).size > count,
    Object.keys(before).length, { timeout: 30000 });
    await page.waitForTimeout(500);
    const after = await passageColours(frame);
    const common = Object.keys(before).filter((text) => text in after);
    const changed = common.filter((text) => before[text] !== after[text]);
    check('passages keep their colour between two runs', common.length >= 3 && changed.length === 0,
      `${common.length} passages in both runs, ${changed.length} changed colour${changed.length ? `: ${changed.slice(0, 2).map((text) => `"${text.slice(0, 30)}…" ${before[text]} → ${after[text]}`).join('; ')}` : ''}`);

    assert.deepStrictEqual(failures, [], 'the comparison is not yet one a person can read');
  },
};
