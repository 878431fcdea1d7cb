// Find Sources in the real UI: a workspace holding the two sample articles and a small archive
// (press releases, a saved web page and briefs made here from the samples' paragraphs and generated prose), the
// command run from the palette on the Herald's article, the Sources view read as the user sees it
// (the closest source first, the shares as description), and a row opening the pair's comparison.
// The view's screenshot goes to the README.
import * as assert from 'assert';
import { readFileSync } from 'fs';
import { join } from 'path';
import { ArticleWriter } from '../unit/core/archive/archiveFixture';
import { sampleArticles, type Scenario } from './harness';

function archive(): Record<string, string> {
  const wire = readFileSync(join(__dirname, '..', '..', sampleArticles[0]), 'utf8').split(/\r?\n\r?\n/);
  const writer = new ArticleWriter(7);
  const files: Record<string, string> = {
    'archive/union-press-release.txt': `Westhaven Dockers' Union: press release\n\n${wire[3]}\n\n${writer.article(150)}`,
    'archive/port-authority-statement.txt': `Statement of the Port of Westhaven\n\n${wire[1]}\n\n${wire[2]}\n\n${writer.article(200)}`,
    // A saved web page: read by its article text, navigation and scripts left out.
    'archive/council-briefing.html': `<!doctype html><html><head><title>Council briefing</title><script>var page = 1;</script></head><body>`
      + `<nav><a href="/">Home</a> | <a href="/news">News</a></nav><article><h1>Council briefing</h1><p>${writer.article(120)}</p>`
      + `<p>${wire[4].replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p><p>${writer.article(120)}</p></article><footer>© Westhaven Council</footer></body></html>`,
  };
  for (let k = 1; k <= 24; k++) files[`archive/briefs/brief-${String(k).padStart(2, '0')}.txt`] = writer.article(200 + writer.integer(300));
  return files;
}

export const findSources: Scenario = {
  name: 'find-sources',
  files: sampleArticles,
  generatedFiles: archive,
  timeoutMs: 120000,
  async run({ page, workbench, log, screenshot, waitForActivation }) {
    await workbench.openFile('harbour-herald.txt');
    await workbench.runCommand('Compare Sources: Find Sources');
    log(await waitForActivation());

    // The header's title exactly: the explorer's pane is headed by the folder, FIND-SOURCES.
    const view = page.locator('.pane', { has: page.locator('.pane-header .title', { hasText: /^\s*Sources\s*$/ }) });
    await view.locator('.monaco-list-row').first().waitFor({ timeout: 30000 });
    const names = await view.locator('.monaco-list-row .label-name').allInnerTexts();
    const descriptions = await view.locator('.monaco-list-row .label-description').allInnerTexts();
    log(`sources: ${JSON.stringify(names.map((name, k) => `${name}: ${descriptions[k]}`))}`);
    assert.strictEqual(names[0], 'harbour-wire.txt', 'the wire story the Herald rewrote comes first');
    assert.ok(['union-press-release.txt', 'port-authority-statement.txt', 'council-briefing.html'].every((name) => names.includes(name)), names.join(', '));
    assert.ok(!names.some((name) => name.startsWith('brief-')), 'the unrelated briefs are not listed');
    assert.ok(descriptions.every((description) => /^\d+(\.\d)?% of the article · \d+(\.\d)?% of it · \d+ passages?$/.test(description)), descriptions.join(' | '));
    const message = await view.locator('.tree-explorer-viewlet-tree-view-message, .message').first().innerText().catch(() => '');
    log(`view message: ${JSON.stringify(message)}`);
    // For the picture: the Speakers view folded and the side bar widened, so that the descriptions show whole.
    await page.locator('.pane-header', { has: page.locator('.title', { hasText: /^\s*Speakers\s*$/ }) }).click();
    const sidebar = await page.locator('.part.sidebar').boundingBox();
    if (sidebar) {
      await page.mouse.move(sidebar.x + sidebar.width + 1, sidebar.y + 300);
      await page.mouse.down();
      await page.mouse.move(sidebar.x + sidebar.width + 240, sidebar.y + 300, { steps: 8 });
      await page.mouse.up();
    }
    // Focus back in the editor, the caret on its last, empty line: no outline on the folded header, no word highlighted.
    const lines = await page.locator('.monaco-editor .view-lines').first().boundingBox();
    if (lines) await page.mouse.click(lines.x + 40, lines.y + lines.height - 4);
    await page.mouse.move(900, 880);
    await page.waitForTimeout(500);
    await screenshot('sources-view', { readme: true });

    // A row opens the comparison of the article with that source.
    await view.locator('.monaco-list-row', { hasText: 'harbour-wire.txt' }).first().click();
    const webview = await workbench.comparisonView();
    assert.deepStrictEqual(await webview.locator('.title').allInnerTexts(), ['harbour-herald.txt', 'harbour-wire.txt']);
    const share = (await webview.locator('#share-a').innerText()).replace(/\s+/g, ' ').trim();
    log(`comparison: ${share}`);
    const listed = descriptions[0].match(/^(\d+)%/)![1];
    assert.strictEqual(share, `${listed}% of harbour-herald.txt is found in harbour-wire.txt`, `the view's ${listed}% is the comparison's`);
  },
};
