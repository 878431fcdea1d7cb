// Smoke test of the host itself: the packaged manifest, activation and command registration as VS Code
// sees them. Feature tests (comparison, decorations, hovers, tree, panel) live in their own files.
import * as assert from 'assert';
import * as vscode from 'vscode';

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

  it('opens the workspace with both sample articles readable as documents', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder open');
    const wire = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'harbour-wire.txt'));
    const herald = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'harbour-herald.txt'));
    assert.match(wire.getText(), /\u201CBoth sides must be back at the table before the weekend,\u201D Ms Marlow said/);
    assert.match(herald.getText(), /"Both sides must be back at the table before the weekend," the harbour master added/);
  });
});
