// What an e2e scenario gets: a workbench page on its own copy of the sample articles, with the packaged
// extension installed, plus helpers for the workbench UI. The selectors are VS Code 1.100's; when an
// upgrade breaks one, fix it here once.
import type { Frame, FrameLocator, Page } from 'playwright-core';

export interface Scenario {
  /** Short kebab-case name: the screenshot folder and `--only <name>`. */
  name: string;
  /** Project-relative files copied into the scenario's workspace folder (default: the two sample articles). */
  files?: string[];
  /** Files made for the scenario, by name, written into its workspace folder beside `files`. */
  generatedFiles?(): Record<string, string>;
  timeoutMs?: number;
  run(context: ScenarioContext): Promise<void>;
}

export interface ScenarioContext {
  page: Page;
  workbench: Workbench;
  /** The scenario's workspace folder on disk (a throwaway copy). */
  workspace: string;
  extensionId: string;
  log(message: string): void;
  /**
   * Saves `<name>.png` of the workbench (or of `page`, another page of the scenario's browser) under
   * .test-artifacts/e2e/<scenario>/; `readme` also refreshes docs/images/<name>.png under `npm run screenshots`.
   */
  screenshot(name: string, options?: { readme?: boolean; page?: Page }): Promise<string>;
  /** Resolves with the activation line of the extension host log, rejects if activation failed or never happened. */
  waitForActivation(timeoutMs?: number): Promise<string>;
}

export const sampleArticles = ['examples/harbour-wire.txt', 'examples/harbour-herald.txt'];

/** The comparison page: the inner frame of the webview that holds the two article columns. */
export async function comparisonFrame(page: Page): Promise<Frame> {
  for (let attempt = 0; attempt < 50; attempt++) {
    for (const frame of page.frames()) {
      const found = await frame.evaluate(() => document.getElementById('article-a') !== null).catch(() => false);
      if (found) return frame;
    }
    await page.waitForTimeout(200);
  }
  throw new Error('the comparison webview never showed its article columns');
}

/** Opens two articles side by side and runs Compare Sources on them; the comparison view and its page. */
export async function compareSideBySide(context: ScenarioContext, left = 'harbour-wire.txt', right = 'harbour-herald.txt'): Promise<{ webview: FrameLocator; frame: Frame }> {
  const { workbench, log, waitForActivation } = context;
  await workbench.openSideBySide(left, right);
  await workbench.runCommand('Compare Sources: Compare Sources');
  log(await waitForActivation());
  const webview = await workbench.comparisonView();
  return { webview, frame: await comparisonFrame(workbench.page) };
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Workbench {
  constructor(readonly page: Page) {}

  async waitUntilReady(timeoutMs = 60000): Promise<void> {
    await this.page.waitForSelector('.monaco-workbench .part.activitybar', { timeout: timeoutMs });
    await this.page.waitForSelector('.monaco-workbench .part.statusbar', { timeout: timeoutMs });
  }

  /** Opens the command palette (F1) and types a filter; returns the labels of the rows it shows. */
  async paletteLabels(filter: string): Promise<string[]> {
    await this.openPalette('>' + filter);
    await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor({ timeout: 15000 });
    return (await this.page.locator('.quick-input-list .monaco-list-row .label-name').allTextContents()).map((label) => label.trim());
  }

  /**
   * Runs a command from the palette by its full label ("Category: Title", as the palette shows it).
   * The row must match the label exactly: several commands of one extension share words.
   */
  async runCommand(label: string): Promise<void> {
    await this.openPalette('>' + label);
    const exactLabel = this.page.locator('.label-name', { hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) });
    const row = this.page.locator('.quick-input-list .monaco-list-row', { has: exactLabel }).filter({ visible: true }).first();
    await row.waitFor({ timeout: 20000 });
    // The palette focuses its best match; Enter on it avoids clicking a row that is still animating in.
    const focused = this.page.locator('.quick-input-list .monaco-list-row.focused', { has: exactLabel });
    if ((await focused.count()) > 0) await this.page.keyboard.press('Enter');
    else await row.click();
  }

  /** Opens a workspace file through Quick Open (Go to File), and waits for its editor tab. */
  async openFile(name: string): Promise<void> {
    await this.openPalette(name);
    await this.page.locator('.quick-input-list .monaco-list-row', { hasText: name }).first().waitFor({ timeout: 15000 });
    await this.page.keyboard.press('Enter');
    await this.page.locator('.tabs-container .tab', { hasText: name }).first().waitFor({ timeout: 15000 });
    // The tab shows before the editor has loaded the file and taken focus; a focus arriving later
    // would make its group the active one again, under whatever was opened or split meanwhile.
    const group = this.page.locator('.editor-group-container.active', { has: this.page.locator('.tab.active', { hasText: name }) });
    await group.locator('.monaco-editor.focused .view-line').first().waitFor({ timeout: 15000 });
  }

  /** Shows `left` and `right` in two editor groups side by side, as a reader comparing them would. */
  async openSideBySide(left: string, right: string): Promise<void> {
    await this.openFile(left);
    // Split by its key, not through the palette (which, closing, hands focus back to where it was),
    // and wait for the new group's editor to hold the focus: a focus landing late in the first group
    // made `right` open beside `left` there, now and then (long-articles then typed into article A).
    await this.page.keyboard.press('Control+Backslash');
    const groups = this.page.locator('.editor-group-container');
    await groups.nth(1).and(this.page.locator('.active')).locator('.monaco-editor.focused').waitFor({ timeout: 15000 });
    await this.openFile(right);
    await groups.nth(1).locator('.tab.active', { hasText: right }).waitFor({ timeout: 15000 });
    await groups.nth(0).locator('.tab.active', { hasText: left }).waitFor({ timeout: 15000 });
  }

  /**
   * Gives the focus to the editor of group `group` (0-based) by its active tab: clicking the text
   * itself misses when the editor is scrolled, as a move through the comparison leaves it.
   */
  async focusEditor(group: number): Promise<void> {
    const container = this.page.locator('.editor-group-container').nth(group);
    await container.locator('.tab.active').click();
    await container.locator('.monaco-editor.focused').waitFor({ timeout: 15000 });
  }

  /**
   * In the QuickPick with checkboxes titled `title`, checks each of `files` (typing its name to find
   * it, then clicking its row, which toggles it), then accepts with Enter. What was checked before
   * stays checked; the picker's "N Selected" count says that each click took.
   */
  async checkInPicker(title: RegExp, files: readonly string[]): Promise<void> {
    const widget = this.page.locator('.quick-input-widget');
    await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 15000 });
    const input = widget.locator('.quick-input-box input');
    const selected = async () => Number(/(\d+)/.exec((await widget.locator('.quick-input-count').innerText().catch(() => '')) || '0')?.[1] ?? 0);
    for (const file of files) {
      await input.fill(file);
      const row = widget.locator('.quick-input-list .monaco-list-row', { hasText: file }).first();
      await row.waitFor({ timeout: 15000 });
      const before = await selected();
      await row.click();
      await widget.locator('.quick-input-count', { hasText: `${before + 1} Selected` }).waitFor({ timeout: 5000 });
    }
    await input.fill('');
    await this.page.keyboard.press('Enter');
  }

  async closeQuickInput(): Promise<void> {
    if (await this.page.locator('.quick-input-widget').isVisible()) await this.page.keyboard.press('Escape');
  }

  /** Texts of the notification toasts currently shown, with their severity. */
  /** The comparison webview's page, once it shows a comparison (its stats name the shared passages). */
  async comparisonView(timeoutMs = 30000): Promise<FrameLocator> {
    const webview = this.page.frameLocator('iframe.webview.ready').frameLocator('iframe#active-frame');
    await webview.locator('#stat-passages', { hasText: /shared passage/i }).waitFor({ timeout: timeoutMs });
    return webview;
  }

  async notifications(): Promise<{ severity: 'error' | 'warning' | 'info'; message: string }[]> {
    const items = this.page.locator('.notifications-toasts .notification-list-item');
    const result: { severity: 'error' | 'warning' | 'info'; message: string }[] = [];
    for (const item of await items.all()) {
      const message = (await item.locator('.notification-list-item-message').textContent())?.trim() ?? '';
      const icon = (await item.locator('.notification-list-item-icon').getAttribute('class')) ?? '';
      const severity = /codicon-error/.test(icon) ? 'error' : /codicon-warning/.test(icon) ? 'warning' : 'info';
      result.push({ severity, message });
    }
    return result;
  }

  private async openPalette(text: string): Promise<void> {
    await this.closeQuickInput();
    // Quick Open (Ctrl+P) with a leading '>' is the command palette; without it, Go to File.
    const input = this.page.locator('.quick-input-widget input');
    // A key pressed while a webview holds the focus reaches the workbench only once the page forwards
    // it, and on a loaded machine that press is now and then lost: press again rather than wait on it.
    for (let attempt = 1; ; attempt++) {
      await this.page.keyboard.press('Control+P');
      try {
        await input.waitFor({ state: 'visible', timeout: 5000 });
        break;
      } catch (error) {
        if (attempt === 3) throw error;
      }
    }
    await input.fill(text);
  }
}
