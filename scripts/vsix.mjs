// Packages the current dist/ into a .vsix (the same flags as `npm run package`, minus its production build:
// the tests package exactly the bundles they just built).
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { PROJECT_ROOT } from './codeServer.mjs';

const require = createRequire(import.meta.url);

export function packageVsix(outFile) {
  execFileSync(process.execPath, [require.resolve('@vscode/vsce/vsce'), 'package', '--no-dependencies',
    '--allow-missing-repository', '--no-rewrite-relative-links', '-o', outFile],
  { cwd: PROJECT_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  return outFile;
}
