/**
 * Frames as users hold them (RGB uint8, rows top to bottom, H × W × 3) and as the step function
 * takes them (float32 planes, 3 × H × W, 0…1). Bytes go in as `byte / 255` in float32, as the
 * trainer divides; frames come out clamped to 0…1 and rounded to the nearest byte.
 */

const TO_FLOAT = Float32Array.from({ length: 256 }, (_, i) => i / 255);

/** Writes an RGB uint8 frame (H·W·3 bytes from `rgbOffset`) into `out` as three planes at `outOffset`. */
export function rgbToPlanes(rgb: Uint8Array, pixels: number, out: Float32Array, outOffset = 0, rgbOffset = 0): void {
  const g = outOffset + pixels;
  const b = outOffset + 2 * pixels;
  for (let p = 0, i = rgbOffset; p < pixels; p++, i += 3) {
    out[outOffset + p] = TO_FLOAT[rgb[i]];
    out[g + p] = TO_FLOAT[rgb[i + 1]];
    out[b + p] = TO_FLOAT[rgb[i + 2]];
  }
}

/** Three float planes (from `offset`) → an RGB uint8 frame. */
export function planesToRgb(planes: Float32Array, pixels: number, offset = 0, out: Uint8Array = new Uint8Array(pixels * 3)): Uint8Array {
  for (let c = 0; c < 3; c++) {
    const base = offset + c * pixels;
    for (let p = 0; p < pixels; p++) {
      const v = planes[base + p];
      // NaN and anything below 0 become 0; above 1 becomes 255.
      out[p * 3 + c] = v > 0 ? (v < 1 ? Math.round(v * 255) : 255) : 0;
    }
  }
  return out;
}
