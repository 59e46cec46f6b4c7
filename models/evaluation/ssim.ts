/**
 * Structural similarity (Wang, Bovik, Sheikh & Simoncelli 2004) of two 8-bit RGB images, computed
 * exactly as scikit-image's `structural_similarity(a, b, channel_axis=2, data_range=255)` with its
 * defaults: a 7 × 7 uniform window, K1 = 0.01 and K2 = 0.03 (C1 = (0.01·255)², C2 = (0.03·255)²),
 * sample (N − 1) variances and covariance, SSIM averaged over every window that lies wholly inside
 * the image, then over the three channels. A 7 × 7 window keeps 58 × 58 windows on a 64² frame,
 * where the paper's 11 × 11 Gaussian would keep only 54 × 54 and blur more of the small image.
 *
 * Window sums come from summed-area tables, so a frame costs O(H · W) whatever the window. The
 * tests hold it to scikit-image 0.26.0's values within 1e-12.
 */
export const SSIM_WINDOW = 7;
export const SSIM_K1 = 0.01;
export const SSIM_K2 = 0.03;

/** Mean SSIM of two interleaved 8-bit images (H × W × channels), per channel then averaged. */
export function ssim(a: Uint8Array, b: Uint8Array, width: number, height: number, channels = 3): number {
  if (a.length !== b.length || a.length !== width * height * channels) {
    throw new RangeError(`SSIM needs two ${width}×${height}×${channels} images (${width * height * channels} samples); got ${a.length} and ${b.length}.`);
  }
  if (width < SSIM_WINDOW || height < SSIM_WINDOW) throw new RangeError(`SSIM's ${SSIM_WINDOW}×${SSIM_WINDOW} window needs an image at least that large; got ${width}×${height}.`);
  const w1 = width + 1;
  const size = w1 * (height + 1);
  const sx = new Float64Array(size);
  const sy = new Float64Array(size);
  const sxx = new Float64Array(size);
  const syy = new Float64Array(size);
  const sxy = new Float64Array(size);
  const n = SSIM_WINDOW * SSIM_WINDOW;
  const unbias = n / (n - 1);
  const c1 = (SSIM_K1 * 255) ** 2;
  const c2 = (SSIM_K2 * 255) ** 2;
  let total = 0;
  for (let c = 0; c < channels; c++) {
    for (let y = 0; y < height; y++) {
      let rx = 0;
      let ry = 0;
      let rxx = 0;
      let ryy = 0;
      let rxy = 0;
      for (let x = 0; x < width; x++) {
        const i = (y * width + x) * channels + c;
        const va = a[i];
        const vb = b[i];
        rx += va;
        ry += vb;
        rxx += va * va;
        ryy += vb * vb;
        rxy += va * vb;
        const at = (y + 1) * w1 + x + 1;
        const up = y * w1 + x + 1;
        sx[at] = sx[up] + rx;
        sy[at] = sy[up] + ry;
        sxx[at] = sxx[up] + rxx;
        syy[at] = syy[up] + ryy;
        sxy[at] = sxy[up] + rxy;
      }
    }
    let sum = 0;
    for (let y = 0; y + SSIM_WINDOW <= height; y++) {
      for (let x = 0; x + SSIM_WINDOW <= width; x++) {
        const p = y * w1 + x;
        const q = y * w1 + x + SSIM_WINDOW;
        const r = (y + SSIM_WINDOW) * w1 + x;
        const s = (y + SSIM_WINDOW) * w1 + x + SSIM_WINDOW;
        const box = (t: Float64Array) => (t[s] - t[q] - t[r] + t[p]) / n;
        const ux = box(sx);
        const uy = box(sy);
        const vx = unbias * (box(sxx) - ux * ux);
        const vy = unbias * (box(syy) - uy * uy);
        const vxy = unbias * (box(sxy) - ux * uy);
        sum += ((2 * ux * uy + c1) * (2 * vxy + c2)) / ((ux * ux + uy * uy + c1) * (vx + vy + c2));
      }
    }
    total += sum / ((width - SSIM_WINDOW + 1) * (height - SSIM_WINDOW + 1));
  }
  return total / channels;
}
