/**
 * Priority-flood (Barnes, Lehman & Mulla 2014, "+ε" variant): floods the grid inward from its
 * outlets in order of height, so every cell gets
 *  - a filled height with no pits: water can always run downhill to an outlet;
 *  - a receiver: the neighbour it drains into (−1 at outlets);
 *  - an order in which receivers always come before the cells that drain into them.
 * That order lets drainage area, stream-power erosion and river tracing run in one linear pass.
 *
 * Outlets are the grid's border plus any cell the caller marks (the sea). O(N log N) with a
 * binary heap on typed arrays; ties pop in insertion order, so results are deterministic.
 */

export interface FloodResult {
  filled: Float32Array;
  receivers: Int32Array;
  /** Cell indices from the outlets upward. */
  order: Int32Array;
}

const NEIGHBOURS_X = [-1, 0, 1, -1, 1, -1, 0, 1];
const NEIGHBOURS_Z = [-1, -1, -1, 0, 0, 1, 1, 1];

export function priorityFlood(
  heights: Float32Array,
  nx: number,
  nz: number,
  isOutlet?: (index: number) => boolean,
  epsilon = 1e-4,
): FloodResult {
  const n = nx * nz;
  const filled = new Float32Array(n);
  const receivers = new Int32Array(n).fill(-1);
  const order = new Int32Array(n);
  const closed = new Uint8Array(n);
  const heap = new HeightHeap(Math.max(16, 4 * (nx + nz)));

  for (let i = 0; i < n; i++) {
    const ix = i % nx;
    const iz = (i - ix) / nx;
    const border = ix === 0 || iz === 0 || ix === nx - 1 || iz === nz - 1;
    if (border || (isOutlet !== undefined && isOutlet(i))) {
      closed[i] = 1;
      filled[i] = heights[i];
      heap.push(heights[i], i);
    }
  }
  let count = 0;
  while (heap.size > 0) {
    const c = heap.pop();
    order[count++] = c;
    const cx = c % nx;
    const cz = (c - cx) / nx;
    const level = filled[c];
    for (let k = 0; k < 8; k++) {
      const x = cx + NEIGHBOURS_X[k];
      const z = cz + NEIGHBOURS_Z[k];
      if (x < 0 || z < 0 || x >= nx || z >= nz) continue;
      const j = z * nx + x;
      if (closed[j]) continue;
      closed[j] = 1;
      // Math.fround: compare in the precision the array stores, so ε survives on high ground.
      const raised = Math.fround(level + epsilon * (1 + Math.abs(level) * 1e-3));
      filled[j] = heights[j] > raised ? heights[j] : raised;
      receivers[j] = c;
      heap.push(filled[j], j);
    }
  }
  return { filled, receivers, order };
}

/** Drainage area per cell, in cells (each cell counts itself). */
export function drainageArea(flood: FloodResult): Float32Array {
  const area = new Float32Array(flood.order.length).fill(1);
  for (let k = flood.order.length - 1; k >= 0; k--) {
    const c = flood.order[k];
    const r = flood.receivers[c];
    if (r >= 0) area[r] += area[c];
  }
  return area;
}

/** A binary min-heap of (height, index) on typed arrays; equal heights pop first-in first-out. */
class HeightHeap {
  private keys: Float64Array;
  private values: Int32Array;
  private sequence: Float64Array;
  private counter = 0;
  size = 0;

  constructor(capacity: number) {
    this.keys = new Float64Array(capacity);
    this.values = new Int32Array(capacity);
    this.sequence = new Float64Array(capacity);
  }

  push(key: number, value: number): void {
    if (this.size === this.keys.length) this.grow();
    let i = this.size++;
    const seq = this.counter++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(key, seq, this.keys[parent], this.sequence[parent])) break;
      this.keys[i] = this.keys[parent];
      this.values[i] = this.values[parent];
      this.sequence[i] = this.sequence[parent];
      i = parent;
    }
    this.keys[i] = key;
    this.values[i] = value;
    this.sequence[i] = seq;
  }

  pop(): number {
    const top = this.values[0];
    const last = --this.size;
    const key = this.keys[last];
    const value = this.values[last];
    const seq = this.sequence[last];
    let i = 0;
    for (;;) {
      let child = 2 * i + 1;
      if (child >= last) break;
      if (child + 1 < last && this.less(this.keys[child + 1], this.sequence[child + 1], this.keys[child], this.sequence[child])) child++;
      if (!this.less(this.keys[child], this.sequence[child], key, seq)) break;
      this.keys[i] = this.keys[child];
      this.values[i] = this.values[child];
      this.sequence[i] = this.sequence[child];
      i = child;
    }
    this.keys[i] = key;
    this.values[i] = value;
    this.sequence[i] = seq;
    return top;
  }

  private less(ka: number, sa: number, kb: number, sb: number): boolean {
    return ka < kb || (ka === kb && sa < sb);
  }

  private grow(): void {
    const capacity = this.keys.length * 2;
    const keys = new Float64Array(capacity);
    const values = new Int32Array(capacity);
    const sequence = new Float64Array(capacity);
    keys.set(this.keys);
    values.set(this.values);
    sequence.set(this.sequence);
    this.keys = keys;
    this.values = values;
    this.sequence = sequence;
  }
}
