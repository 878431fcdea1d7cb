// Export Report in the real UI, and the exported page in the real browser. The hostile articles
// (XSS payloads of every kind) are compared and exported to HTML from the comparison view's title
// bar through the save dialog; the file is then opened in Chromium from disk, as a reader would:
// nothing in it may run (no dialog, the canary global untouched, no script element, no handler, no
// javascript: URL), its one stylesheet must apply under its CSP, and the payloads must read as
// text. Then the sample articles are exported from the palette, for the README's screenshot.
import * as assert from 'assert';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { pathToFileURL } from 'url';
import type { Page } from 'playwright-core';
import type { Scenario } from './harness';

/** Types a path into the save dialog (code-server's own, a quick input) and saves. */
async function saveAs(page: Page, file: string, log: (message: string) => void): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15000 });
  // The dialog fills in the proposed name (beside the first article, named after both) a moment
  // after it shows: typing before that would be overwritten.
  for (let waited = 0; !(await input.inputValue()).includes(' vs '); waited += 100) {
    if (waited > 15000) throw new Error(`the save dialog never proposed a name: ${JSON.stringify(await input.inputValue())}`);
    await page.waitForTimeout(100);
  }
  log(`proposed: ${await input.inputValue()}`);
  await input.fill(file);
  await page.waitForTimeout(500); // the dialog lists the folder as the path is typed
  assert.strictEqual(await input.inputValue(), file);
  await page.keyboard.press('Enter');
}

async function waitForFile(page: Page, file: string): Promise<void> {
  for (let waited = 0; !existsSync(file); waited += 200) {
    if (waited > 20000) throw new Error(`the report was never written: ${file}`);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(300); // written in one go, but give the file system a moment
}

/** Everything a page holds that could run, and what it shows. */
function inspectReport(): { canary: unknown; scripts: number; handlers: string[]; text: string; csp: string; styled: boolean; elements: string[] } {
  const handlers = [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes]
    .filter((attribute) => /^on/i.test(attribute.name) || /javascript:/i.test(attribute.value) || attribute.name === 'src' || attribute.name === 'style')
    .map((attribute) => `${element.tagName}[${attribute.name}]`));
  return {
    canary: (window as unknown as { __pwned?: unknown }).__pwned,
    scripts: document.scripts.length,
    handlers,
    text: document.body.innerText,
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    // The page's own stylesheet applied (the CSP admits it by hash): the body is a centred column.
    styled: getComputedStyle(document.body).maxWidth !== 'none',
    elements: [...new Set([...document.querySelectorAll('body *')].map((element) => element.tagName.toLowerCase()))],
  };
}

async function openReport(page: Page, file: string): Promise<{ report: Page; dialogs: string[]; console: string[] }> {
  const report = await page.context().newPage();
  const dialogs: string[] = [];
  const console: string[] = [];
  report.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.dismiss().catch(() => {}); });
  report.on('console', (message) => console.push(`${message.type()}: ${message.text()}`));
  report.on('pageerror', (error) => console.push(`pageerror: ${error.message}`));
  await report.goto(pathToFileURL(file).href);
  return { report, dialogs, console };
}

async function exportFromTitleBar(page: Page): Promise<void> {
  // The comparison view's group: the action is in its title bar (editor/title, when the view is its
  // active editor), which VS Code shows for the active group only: a reader clicks the view's tab first.
  const tab = page.locator('.tabs-container .tab', { hasText: '↔' }).first();
  await tab.click();
  const group = page.locator('.editor-group-container.active', { has: page.locator('.tab.active', { hasText: '↔' }) });
  const action = group.locator('.editor-actions .action-label[aria-label^="Export Report"]');
  await action.waitFor({ state: 'visible', timeout: 15000 });
  await action.click();
}

export const exportReport: Scenario = {
  name: 'export-report',
  files: ['test/fixtures/hostile/hostile-wire.txt', 'test/fixtures/hostile/hostile-herald.txt', 'examples/harbour-wire.txt', 'examples/harbour-herald.txt'],
  timeoutMs: 180000,
  async run({ page, workbench, workspace, log, screenshot, waitForActivation }) {
    await workbench.openSideBySide('hostile-wire.txt', 'hostile-herald.txt');
    await workbench.runCommand('Compare Sources: Compare Sources');
    log(await waitForActivation());
    await workbench.comparisonView();

    const hostileFile = join(workspace, 'hostile-report.html');
    await exportFromTitleBar(page);
    await saveAs(page, hostileFile, log);
    await waitForFile(page, hostileFile);
    log(`exported ${hostileFile} (${readFileSync(hostileFile).length} bytes) from the view's title bar`);

    const { report, dialogs, console } = await openReport(page, hostileFile);
    // A reader moves over and clicks the page, which would fire any handler that got through.
    for (const y of [100, 300, 500, 700]) await report.mouse.move(400, y);
    await report.mouse.click(400, 400);
    await report.waitForTimeout(1000);
    const state = await report.evaluate(inspectReport);
    log(`report page: canary ${JSON.stringify(state.canary)}, ${state.scripts} scripts, elements ${state.elements.join(' ')}`);
    assert.deepStrictEqual(dialogs, [], 'a payload opened a dialog');
    assert.strictEqual(state.canary, undefined, 'a payload set window.__pwned');
    assert.strictEqual(state.scripts, 0, 'the report holds a script element');
    assert.deepStrictEqual(state.handlers, [], 'an event handler, src, style or javascript: URL reached the page');
    for (const element of ['script', 'img', 'svg', 'iframe', 'object', 'embed', 'form', 'input', 'details', 'a[href^=javascript]']) {
      assert.ok(!state.elements.includes(element), `the report holds <${element}>`);
    }
    assert.match(state.csp, /^default-src 'none'; style-src 'sha256-[^']+'; base-uri 'none'; form-action 'none'$/);
    assert.ok(state.styled, 'the report\'s stylesheet did not apply (its hash does not match?)');
    for (const literal of [
      `<svg onload="window.__pwned='svg-a'"><script>window.__pwned='svg-script-a'</script></svg>`,
      `<img src=x onerror="window.__pwned='img-a';alert('img-a')">`,
      `<a href="javascript:window.__pwned='href-a';alert('href-a')">to reach the hospital</a>`,
      `<details open ontoggle="window.__pwned='toggle-a'">until the boat returns</details>`,
    ]) assert.ok(state.text.includes(literal), `the report does not show ${JSON.stringify(literal)} as text`);
    assert.deepStrictEqual(console.filter((line) => /pwned|alert|evil\.invalid|Refused|violates/i.test(line)), [], 'the payloads or the CSP caused console output');
    await screenshot('hostile-report', { page: report });
    await report.close();

    // The sample articles, exported from the palette this time: the README's picture of a report.
    await workbench.runCommand('View: Close All Editor Groups');
    await page.locator('.editor-group-container').nth(1).waitFor({ state: 'detached', timeout: 15000 });
    await workbench.openSideBySide('harbour-wire.txt', 'harbour-herald.txt');
    await workbench.runCommand('Compare Sources: Compare Sources');
    await workbench.comparisonView();
    const sampleFile = join(workspace, 'harbour-report.html');
    await workbench.runCommand('Compare Sources: Export Report…');
    await saveAs(page, sampleFile, log);
    await waitForFile(page, sampleFile);
    const notice = page.locator('.notifications-toasts .notification-list-item', { hasText: 'report saved as harbour-report.html' });
    await notice.waitFor({ timeout: 15000 });
    const sample = await openReport(page, sampleFile);
    const text = await sample.report.evaluate(() => document.body.innerText);
    assert.match(text, /harbour-wire\.txt ↔ harbour-herald\.txt/);
    assert.match(text, /Attribution conflicts \(1\)/);
    await sample.report.setViewportSize({ width: 1000, height: 1300 }); // from the summary to the altered quote's differences
    await screenshot('export-report', { readme: true, page: sample.report });
    await sample.report.close();
  },
};
