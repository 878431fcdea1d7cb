/**
 * VS Code turns `[label](command:…)` in a notification into a link that runs the command. File
 * names (and errors quoting their paths) come from outside, so the link syntax is broken with a
 * zero-width space: `[x](command:…).txt` shows as written and runs nothing.
 */
export function notificationText(text: string): string {
  return text.replace(/\]\(/g, ']\u200b(');
}
