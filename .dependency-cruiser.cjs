// The architecture's rules, checked by `npm run lint` (docs/architecture.md explains the parts).
// Every source file belongs to one part; each part may import only what its rules allow.
/** The VS Code API, as the extension host provides it (resolved to its types here). */
const VSCODE = '^(vscode$|node_modules/@types/vscode/)';
/** The declared parts; every file under src/ and media/ belongs to one. */
const PARTS = '^(src/extension\\.ts$|src/(core|cli|vscode|protocol)/|media/src/)';
const SOURCES = '^(src|media)/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycles',
      severity: 'error',
      comment: 'No import cycle, type-only imports included: each part reads in one direction.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'part-unknown',
      severity: 'error',
      comment: 'Every source file belongs to a declared part: src/extension.ts, src/core, src/cli, src/vscode, src/protocol or media/src.',
      from: { path: SOURCES, pathNot: PARTS },
      to: {},
    },
    {
      name: 'part-unknown-imported',
      severity: 'error',
      comment: 'A file outside the declared parts, imported from one.',
      from: {},
      to: { path: SOURCES, pathNot: PARTS },
    },
    {
      name: 'part-unknown-orphan',
      severity: 'error',
      comment: 'A file outside the declared parts that imports nothing and is imported by nothing.',
      from: { path: SOURCES, pathNot: PARTS, orphan: true },
      to: {},
    },
    {
      name: 'core-no-vscode',
      severity: 'error',
      comment: 'src/core is pure: it runs in Node, the extension host, a worker, the browser and the unit tests alike.',
      from: { path: '^src/core/' },
      to: { path: VSCODE },
    },
    {
      name: 'core-no-node-builtins',
      severity: 'error',
      comment: 'src/core uses no Node built-ins: callers pass data in.',
      from: { path: '^src/core/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'core-no-other-parts',
      severity: 'error',
      comment: 'src/core imports nothing of the project outside src/core.',
      from: { path: '^src/core/' },
      to: { path: SOURCES, pathNot: '^src/core/' },
    },
    {
      name: 'core-browser-safe-npm-only',
      severity: 'error',
      comment: 'src/core may use npm packages that run in a browser too (listed here once checked).',
      from: { path: '^src/core/' },
      to: {
        dependencyTypes: ['npm', 'npm-dev', 'npm-peer', 'npm-optional', 'npm-no-pkg', 'npm-unknown'],
        // The web page and Markdown readers' parsers (src/core/formats), loaded only when a document needs them.
        pathNot: ['^node_modules/(diff|htmlparser2|domhandler|entities|mdast-util-from-markdown|mdast-util-frontmatter|micromark-extension-frontmatter|@types/mdast)/', VSCODE],
      },
    },
    {
      name: 'media-no-vscode-wing',
      severity: 'error',
      comment: 'The webview script runs in the page: it reads the core and the protocol, never the extension host side.',
      from: { path: '^media/' },
      to: { path: '^(src/vscode/|src/cli/|src/extension\\.ts)' },
    },
    {
      name: 'media-no-vscode-module',
      severity: 'error',
      comment: 'The webview script runs in a browser: no vscode module.',
      from: { path: '^media/' },
      to: { path: VSCODE },
    },
    {
      name: 'media-no-node-builtins',
      severity: 'error',
      comment: 'The webview script runs in a browser: no Node built-ins.',
      from: { path: '^media/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'cli-no-vscode-wing',
      severity: 'error',
      comment: 'The CLI runs without VS Code: it never imports the vscode wing, the extension or the vscode module.',
      from: { path: '^src/cli/' },
      to: { path: ['^(src/vscode/|src/extension\\.ts)', VSCODE] },
    },
    {
      name: 'vscode-no-cli-or-media',
      severity: 'error',
      comment: 'The extension and the command line are two runtimes over one core: neither imports the other, and the page is only reached by message.',
      from: { path: '^(src/vscode/|src/extension\\.ts)' },
      to: { path: '^(src/cli/|media/)' },
    },
    {
      name: 'protocol-only-core',
      severity: 'error',
      comment: 'Boundary formats are shared by both sides of their boundary: they import only the core and each other.',
      from: { path: '^src/protocol/' },
      to: { path: '^(src/(cli|vscode)/|src/extension\\.ts|media/)' },
    },
    {
      name: 'protocol-no-node-builtins',
      severity: 'error',
      comment: 'Boundary formats compile into the webview bundle too: no Node built-ins.',
      from: { path: '^src/protocol/' },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'protocol-no-vscode',
      severity: 'error',
      comment: 'Boundary formats compile into the webview bundle too: no vscode module.',
      from: { path: '^src/protocol/' },
      to: { path: VSCODE },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that resolves to nothing.',
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    // Type-only imports count: a cycle through types is still a cycle for a reader.
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    exclude: { path: '^(dist|media/dist)/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default', 'types'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
