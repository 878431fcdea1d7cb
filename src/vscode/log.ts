import * as vscode from 'vscode';

/** The extension's one output channel; details of failures go here, users get short notifications. */
export function createLog(): vscode.LogOutputChannel {
  return vscode.window.createOutputChannel('Compare Sources', { log: true });
}
