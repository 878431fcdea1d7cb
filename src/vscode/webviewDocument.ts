/**
 * The HTML document of a comparison page, one for both pages: a strict Content-Security-Policy (the
 * one script allowed by a fresh nonce; styles, fonts and images only from the extension), the style
 * sheets, the page's static body, then its script. Article text never enters this document: the
 * page receives it as messages and sets it as text.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'media')], enableFindWidget: true };
}

/** Paths under `media/`: each style sheet, and the script. */
export interface PageShell {
  styles: string[][];
  body: string;
  script: string[];
}

export function webviewDocument(webview: vscode.Webview, extensionUri: vscode.Uri, { styles, body, script }: PageShell): string {
  const nonce = randomBytes(16).toString('base64');
  const media = (path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', ...path)).toString();
  const csp = webview.cspSource;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${csp}; font-src ${csp}; img-src ${csp}; script-src 'nonce-${nonce}';">
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${styles.map((path) => `<link rel="stylesheet" href="${media(path)}">`).join('\n')}
<title>Compare Sources</title>
</head>
<body>
${body}
<script nonce="${nonce}" src="${media(script)}"></script>
</body>
</html>`;
}

/**
 * Makes `panel` (new, or restored after a reload) a comparison page: its options and icon, the
 * listeners given, and only then its document, so that the page's first message finds them.
 */
export function loadPage(panel: vscode.WebviewPanel, extensionUri: vscode.Uri, shell: PageShell, listen: (panel: vscode.WebviewPanel) => vscode.Disposable[]): vscode.Disposable[] {
  panel.webview.options = webviewOptions(extensionUri);
  panel.iconPath = vscode.Uri.joinPath(extensionUri, 'media', 'icons', 'compare-sources.svg');
  const listeners = listen(panel);
  panel.webview.html = webviewDocument(panel.webview, extensionUri, shell);
  return listeners;
}
