/**
 * A* over a coarse cost grid (8 neighbours, diagonal steps √2 long), for walkable paths between
 * places. Costs per cell: 1 on level ground, rising with the square of the slope; Infinity where
 * no one can walk (water, buildings). The heuristic is straight-line distance × the cheapest cell
 * cost, so paths are optimal.
 */

export interface CostGrid {
  nx: number;
  nz: number;
  /** Metres per cell. */
  cell: number;
  /** World position of cell (0, 0)'s centre. */
  originX: number;
  originZ: number;
  /** Cost per cell, ≥ 1, or Infinity for impassable. */
  cost: Float32Array;
}

export function cellOf(grid: CostGrid, x: number, z: number): number {
  const ix = Math.min(grid.nx - 1, Math.max(0, Math.round((x - grid.originX) / grid.cell)));
  const iz = Math.min(grid.nz - 1, Math.max(0, Math.round((z - grid.originZ) / grid.cell)));
  return iz * grid.nx + ix;
}

export function cellCentre(grid: CostGrid, c: number): { x: number; z: number } {
  const ix = c % grid.nx;
  return { x: grid.originX + ix * grid.cell, z: grid.originZ + ((c - ix) / grid.nx) * grid.cell };
}

/**
 * The cell nearest `start` that `accept`s, searching outward ring by ring up to `maxRing` cells
 * (nearest by straight distance within the first ring that has one), or −1.
 */
export function nearestCellWhere(grid: CostGrid, start: number, accept: (cell: number) => boolean, maxRing = Math.max(grid.nx, grid.nz)): number {
  if (accept(start)) return start;
  const sx = start % grid.nx;
  const sz = (start - sx) / grid.nx;
  for (let r = 1; r <= maxRing; r++) {
    let best = -1;
    let bestDistance = Infinity;
    for (let dz = -r; dz <= r; dz++) {
      for (let dx = -r; dx <= r; dx++) {
        if (Math.max(Math.abs(dx), Math.abs(dz)) !== r) continue;
        const x = sx + dx;
        const z = sz + dz;
        if (x < 0 || z < 0 || x >= grid.nx || z >= grid.nz) continue;
        const c = z * grid.nx + x;
        if (dx * dx + dz * dz < bestDistance && accept(c)) {
          bestDistance = dx * dx + dz * dz;
          best = c;
        }
      }
    }
    if (best >= 0) return best;
  }
  return -1;
}

const DX = [-1, 0, 1, -1, 1, -1, 0, 1];
const DZ = [-1, -1, -1, 0, 0, 1, 1, 1];

/** Cell indices from `start` to `goal`, or null when the goal cannot be reached. */
export function findPath(grid: CostGrid, start: number, goal: number): number[] | null {
  const n = grid.nx * grid.nz;
  const g = new Float64Array(n).fill(Infinity);
  const came = new Int32Array(n).fill(-1);
  const closed = new Uint8Array(n);
  const heap = new MinHeap();
  const gx = goal % grid.nx;
  const gz = (goal - gx) / grid.nx;
  const heuristic = (c: number) => {
    const cx = c % grid.nx;
    const cz = (c - cx) / grid.nx;
    return Math.hypot(cx - gx, cz - gz);
  };
  g[start] = 0;
  heap.push(heuristic(start), start);
  while (heap.size > 0) {
    const c = heap.pop();
    if (c === goal) break;
    if (closed[c]) continue;
    closed[c] = 1;
    const cx = c % grid.nx;
    const cz = (c - cx) / grid.nx;
    for (let k = 0; k < 8; k++) {
      const x = cx + DX[k];
      const z = cz + DZ[k];
      if (x < 0 || z < 0 || x >= grid.nx || z >= grid.nz) continue;
      const d = z * grid.nx + x;
      const step = grid.cost[d];
      if (!Number.isFinite(step) || closed[d]) continue;
      const length = DX[k] !== 0 && DZ[k] !== 0 ? Math.SQRT2 : 1;
      const candidate = g[c] + length * (step + grid.cost[c]) * 0.5;
      if (candidate < g[d]) {
        g[d] = candidate;
        came[d] = c;
        heap.push(candidate + heuristic(d), d);
      }
    }
  }
  if (!Number.isFinite(g[goal])) return null;
  const path = [goal];
  for (let c = goal; c !== start; ) {
    c = came[c];
    path.push(c);
  }
  return path.reverse();
}

/** Binary min-heap of (priority, value); ties pop first-in first-out, so searches are deterministic. */
class MinHeap {
  private keys: number[] = [];
  private values: number[] = [];
  private order: number[] = [];
  private counter = 0;
  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const seq = this.counter++;
    let i = this.keys.length;
    this.keys.push(key);
    this.values.push(value);
    this.order.push(seq);
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) break;
      this.swap(i, parent);
      i = parent;
    }
  }

  pop(): number {
    const top = this.values[0];
    const last = this.keys.length - 1;
    this.swap(0, last);
    this.keys.pop();
    this.values.pop();
    this.order.pop();
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.keys.length && this.less(l, m)) m = l;
      if (r < this.keys.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return top;
  }

  private less(a: number, b: number): boolean {
    return this.keys[a] < this.keys[b] || (this.keys[a] === this.keys[b] && this.order[a] < this.order[b]);
  }

  private swap(a: number, b: number): void {
    [this.keys[a], this.keys[b]] = [this.keys[b], this.keys[a]];
    [this.values[a], this.values[b]] = [this.values[b], this.values[a]];
    [this.order[a], this.order[b]] = [this.order[b], this.order[a]];
  }
}
