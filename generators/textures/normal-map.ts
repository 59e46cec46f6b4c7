/**
 * Height → tangent-space normal map, OpenGL convention (the one glTF uses): +X to the right,
 * +Y up the image (towards row 0), +Z out of the surface; encoded as (n + 1) / 2 in RGB. Engines
 * with DirectX-style normal maps (Unreal, and Unity's import default) flip green.
 *
 * Central differences wrap around the edges, so the normal map tiles exactly as the height does.
 */
export function normalsFromHeight(height: Float32Array, size: number, strength: number): Uint8Array {
  // Uint8ClampedArray rounds and clamps on store; the bytes are returned as a plain Uint8Array.
  const out = new Uint8ClampedArray(size * size * 3);
  // Slopes in height units per pixel scale with the tile's resolution: keep the look the same at
  // every size by measuring slope per 1/512 of the tile.
  const k = (strength * size) / 512 / 2;
  const left = new Int32Array(size);
  const right = new Int32Array(size);
  for (let x = 0; x < size; x++) {
    left[x] = x === 0 ? size - 1 : x - 1;
    right[x] = x === size - 1 ? 0 : x + 1;
  }
  for (let y = 0, i = 0; y < size; y++) {
    const up = left[y] * size;
    const down = right[y] * size;
    const row = y * size;
    for (let x = 0; x < size; x++, i++) {
      const nx = -(height[row + right[x]] - height[row + left[x]]) * k;
      const ny = (height[down + x] - height[up + x]) * k;
      const inv = 127.5 / Math.sqrt(nx * nx + ny * ny + 1);
      out[i * 3] = nx * inv + 127.5;
      out[i * 3 + 1] = ny * inv + 127.5;
      out[i * 3 + 2] = inv + 127.5;
    }
  }
  return new Uint8Array(out.buffer);
}
