#!/usr/bin/env node
// The comparison page on long articles, in Debian's chromium: how long the page's main thread is
// busy from the comparison's arrival to the first frame painted after it, with the long articles
// laid out lazily (as shipped: blocks off screen skip layout) and, side by side, eagerly (the same
// page with every block laid out, as the page did before). It prints the medians and their ratio;
// it asserts nothing. The page is the real bundle (media/dist/webview.js, media/webview.css) in the
// real shell markup of the panel, with a stand-in for the VS Code webview API.
//
//   node esbuild.js && node scripts/bench/webview.mjs [--size 1m] [--runs 5]
/* global window, document, performance, requestAnimationFrame -- the measured function runs in the page */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../codeServer.mjs';
import { formatBytes, median, parseSize, table } from './format.mjs';
import { generatePair } from './generate.mjs';

const ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
const argv = process.argv.slice(2);
const option = (name, fallback) => (argv.includes(name) ? argv[argv.indexOf(name) + 1] : fallback);
const size = parseSize(option('--size', '1m'));
const runs = Number(option('--runs', '5'));

/** The panel's shell (src/vscode/comparisonPanel.ts) without its CSP and resource URIs, plus the API stand-in. */
function page(extraStyle) {
  const panel = readFileSync(join(ROOT, 'src', 'vscode', 'comparisonPanel.ts'), 'utf8');
  // The page's static body, as the panel's PAGE shell gives it to webviewDocument.
  const from = panel.indexOf('body: `', panel.indexOf('const PAGE')) + 'body: `'.length;
  const body = panel.slice(from, panel.indexOf('`', from));
  return `<!DOCTYPE html><html lang="en"><head><meta charset="UTF-8"><link rel="stylesheet" href="base.css"><link rel="stylesheet" href="webview.css">
<style>${extraStyle}</style></head><body>${body}
<script>window.acquireVsCodeApi = () => ({ postMessage() {}, getState() { return undefined; }, setState() {} });</script>
<script src="webview.js"></script></body></html>`;
}

const dir = mkdtempSync(join(tmpdir(), 'compare-sources-webview-bench-'));
try {
  const pair = generatePair(size, { seed: 1 });
  writeFileSync(join(dir, 'a.txt'), pair.a);
  writeFileSync(join(dir, 'b.txt'), pair.b);
  const comparison = JSON.parse(execFileSync(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'compare', '--json', join(dir, 'a.txt'), join(dir, 'b.txt')], { maxBuffer: 1 << 28 }).toString());
  const payload = { comparison: JSON.stringify(comparison), a: pair.a, b: pair.b };
  for (const sheet of ['base.css', 'webview.css']) copyFileSync(join(ROOT, 'media', sheet), join(dir, sheet));
  copyFileSync(join(ROOT, 'media', 'dist', 'webview.js'), join(dir, 'webview.js'));
  writeFileSync(join(dir, 'lazy.html'), page(''));
  writeFileSync(join(dir, 'eager.html'), page('.article.lazy > .block { content-visibility: visible; }'));

  const browser = await launchChromium();
  const times = { lazy: [], eager: [] };
  for (let run = 0; run < runs; run++) {
    for (const variant of ['lazy', 'eager']) {
      const tab = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      await tab.goto(pathToFileURL(join(dir, `${variant}.html`)).href);
      times[variant].push(await tab.evaluate(async (data) => {
        const started = performance.now();
        // The payload's three parts, one piece each (see src/protocol/comparisonPayload.ts).
        const parts = ['comparison', 'a', 'b'];
        parts.forEach((part, index) => window.postMessage({ type: 'comparison', run: 0, index, count: parts.length, part, data: new window.TextEncoder().encode(data[part]), uris: { a: 'file:///a.txt', b: 'file:///b.txt' } }, '*'));
        // The message is handled in a task of its own; the first frame after it is painted before the rAF-then-task below runs.
        while (!document.querySelector('#article-b .block')) await new Promise((done) => setTimeout(done, 1));
        await new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
        return performance.now() - started;
      }, payload));
      await tab.close();
    }
  }
  await browser.close();
  const lazy = median(times.lazy);
  const eager = median(times.eager);
  console.log(`Comparison page, two ${formatBytes(size)} articles: arrival of the comparison to the first frame painted (${runs} runs each)\n`);
  console.log(table(['layout', 'median ms', 'max ms'], [
    ['lazy (as shipped)', lazy.toFixed(0), Math.max(...times.lazy).toFixed(0)],
    ['eager (every block)', eager.toFixed(0), Math.max(...times.eager).toFixed(0)],
  ]));
  console.log(`\neager / lazy: ${(eager / lazy).toFixed(1)}×`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
