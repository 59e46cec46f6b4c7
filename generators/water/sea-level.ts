/**
 * The sea level that floods a given share of the map: the height quantile at that share.
 * Measured on the terrain after erosion, so `water.sea: 0.5` really puts half the map under water.
 */
export function seaLevelForCoverage(heights: Float32Array, coverage: number): number | null {
  if (coverage <= 0) return null;
  const stride = Math.max(1, Math.floor(heights.length / 250_000));
  const sample = new Float32Array(Math.ceil(heights.length / stride));
  for (let i = 0, j = 0; i < heights.length; i += stride, j++) sample[j] = heights[i];
  sample.sort();
  const index = Math.min(sample.length - 1, Math.max(0, Math.round(coverage * (sample.length - 1))));
  return sample[index];
}
