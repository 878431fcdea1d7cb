/**
 * Disjoint sets over `0 … size - 1` (union-find with path halving and union by size): how passage
 * pieces and quotes of many documents are grouped into clusters in near-linear time.
 */
export class DisjointSets {
  private readonly parent: Int32Array;
  private readonly size: Int32Array;

  constructor(count: number) {
    this.parent = Int32Array.from({ length: count }, (_, k) => k);
    this.size = new Int32Array(count).fill(1);
  }

  find(x: number): number {
    const { parent } = this;
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]];
      x = parent[x];
    }
    return x;
  }

  union(x: number, y: number): void {
    let rootX = this.find(x);
    let rootY = this.find(y);
    if (rootX === rootY) return;
    if (this.size[rootX] < this.size[rootY]) [rootX, rootY] = [rootY, rootX];
    this.parent[rootY] = rootX;
    this.size[rootX] += this.size[rootY];
  }

  /** The members of each set of at least `minSize` members, each set ascending, sets in order of their smallest member. */
  groups(minSize = 2): number[][] {
    const byRoot = new Map<number, number[]>();
    for (let x = 0; x < this.parent.length; x++) {
      const root = this.find(x);
      if (this.size[root] < minSize) continue;
      const members = byRoot.get(root);
      if (members) members.push(x);
      else byRoot.set(root, [x]);
    }
    return [...byRoot.values()];
  }
}
