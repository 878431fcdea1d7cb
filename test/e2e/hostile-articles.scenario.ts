// Two articles made of XSS payloads (script tags, event handlers, javascript: URLs, SVG, CSS
// injection, </style>, template-literal breakers, bidi overrides, Markdown command links) are
// compared in the real browser. Asserted: no script of theirs ran (no dialog, the canary global
// stays unset, no console output from them), the payloads show literally as text, the CSP refuses
// a script, an inline handler and a remote image, and forged messages posted to the extension in
// the page's place are dropped and logged. The articles on disk are never modified.
import * as assert from 'assert';
import { readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import type { Frame, Page } from 'playwright-core';
import { comparisonFrame, sampleArticles, type Scenario } from './harness';

const FIXTURES = ['test/fixtures/hostile/hostile-wire.txt', 'test/fixtures/hostile/hostile-herald.txt'];

/** What the hostile page state looks like from inside the webview. */
function inspectPage(): {
  canary: unknown; parentCanary: unknown; topCanary: unknown; smuggled: string[]; handlers: string[];
  text: { a: string; b: string }; csp: string; bodyDisplay: string; foreignSheets: string[];
} {
  // The article's own text (the speaker names the page adds are drawn by CSS, not text).
  const articleText = (article: Element | null): string => article?.textContent ?? '';
  const read = (get: () => unknown): unknown => { try { return get(); } catch { return 'cross-origin (unreadable, so unwritable)'; } };
  const articles = [document.getElementById('article-a'), document.getElementById('article-b')];
  const smuggled = articles.flatMap((article) => [...(article?.querySelectorAll('*') ?? [])])
    .filter((element) => !element.closest('svg.current-outline')) // the page's own outline around the current passage
    .map((element) => element.tagName.toLowerCase())
    .filter((tag) => !['span', 'mark', 'br', 'p', 'div', 'button'].includes(tag));
  const handlers = [...document.querySelectorAll('*')].flatMap((element) => [...element.attributes]
    .filter((attribute) => /^on/i.test(attribute.name) || /javascript:/i.test(attribute.value))
    .map((attribute) => `${element.tagName}[${attribute.name}]`));
  return {
    canary: (window as unknown as { __pwned?: unknown }).__pwned,
    parentCanary: read(() => (window.parent as unknown as { __pwned?: unknown }).__pwned),
    topCanary: read(() => (window.top as unknown as { __pwned?: unknown }).__pwned),
    smuggled,
    handlers,
    text: { a: articleText(articles[0]), b: articleText(articles[1]) },
    csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
    bodyDisplay: getComputedStyle(document.body).display,
    foreignSheets: [...document.styleSheets].map((sheet) => sheet.href ?? '').filter((href) => /evil\.invalid/.test(href)),
  };
}

/** Tries what the CSP must refuse, from inside the page, and reports the violations it raised. */
async function probeCsp(): Promise<{ ran: unknown; violations: string[] }> {
  const violations: string[] = [];
  document.addEventListener('securitypolicyviolation', (event) => violations.push(event.effectiveDirective));
  const script = document.createElement('script');
  script.textContent = 'window.__cspProbe = "inline script ran"';
  document.body.append(script);
  const handler = document.createElement('div');
  handler.setAttribute('onclick', 'window.__cspProbe = "inline handler ran"');
  document.body.append(handler);
  handler.click();
  const image = document.createElement('img');
  image.src = 'https://evil.invalid/probe.png';
  document.body.append(image);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  script.remove();
  handler.remove();
  image.remove();
  return { ran: (window as unknown as { __cspProbe?: unknown }).__cspProbe, violations };
}

/**
 * The webview host frame around the comparison page: its `__vscode_post_message__` is what the
 * page's `acquireVsCodeApi().postMessage` calls, so a message sent through it reaches the
 * extension exactly as one the page itself posted.
 */
async function hostFrame(page: Page): Promise<Frame> {
  for (const frame of page.frames()) {
    const found = await frame.evaluate(() => typeof (window as unknown as Record<string, unknown>).__vscode_post_message__ === 'function').catch(() => false);
    if (found) return frame;
  }
  throw new Error('no webview host frame with __vscode_post_message__');
}

/** Posts forged messages to the extension in the comparison page's name. */
function forgeMessages(): number {
  const post = (window as unknown as Record<string, (channel: string, data: unknown) => void>).__vscode_post_message__;
  const forged: unknown[] = [
    { type: 'executeCommand', command: 'workbench.action.files.delete', args: ['/etc/passwd'] },
    { type: 'reveal', side: 'a', range: [-5, 1e300] },
    { type: 'reveal', side: 'c', range: [0, 1] },
    { type: 'reveal', side: 'a', range: new Array(200000).fill(7) },
    { type: `ready${'x'.repeat(2_000_000)}` },
    'javascript:alert(1)',
  ];
  for (const message of forged) post('onmessage', { message, transfer: [] });
  // Well-formed but out of range: accepted, clamped to the document by the extension, harmless.
  post('onmessage', { message: { type: 'reveal', side: 'b', range: [0, 2 ** 52] }, transfer: [] });
  return forged.length;
}

/** The "Compare Sources" output channel's text, read from the Output panel. */
async function outputChannelText(page: Page, runCommand: (label: string) => Promise<void>): Promise<string> {
  await runCommand('Output: Show Output Channels...');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /^\s*Compare Sources\s*$/ }).first();
  await row.waitFor({ timeout: 15000 });
  await row.click();
  const output = page.locator('.part.panel .output-view, .part.panel [id="workbench.panel.output"]').first();
  await output.waitFor({ timeout: 15000 });
  await page.waitForTimeout(1000);
  return (await output.innerText()).replace(/\u00a0/g, ' ');
}

export const hostileArticles: Scenario = {
  name: 'hostile-articles',
  files: FIXTURES,
  timeoutMs: 150000,
  async run({ page, workbench, workspace, log, screenshot, waitForActivation }) {
    const dialogs: string[] = [];
    const consoleLines: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.dismiss().catch(() => {}); });
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));

    await workbench.openSideBySide('hostile-wire.txt', 'hostile-herald.txt');
    await workbench.runCommand('Compare Sources: Compare Sources');
    log(await waitForActivation());
    const webview = await workbench.comparisonView();
    const frame = await comparisonFrame(page);

    // A reader moves over and clicks the articles, which would fire any handler that got through.
    for (const side of ['a', 'b']) {
      const article = webview.locator(`#article-${side}`);
      const box = await article.boundingBox();
      if (!box) continue;
      for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) await page.mouse.move(box.x + box.width / 2, box.y + box.height * fraction);
      await article.click({ position: { x: 20, y: 20 } });
    }
    await page.waitForTimeout(1000);
    await screenshot('hostile-comparison');

    const state = await frame.evaluate(inspectPage);
    log(`canaries: ${JSON.stringify([state.canary, state.parentCanary, state.topCanary])}; CSP: ${state.csp}`);
    assert.deepStrictEqual(dialogs, [], 'a payload opened a dialog');
    assert.strictEqual(state.canary, undefined, 'a payload set window.__pwned');
    assert.ok(state.parentCanary === undefined || /cross-origin/.test(String(state.parentCanary)), `parent.__pwned: ${String(state.parentCanary)}`);
    assert.ok(state.topCanary === undefined || /cross-origin/.test(String(state.topCanary)), `top.__pwned: ${String(state.topCanary)}`);
    assert.deepStrictEqual(state.smuggled, [], 'article markup became elements');
    assert.deepStrictEqual(state.handlers, [], 'an event handler or javascript: URL reached the DOM');
    assert.strictEqual(state.bodyDisplay !== 'none', true, 'injected CSS hid the page');
    assert.deepStrictEqual(state.foreignSheets, [], 'a remote style sheet loaded');
    for (const literal of [
      `<script>window.__pwned = 'script-a'; top.__pwned = 'script-a'; alert('script-a')</script>`,
      `<img src=x onerror="window.__pwned='img-a';alert('img-a')">`,
      '</style><style>body { display: none !important; }</style>',
      "${window.__pwned = 'template-a'}",
      "`${alert('backtick-a')}`",
      '‮not‬',
    ]) assert.ok(state.text.a.includes(literal), `article A does not show ${JSON.stringify(literal)} literally`);
    assert.ok(state.text.b.includes(`<meta http-equiv="refresh" content="0;url=javascript:alert('meta-b')">`), 'article B does not show its <meta> literally');
    const payloadOutput = consoleLines.filter((line) => /pwned|img-a|svg-a|href-a|template-a|backtick-a|toggle-a|focus-a|hover-a|meta-b|css-b|evil\.invalid|Refused to/i.test(line));
    assert.deepStrictEqual(payloadOutput, [], 'the payloads caused console output');

    // The policy itself: default-src 'none', scripts only by nonce, and it really refuses.
    assert.match(state.csp, /default-src 'none'/);
    assert.match(state.csp, /script-src 'nonce-[A-Za-z0-9+/=]{16,}'/);
    // `*.vscode-cdn.net` is VS Code's own resource host (webview.cspSource); a bare `*`, `data:` or `unsafe-` is not.
    assert.doesNotMatch(state.csp, /'unsafe-|(?:^|\s)(?:\*|data:|blob:|https?:)(?:[\s;]|$)/);
    const probe = await frame.evaluate(probeCsp);
    log(`CSP probe: ${JSON.stringify(probe)}`);
    assert.strictEqual(probe.ran, undefined, 'the CSP let an inline script or handler run');
    for (const directive of ['script-src-elem', 'script-src-attr', 'img-src']) {
      assert.ok(probe.violations.includes(directive), `no ${directive} violation reported: ${JSON.stringify(probe.violations)}`);
    }

    // Forged messages in the page's name: each malformed one is dropped and logged, nothing runs.
    const forged = await (await hostFrame(page)).evaluate(forgeMessages);
    await page.waitForTimeout(1500);
    const output = await outputChannelText(page, (label) => workbench.runCommand(label));
    const dropped = output.match(/dropped a malformed message from the comparison webview/g)?.length ?? 0;
    log(`output channel: ${dropped} dropped messages logged`);
    assert.ok(dropped >= forged, `only ${dropped} of ${forged} forged messages were logged as dropped:\n${output.slice(-2000)}`);
    assert.doesNotMatch(output, /reveal failed|\[error\]/i, 'the forged messages caused an error in the extension');
    const errors = (await workbench.notifications()).filter((toast) => toast.severity === 'error');
    assert.deepStrictEqual(errors, [], 'an error notification appeared');
    assert.strictEqual(await page.locator('.tabs-container .tab.dirty').count(), 0, 'an article was modified in the editor');
    for (const file of FIXTURES) {
      const name = file.split('/').pop() ?? file;
      assert.strictEqual(readFileSync(join(workspace, name), 'utf8'), readFileSync(join(__dirname, '..', '..', file), 'utf8'), `${name} changed on disk`);
    }
    assert.strictEqual(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'the canary was set late');
  },
};

/**
 * A saved web page full of live payloads (scripts in head and body, event-handler attributes, a
 * javascript: meta refresh, links and form actions, an srcdoc iframe) compared as a web page: the
 * page shows its article text only, every payload that is markup is left out and runs nowhere, and
 * every payload the page's text spells out (`&lt;script&gt;…`) shows as the characters it is.
 */
export const hostileWebPage: Scenario = {
  name: 'hostile-web-page',
  files: ['test/fixtures/hostile/hostile-page.html', 'test/fixtures/hostile/hostile-herald.txt'],
  timeoutMs: 120000,
  async run({ page, workbench, log, screenshot, waitForActivation }) {
    const dialogs: string[] = [];
    const consoleLines: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(`${dialog.type()}: ${dialog.message()}`); void dialog.dismiss().catch(() => {}); });
    page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    page.on('pageerror', (error) => consoleLines.push(`pageerror: ${error.message}`));

    await workbench.openSideBySide('hostile-page.html', 'hostile-herald.txt');
    await workbench.runCommand('Compare Sources: Compare Sources');
    log(await waitForActivation());
    const webview = await workbench.comparisonView();
    const frame = await comparisonFrame(page);
    await webview.locator('#stat-format-a').waitFor({ timeout: 30000 });
    for (const side of ['a', 'b']) {
      const article = webview.locator(`#article-${side}`);
      const box = await article.boundingBox();
      if (!box) continue;
      for (const fraction of [0.1, 0.3, 0.5, 0.7, 0.9]) await page.mouse.move(box.x + box.width / 2, box.y + box.height * fraction);
      await article.click({ position: { x: 20, y: 20 } });
    }
    await page.waitForTimeout(1000);
    await screenshot('hostile-web-page');

    const state = await frame.evaluate(inspectPage);
    const readAs = await webview.locator('#stat-format-a').innerText();
    log(`A: ${readAs}; canaries: ${JSON.stringify([state.canary, state.parentCanary, state.topCanary])}`);
    assert.match(readAs, /hostile-page\.html read as a web page: \d+ words of article text/);
    assert.deepStrictEqual(dialogs, [], 'a payload opened a dialog');
    assert.strictEqual(state.canary, undefined, 'a payload set window.__pwned');
    assert.ok(state.parentCanary === undefined || /cross-origin/.test(String(state.parentCanary)), `parent.__pwned: ${String(state.parentCanary)}`);
    assert.ok(state.topCanary === undefined || /cross-origin/.test(String(state.topCanary)), `top.__pwned: ${String(state.topCanary)}`);
    assert.deepStrictEqual(state.smuggled, [], 'page markup became elements');
    assert.deepStrictEqual(state.handlers, [], 'an event handler or javascript: URL reached the DOM');
    assert.strictEqual(state.bodyDisplay !== 'none', true, 'the page\'s CSS hid the comparison');
    assert.deepStrictEqual(state.foreignSheets, [], 'the page\'s remote style sheet loaded');
    for (const literal of [
      `<script>window.__pwned='page-encoded'</script>`,
      `<img src=x onerror="alert('page-encoded-img')">`,
      "`${window.__pwned='page-template'}`",
      '"We cannot keep a half-empty boat sailing at midnight," said Mallory Quint',
    ]) assert.ok(state.text.a.includes(literal), `the page's article does not show ${JSON.stringify(literal)} literally`);
    for (const markup of ['page-head-script', 'page-body-script', 'Injected quote', 'Enable JavaScript', 'Template quote', 'page-svg-script', 'page-onload', 'Subscribe', 'page-iframe', 'page-title', 'onerror="window']) {
      assert.ok(!state.text.a.includes(markup), `the page's markup ${JSON.stringify(markup)} was shown as article text`);
    }
    // The page's headline is shown as a heading of the article, its words only (its handler dropped).
    const headings = await webview.locator('#article-a .heading').allInnerTexts();
    assert.deepStrictEqual(headings.join(''), 'Port authority publishes its winter timetable', `the headings shown: ${JSON.stringify(headings)}`);
    // The workbench's own HTML highlighter logs long lines it gave up tokenizing, quoting them: not the page's doing.
    const payloadOutput = consoleLines.filter((line) => /pwned|page-|evil\.invalid|Refused to/i.test(line) && !/Time limit reached when tokenizing line/.test(line));
    assert.deepStrictEqual(payloadOutput, [], 'the payloads caused console output');
    const errors = (await workbench.notifications()).filter((toast) => toast.severity === 'error');
    assert.deepStrictEqual(errors, [], 'an error notification appeared');
    assert.strictEqual(await frame.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned), undefined, 'the canary was set late');
  },
};

/**
 * A file whose name is a Markdown command link. VS Code turns `[label](command:…)` in a
 * notification into a clickable link that runs the command, so an error naming the file must not
 * carry the link through.
 */
export const hostileFileName: Scenario = {
  name: 'hostile-file-name',
  files: sampleArticles,
  timeoutMs: 90000,
  async run({ page, workbench, workspace, log, waitForActivation }) {
    const name = '[Open the settings](command:workbench.action.openSettings).txt';
    // NUL bytes: refused as binary, so the error notification names the file.
    writeFileSync(join(workspace, name), Buffer.from('The mayor said "yes".\0\0\0'));
    await workbench.openFile('harbour-wire.txt');
    await workbench.runCommand('Compare Sources: Compare Sources');
    await workbench.checkInPicker(/check 2 to 20 articles/, ['Open the settings']);
    log(await waitForActivation());
    const toast = page.locator('.notifications-toasts .notification-list-item', { hasText: 'binary' }).first();
    await toast.waitFor({ timeout: 20000 });
    const message = toast.locator('.notification-list-item-message');
    const text = (await message.innerText()).trim();
    log(`notification: ${JSON.stringify(text)}`);
    assert.match(text, /Open the settings/, 'the notification does not name the file');
    // No toast (the error, nor the progress that named the file) may hold a link.
    assert.strictEqual(await page.locator('.notifications-toasts .notification-list-item-message a').count(), 0, 'the file name became a link in a notification');
  },
};
