// A reader opens the two sample articles side by side and runs F1 → Compare Sources: the command is in the
// palette, the packaged extension activates on it, and VS Code shows no error.
import * as assert from 'assert';
import { sampleArticles, type Scenario } from './harness';

export const compareCommand: Scenario = {
  name: 'compare-command',
  files: sampleArticles,
  async run({ page, workbench, log, screenshot, waitForActivation }) {
    await workbench.openSideBySide('harbour-wire.txt', 'harbour-herald.txt');
    await screenshot('articles-open');

    const labels = await workbench.paletteLabels('Compare Sources');
    log(`palette: ${JSON.stringify(labels)}`);
    assert.ok(labels.includes('Compare Sources: Compare Sources'), `Compare Sources is not in the palette: ${JSON.stringify(labels)}`);

    await workbench.runCommand('Compare Sources: Compare Sources');
    log(await waitForActivation());
    const errors = (await workbench.notifications()).filter((toast) => toast.severity === 'error');
    assert.deepStrictEqual(errors, [], 'the command raised an error notification');
    // Give the result a moment to render for the README image; what it shows is asserted by other scenarios.
    await page.locator('iframe.webview.ready').first().waitFor({ timeout: 10000 }).catch(() => log('no webview shown'));
    await page.keyboard.press('Control+B'); // hide the side bar: more room for the articles and the result
    await page.mouse.move(250, 16); // an empty spot of the title bar: no tooltip in the picture
    await page.waitForTimeout(1500);
    await screenshot('compare-sources', { readme: true });
  },
};
