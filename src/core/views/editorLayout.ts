/**
 * Where the comparison view goes in the editor area: in a row of its own across the full width,
 * below the editors, like a diff editor that needs both columns wide. Computed on the shape of VS
 * Code's `vscode.getEditorLayout` / `vscode.setEditorLayout` (orientation 0: groups side by side,
 * 1: stacked; a nested level turns the other way), so that the rule is tested here.
 */

export interface GroupLayout {
  groups?: GroupLayout[];
  size?: number;
}

export interface EditorLayout {
  orientation: 0 | 1;
  groups: GroupLayout[];
}

/** The editors' groups as they were, in a top row taking `1 - share` of the height, and a new full-width row below with `share`. */
export function withRowBelow(layout: EditorLayout, share: number): EditorLayout {
  const groups = layout.groups.length > 0 ? layout.groups : [{}];
  if (layout.orientation === 1) {
    // Already stacked: the new row is one more at the bottom; the others share what is left as they did.
    const sizes = groups.map((group) => group.size ?? 1);
    const total = sizes.reduce((sum, size) => sum + size, 0) || 1;
    return { orientation: 1, groups: [...groups.map((group, index) => ({ ...group, size: (sizes[index] / total) * (1 - share) })), { size: share }] };
  }
  return { orientation: 1, groups: [{ groups, size: 1 - share }, { size: share }] };
}

/** How many editor groups a layout holds. */
export function groupCount(layout: EditorLayout | GroupLayout): number {
  const groups = layout.groups ?? [];
  return groups.length === 0 ? 1 : groups.reduce((sum, group) => sum + groupCount(group), 0);
}
