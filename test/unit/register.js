// Lets mocha load the TypeScript unit tests directly: esbuild (already a dependency) transpiles each
// file on require, so the unit tests run the very sources in src/ without a separate compile step.
const { transformSync } = require('esbuild');
const fs = require('node:fs');

require.extensions['.ts'] = function compileTypeScript(module, filename) {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = transformSync(source, {
    loader: 'ts', format: 'cjs', target: 'node20', sourcemap: 'inline', sourcefile: filename,
    // `import()` of a sibling .ts module (a lazily loaded reader) becomes a `require` that this hook can compile.
    supported: { 'dynamic-import': false },
  });
  module._compile(code, filename);
};
