// Smoke test of the host itself: the packaged manifest, activation and command registration as VS Code
// sees them. Feature tests (comparison, decorations, hovers, tree, panel) live in their own files.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateExtension } from './helpers';

const extensionId = 'compare-sources.compare-sources';

interface ContributedCommand {
  command: string;
  title: string;
}

describe('Extension host', () => {
  it('runs inside the VS Code version the manifest targets', () => {
    const [major, minor] = vscode.version.split('.').map(Number);
    assert.ok(major === 1 && minor >= 100, `VS Code ${vscode.version} is older than engines.vscode ^1.100.0`);
    console.log(`    host: ${vscode.env.appName} ${vscode.version}, uiKind=${vscode.env.uiKind}, node ${process.version}`);
  });

  it('finds the extension under development and activates it without error', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension, `${extensionId} is not loaded`);
    await extension.activate();
    assert.strictEqual(extension.isActive, true);
  });

  it('registers every command that package.json contributes', async () => {
    const extension = vscode.extensions.getExtension(extensionId);
    assert.ok(extension);
    await extension.activate();
    const contributed: ContributedCommand[] = extension.packageJSON.contributes.commands;
    assert.ok(contributed.some((entry) => entry.command === 'compareSources.compare'), 'compareSources.compare is not contributed');
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.map((entry) => entry.command).filter((command) => !registered.has(command));
    assert.deepStrictEqual(missing, [], 'contributed but never registered');
  });

  it('starts with nothing compared: no comparison, no panel, an empty Speakers tree with no badge', async () => {
    const api = await activateExtension();
    assert.strictEqual(api.comparison(), undefined);
    assert.strictEqual(api.panel(), undefined);
    assert.deepStrictEqual(api.speakerTree.getChildren(), []);
    assert.strictEqual(api.speakerView.badge, undefined);
  });
});
