/**
 * Operations on size² float fields that keep them tileable: everything wraps around the edges.
 */

/** Rescales a field to 0..1 (a flat field becomes 0.5). */
export function normalize01(field: Float32Array): Float32Array {
  let min = Infinity;
  let max = -Infinity;
  for (const v of field) {
    if (v < min) min = v;
    if (v > max) max = v;
  }
  const span = max - min;
  for (let i = 0; i < field.length; i++) field[i] = span > 1e-12 ? (field[i] - min) / span : 0.5;
  return field;
}

/** A box blur of radius r pixels (wrapping), run `passes` times (3 passes ≈ Gaussian). */
export function blurWrapped(field: Float32Array, size: number, radius: number, passes = 2): Float32Array {
  let src = Float32Array.from(field);
  let dst = new Float32Array(field.length);
  const r = Math.min(Math.max(1, Math.round(radius)), Math.floor((size - 1) / 2));
  const inv = 1 / (2 * r + 1);
  const sums = new Float64Array(size);
  for (let pass = 0; pass < passes; pass++) {
    // Horizontal: a running sum along each row.
    for (let y = 0; y < size; y++) {
      const row = y * size;
      let sum = 0;
      for (let k = -r; k <= r; k++) sum += src[row + (k < 0 ? k + size : k)];
      for (let x = 0; x < size; x++) {
        dst[row + x] = sum * inv;
        let out = x - r;
        if (out < 0) out += size;
        let inn = x + r + 1;
        if (inn >= size) inn -= size;
        sum += src[row + inn] - src[row + out];
      }
    }
    [src, dst] = [dst, src];
    // Vertical: running sums of whole rows, so memory is read in order.
    sums.fill(0);
    for (let k = -r; k <= r; k++) {
      const row = (k < 0 ? k + size : k) * size;
      for (let x = 0; x < size; x++) sums[x] += src[row + x];
    }
    for (let y = 0; y < size; y++) {
      const row = y * size;
      for (let x = 0; x < size; x++) dst[row + x] = sums[x] * inv;
      let out = y - r;
      if (out < 0) out += size;
      let inn = y + r + 1;
      if (inn >= size) inn -= size;
      const outRow = out * size;
      const inRow = inn * size;
      for (let x = 0; x < size; x++) sums[x] += src[inRow + x] - src[outRow + x];
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** Bilinear lookup at pixel coordinates (x, y), wrapping. */
export function sampleWrapped(field: Float32Array, size: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const i0 = ((x0 % size) + size) % size;
  const j0 = ((y0 % size) + size) % size;
  const i1 = (i0 + 1) % size;
  const j1 = (j0 + 1) % size;
  const a = field[j0 * size + i0];
  const b = field[j0 * size + i1];
  const c = field[j1 * size + i0];
  const d = field[j1 * size + i1];
  const top = a + (b - a) * fx;
  return top + (c + (d - c) * fx - top) * fy;
}

/**
 * Calls `visit(index, dx, dy)` for every pixel within `radius` of (cx, cy), wrapping around the
 * edges: a stamp drawn near one edge continues on the opposite one. dx, dy are the offsets from
 * the centre in pixels.
 */
export function forEachInDisc(size: number, cx: number, cy: number, radius: number, visit: (index: number, dx: number, dy: number) => void): void {
  const r2 = radius * radius;
  const y0 = Math.floor(cy - radius);
  const y1 = Math.ceil(cy + radius);
  const x0 = Math.floor(cx - radius);
  const x1 = Math.ceil(cx + radius);
  for (let y = y0; y <= y1; y++) {
    const dy = y + 0.5 - cy;
    if (dy * dy > r2) continue;
    const row = (((y % size) + size) % size) * size;
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      if (dx * dx + dy * dy > r2) continue;
      visit(row + (((x % size) + size) % size), dx, dy);
    }
  }
}

/**
 * Calls `visit(index, along, across)` for pixels within `halfWidth` of the segment from (x0, y0)
 * to (x1, y1), wrapping; `along` runs 0..1 from start to end, `across` is the signed distance in
 * pixels. Blades, twigs, cracks, scratches.
 */
export function forEachNearSegment(
  size: number,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  halfWidth: number,
  visit: (index: number, along: number, across: number) => void,
): void {
  const ex = x1 - x0;
  const ey = y1 - y0;
  const length2 = ex * ex + ey * ey;
  const length = Math.sqrt(length2);
  if (length < 1e-9) return;
  const minX = Math.floor(Math.min(x0, x1) - halfWidth);
  const maxX = Math.ceil(Math.max(x0, x1) + halfWidth);
  const minY = Math.floor(Math.min(y0, y1) - halfWidth);
  const maxY = Math.ceil(Math.max(y0, y1) + halfWidth);
  for (let y = minY; y <= maxY; y++) {
    const row = (((y % size) + size) % size) * size;
    for (let x = minX; x <= maxX; x++) {
      const px = x + 0.5 - x0;
      const py = y + 0.5 - y0;
      const t = (px * ex + py * ey) / length2;
      if (t < 0 || t > 1) continue;
      const across = (px * ey - py * ex) / length;
      if (Math.abs(across) > halfWidth) continue;
      visit(row + (((x % size) + size) % size), t, across);
    }
  }
}

export function smoothstep(edge0: number, edge1: number, x: number): number {
  const t = Math.min(1, Math.max(0, (x - edge0) / (edge1 - edge0)));
  return t * t * (3 - 2 * t);
}

export function clamp01(x: number): number {
  return x < 0 ? 0 : x > 1 ? 1 : x;
}
