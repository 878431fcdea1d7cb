/**
 * Text from outside (file names, paths) for a label that renders `$(name)` as an icon: Quick Pick
 * items and the status bar. A file named `$(zap) notes.txt` would show a lightning bolt; with the
 * syntax escaped (`\$(zap)`, VS Code's own escape) it shows as written.
 */

// The icon syntax as VS Code reads it: a name of letters, digits and dashes, and an optional `~modifier`.
const ICON = /\$\([A-Za-z0-9-]+(?:~[A-Za-z]+)?\)/g;

export function escapeIcons(text: string): string {
  return text.replace(ICON, (icon) => `\\${icon}`);
}
