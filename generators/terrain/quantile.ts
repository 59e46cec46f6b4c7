/**
 * A quantile of a large grid of values, from an evenly spaced subsample of at most `samples`
 * values (sorted copy; the input is untouched). Deterministic, and fast enough to call per stage
 * on a 4097² grid.
 */
export function quantile(values: Float32Array, q: number, samples = 250_000): number {
  const stride = Math.max(1, Math.floor(values.length / samples));
  const sample = new Float32Array(Math.ceil(values.length / stride));
  for (let i = 0, j = 0; i < values.length; i += stride, j++) sample[j] = values[i];
  sample.sort();
  return sample[Math.min(sample.length - 1, Math.max(0, Math.round(q * (sample.length - 1))))];
}
