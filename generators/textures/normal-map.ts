/**
 * Height → tangent-space normal map, OpenGL convention (the one glTF uses): +X to the right,
 * +Y up the image (towards row 0), +Z out of the surface; encoded as (n + 1) / 2 in RGB. Engines
 * with DirectX-style normal maps (Unreal, and Unity's import default) flip green.
 *
 * Central differences wrap around the edges, so the normal map tiles exactly as the height does.
 */
export function normalsFromHeight(height: Float32Array, size: number, strength: number): Uint8Array {
  const out = new Uint8Array(size * size * 3);
  // Slopes in height units per pixel scale with the tile's resolution: keep the look the same at
  // every size by measuring slope per 1/512 of the tile.
  const k = (strength * size) / 512 / 2;
  for (let y = 0, i = 0; y < size; y++) {
    const up = ((y - 1 + size) % size) * size;
    const down = ((y + 1) % size) * size;
    const row = y * size;
    for (let x = 0; x < size; x++, i++) {
      const left = row + ((x - 1 + size) % size);
      const right = row + ((x + 1) % size);
      const nx = -(height[right] - height[left]) * k;
      const ny = (height[down + x] - height[up + x]) * k;
      const inv = 1 / Math.sqrt(nx * nx + ny * ny + 1);
      out[i * 3] = Math.round((nx * inv * 0.5 + 0.5) * 255);
      out[i * 3 + 1] = Math.round((ny * inv * 0.5 + 0.5) * 255);
      out[i * 3 + 2] = Math.round((inv * 0.5 + 0.5) * 255);
    }
  }
  return out;
}
