/** A share as a whole percentage; one decimal below 1%, and `<0.1%` below that, so that a small share never reads as none. */
export function percent(share: number): string {
  if (share > 0 && share < 0.001) return '<0.1%';
  return `${(share * 100).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`;
}
