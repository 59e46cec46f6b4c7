/**
 * Peak signal-to-noise ratio of two 8-bit images of the same size and layout, over every sample:
 * 10 · log10(255² / MSE) dB. Identical images give Infinity; the evaluator caps each frame's PSNR
 * at PSNR_CAP_DB before averaging, so one perfect frame does not make a mean infinite.
 */
export const PSNR_CAP_DB = 100;

export function meanSquaredError(a: Uint8Array, b: Uint8Array): number {
  if (a.length !== b.length || a.length === 0) throw new RangeError(`Images differ in size (${a.length} and ${b.length} samples) or are empty.`);
  let sum = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d * d;
  }
  return sum / a.length;
}

export function psnr(a: Uint8Array, b: Uint8Array): number {
  const mse = meanSquaredError(a, b);
  return mse === 0 ? Infinity : 10 * Math.log10((255 * 255) / mse);
}
