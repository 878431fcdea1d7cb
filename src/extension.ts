import * as vscode from 'vscode';

// Placeholder composition root: the extension issue wires commands, views and decorations here.
export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('compareSources.compare', () => undefined));
}

export function deactivate(): void {}
