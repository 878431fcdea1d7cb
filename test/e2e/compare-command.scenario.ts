// A reader opens the two sample articles side by side and runs F1 → Compare Sources: the command is in the
// palette, the packaged extension activates on it, VS Code shows no error, and the comparison view opens
// on the two articles with its figures.
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
    // The comparison view must appear (comparisonView fails when it does not), with both articles in it;
    // what each mark means is asserted by the other scenarios.
    const webview = await workbench.comparisonView();
    assert.deepStrictEqual(await webview.locator('.title').allInnerTexts(), ['harbour-wire.txt', 'harbour-herald.txt']);
    assert.match(await webview.locator('#share-b').innerText(), /% of harbour-herald\.txt is found in harbour-wire\.txt/);
    await page.keyboard.press('Control+B'); // hide the side bar: more room for the articles and the result
    await page.mouse.move(250, 16); // an empty spot of the title bar: no tooltip in the picture
    await page.waitForTimeout(1500);
    await screenshot('compare-sources', { readme: true });
  },
};
