// `npm run test:desktop`: the integration suite (dist/test/integration.js) in desktop VS Code through
// @vscode/test-electron, for machines that can download VS Code from update.code.visualstudio.com.
// The default test host here is code-server (scripts/run-integration.mjs): no download needed.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runTests } from '@vscode/test-electron';

const root = fileURLToPath(new URL('..', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'compare-sources-desktop-'));
const workspace = join(scratch, 'workspace');
for (const file of ['harbour-wire.txt', 'harbour-herald.txt']) cpSync(join(root, 'examples', file), join(workspace, file));

let code = 1;
try {
  code = await runTests({
    version: process.env.VSCODE_VERSION ?? '1.100.3', // the version code-server bundles: same API as the default host
    extensionDevelopmentPath: root,
    extensionTestsPath: join(root, 'dist', 'test', 'integration.js'),
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', join(scratch, 'user-data')],
    extensionTestsEnv: { COMPARE_SOURCES_TEST_RESULTS: join(scratch, 'results.json') },
  });
} catch (error) {
  console.error(`desktop VS Code tests failed: ${error?.message ?? error}`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
process.exit(code === 0 ? 0 : 1);
