/**
 * Operations on size² float fields that keep them tileable: everything wraps around the edges.
 * Texture sizes are powers of two, so wrapping is a bit mask.
 */

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

/** Bilinear lookup at pixel coordinates (x, y) of a size² field, wrapping (size a power of two). */
export function sampleWrapped(field: Float32Array, size: number, x: number, y: number): number {
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const fx = x - x0;
  const fy = y - y0;
  const m = size - 1;
  const i0 = x0 & m;
  const i1 = (x0 + 1) & m;
  const r0 = (y0 & m) * size;
  const r1 = ((y0 + 1) & m) * size;
  const top = field[r0 + i0] + (field[r0 + i1] - field[r0 + i0]) * fx;
  return top + (field[r1 + i0] + (field[r1 + i1] - field[r1 + i0]) * fx - top) * fy;
}

/**
 * The sizes a family composes its broad form at: half the tile above 512² (a quarter of the
 * pixels, then enlarged with `resampleWrapped`), the tile itself at 512² and below; and the size
 * of the smooth noise fields sampled into it (at most 256²).
 */
export function formSizes(size: number): { half: number; small: number } {
  const half = size > 512 ? size / 2 : size;
  return { half, small: Math.min(half, 256) };
}

/** Enlarges a form's red, green and blue fields (n²) into an interleaved RGB layer (size²). */
export function enlargeColour(red: Float32Array, green: Float32Array, blue: Float32Array, n: number, size: number, albedo: Float32Array): void {
  resampleWrapped(red, n, size, albedo, 3, 0);
  resampleWrapped(green, n, size, albedo, 3, 1);
  resampleWrapped(blue, n, size, albedo, 3, 2);
}

/**
 * Resamples an n² field to size² (either way; both powers of two), bilinearly, wrapping, pixel
 * centres aligned — so a field drawn at a lower resolution and enlarged still tiles. Writes entry i
 * to out[i · stride + offset] (into a multi-channel layer, say) or returns a new field.
 */
export function resampleWrapped(field: Float32Array, n: number, size: number, out: Float32Array = new Float32Array(size * size), stride = 1, offset = 0): Float32Array {
  if (n === size) {
    for (let i = 0; i < size * size; i++) out[i * stride + offset] = field[i];
    return out;
  }
  const k = n / size;
  const m = n - 1;
  const c0 = new Int32Array(size);
  const c1 = new Int32Array(size);
  const t = new Float64Array(size);
  for (let x = 0; x < size; x++) {
    const f = (x + 0.5) * k - 0.5;
    const x0 = Math.floor(f);
    c0[x] = x0 & m;
    c1[x] = (x0 + 1) & m;
    t[x] = f - x0;
  }
  // Each output row: blend the two source rows once, then stretch the blend across.
  const row = new Float64Array(n);
  for (let y = 0, i = 0; y < size; y++) {
    const r0 = c0[y] * n;
    const r1 = c1[y] * n;
    const ty = t[y];
    for (let j = 0; j < n; j++) row[j] = field[r0 + j] + (field[r1 + j] - field[r0 + j]) * ty;
    for (let x = 0; x < size; x++, i++) {
      const a = row[c0[x]];
      out[i * stride + offset] = a + (row[c1[x]] - a) * t[x];
    }
  }
  return out;
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
    const row = (y & (size - 1)) * size;
    for (let x = x0; x <= x1; x++) {
      const dx = x + 0.5 - cx;
      if (dx * dx + dy * dy > r2) continue;
      visit(row + (x & (size - 1)), dx, dy);
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
  if (length2 < 1e-18) return;
  const inverseLength2 = 1 / length2;
  const inverseLength = Math.sqrt(inverseLength2);
  const minY = Math.floor(Math.min(y0, y1) - halfWidth);
  const maxY = Math.ceil(Math.max(y0, y1) + halfWidth);
  const boxMinX = Math.floor(Math.min(x0, x1) - halfWidth);
  const boxMaxX = Math.ceil(Math.max(x0, x1) + halfWidth);
  const m = size - 1;
  for (let y = minY; y <= maxY; y++) {
    const py = y + 0.5 - y0;
    // The row's span: where the band |across| ≤ halfWidth crosses this row (the whole box when the
    // segment runs along the row).
    let fromX = boxMinX;
    let toX = boxMaxX;
    if (Math.abs(ey) > 1e-9) {
      const reach = (halfWidth * Math.sqrt(length2)) / Math.abs(ey);
      const centre = x0 + (py * ex) / ey - 0.5;
      fromX = Math.max(boxMinX, Math.floor(centre - reach));
      toX = Math.min(boxMaxX, Math.ceil(centre + reach));
    }
    const row = (y & m) * size;
    for (let x = fromX; x <= toX; x++) {
      const px = x + 0.5 - x0;
      const t = (px * ex + py * ey) * inverseLength2;
      if (t < 0 || t > 1) continue;
      const across = (px * ey - py * ex) * inverseLength;
      if (across > halfWidth || across < -halfWidth) continue;
      visit(row + (x & m), t, across);
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
