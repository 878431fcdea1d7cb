/** A share as a whole percentage; one decimal below 1%, so that a small share never reads as none. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}
