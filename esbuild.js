// One build script, three bundles: the extension (Node, CommonJS, `vscode` external), the CLI
// (Node, self-contained so that `node dist/cli.js` needs no node_modules), and the webview script
// (browser IIFE, written into media/ because the webview may only load from there).
// Test bundles are built here too so that the extension host can `require` them.
const esbuild = require('esbuild');
const fs = require('node:fs');
const path = require('node:path');

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints errors in the `file:line:col: error: message` form that VS Code's esbuild problem matcher reads. */
const problemMatcher = {
  name: 'problem-matcher',
  setup(build) {
    build.onStart(() => console.log('[watch] build started'));
    build.onEnd((result) => {
      for (const { text, location } of result.errors) {
        console.error(`✘ [ERROR] ${text}`);
        if (location) console.error(`    ${location.file}:${location.line}:${location.column}:`);
      }
      console.log('[watch] build finished');
    });
  },
};

/**
 * The web page and Markdown readers (src/core/formats) are bundles of their own beside the others
 * (dist/readers/), required or imported on first use: a plain-text comparison never loads their
 * parsers, and the CLI starts as fast as without them (bundled in, its start-up took ~30 ms more).
 */
const READERS = /(^|[\\/])(html[\\/]htmlReader|markdown[\\/]markdownReader)$/;
const lazyReaders = {
  name: 'lazy-readers',
  setup(build) {
    build.onResolve({ filter: READERS }, (args) =>
      args.kind === 'entry-point' ? undefined : { path: `./readers/${path.basename(args.path)}.js`, external: true });
  },
};

const node = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  minify: production,
  sourcemap: !production,
  sourcesContent: false,
  logLevel: 'warning',
  // The watch markers are for the problem matcher of `npm run watch`; one-off builds (npm test, demo) stay quiet.
  plugins: watch ? [problemMatcher, lazyReaders] : [lazyReaders],
};

const builds = [
  { ...node, entryPoints: ['src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['src/vscode/worker/comparisonWorker.ts'], outfile: 'dist/worker.js' },
  { ...node, entryPoints: ['src/vscode/worker/archiveWorker.ts'], outfile: 'dist/archiveWorker.js' },
  // The CLI's quote thread: a small entry (dist/quoteWorker.js) that starts the worker program
  // (dist/quoteWorkerMain.js) from V8's code cache, as the CLI's launcher does.
  { ...node, entryPoints: ['src/cli/quoteThread/quoteWorkerLaunch.ts'], outfile: 'dist/quoteWorker.js' },
  { ...node, entryPoints: ['src/cli/quoteThread/quoteWorker.ts'], outfile: 'dist/quoteWorkerMain.js' },
  // The CLI: a small launcher (dist/cli.js) that starts the program (dist/cliMain.js, or for `find` and
  // `passages` that command alone, dist/cliFind.js and dist/cliPassages.js) from V8's code cache.
  { ...node, entryPoints: ['src/cli/launch.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...node, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cliMain.js' },
  { ...node, entryPoints: ['src/cli/findMain.ts'], outfile: 'dist/cliFind.js' },
  { ...node, entryPoints: ['src/cli/passagesMain.ts'], outfile: 'dist/cliPassages.js' },
  { ...node, entryPoints: ['src/core/formats/html/htmlReader.ts'], outfile: 'dist/readers/htmlReader.js' },
  { ...node, entryPoints: ['src/core/formats/markdown/markdownReader.ts'], outfile: 'dist/readers/markdownReader.js' },
  {
    ...node,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['media/src/main.ts'],
    outfile: 'media/dist/webview.js',
  },
  // The view of three or more articles: a page of its own (media/src/many/), its own bundle.
  {
    ...node,
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
    entryPoints: ['media/src/many/main.ts'],
    outfile: 'media/dist/manyWebview.js',
  },
  // Loaded by the extension host through extensionTestsPath; mocha stays external (the host resolves it).
  { ...node, entryPoints: ['test/integration/index.ts'], outfile: 'dist/test/integration.js', external: ['vscode', 'mocha'] },
].filter((options) => options.entryPoints.every((entry) => fs.existsSync(entry)));

/** Codicons are served from media/ like every other webview resource (localResourceRoots is media/ only). */
function copyCodicons() {
  const from = path.dirname(require.resolve('@vscode/codicons/dist/codicon.css'));
  const to = path.join(__dirname, 'media', 'dist', 'codicons');
  fs.mkdirSync(to, { recursive: true });
  for (const file of ['codicon.css', 'codicon.ttf']) fs.copyFileSync(path.join(from, file), path.join(to, file));
}

async function main() {
  copyCodicons();
  if (watch) {
    const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
    await Promise.all(contexts.map((context) => context.watch()));
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
  if (fs.existsSync('dist/cli.js')) fs.chmodSync('dist/cli.js', 0o755);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
