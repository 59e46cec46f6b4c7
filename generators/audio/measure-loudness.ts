/**
 * Loudness of interleaved stereo, after ITU-R BS.1770-4: K-weighting (a +4 dB high shelf near
 * 1.7 kHz, then a high-pass near 38 Hz — the standard's 48 kHz filters, re-derived for any rate
 * from their analogue prototypes as pyloudnorm does), mean square per 400 ms block with 75 %
 * overlap, the −70 LUFS absolute gate and the −10 LU relative gate. Also plain RMS and sample
 * peak. Good to a fraction of a dB for mastering a sound track; not a certified meter.
 */
import { Biquad } from './biquad.ts';

export interface Loudness {
  /** Integrated loudness, LUFS (−Infinity for silence). */
  integratedLufs: number;
  /** RMS over both channels, dBFS (a full-scale sine reads −3). */
  rmsDbfs: number;
  /** Largest absolute sample. */
  peak: number;
}

/** Loudness of interleaved stereo samples. */
export function measureLoudness(samples: Float32Array, sampleRate: number): Loudness {
  const frames = samples.length / 2;
  const left = new Float32Array(frames);
  const right = new Float32Array(frames);
  for (let i = 0; i < frames; i++) {
    left[i] = samples[2 * i];
    right[i] = samples[2 * i + 1];
  }
  return measureStereoLoudness(left, right, sampleRate);
}

/** Loudness of two channels (left unchanged). */
export function measureStereoLoudness(left: Float32Array, right: Float32Array, sampleRate: number): Loudness {
  const frames = left.length;
  const squares = new Float64Array(frames);
  let sumSquares = 0;
  let peak = 0;
  const channel = new Float32Array(frames);
  for (const source of [left, right]) {
    for (let i = 0; i < frames; i++) {
      const x = source[i];
      channel[i] = x;
      const a = Math.abs(x);
      if (a > peak) peak = a;
      sumSquares += x * x;
    }
    new Biquad().setHighShelf(1681.974450955533, 3.999843853973347, 0.7071752369554196, sampleRate).processBuffer(channel);
    Biquad.highpass(38.13547087602444, 0.5003270373238773, sampleRate).processBuffer(channel);
    for (let i = 0; i < frames; i++) squares[i] += channel[i] * channel[i];
  }
  const block = Math.round(0.4 * sampleRate);
  const hop = Math.round(0.1 * sampleRate);
  const prefix = new Float64Array(frames + 1);
  for (let i = 0; i < frames; i++) prefix[i + 1] = prefix[i] + squares[i];
  const blocks: number[] = [];
  if (frames < block) blocks.push(prefix[frames] / Math.max(1, frames));
  for (let start = 0; start + block <= frames; start += hop) blocks.push((prefix[start + block] - prefix[start]) / block);
  const lufs = (meanSquare: number): number => -0.691 + 10 * Math.log10(meanSquare);
  const absolute = blocks.filter((z) => lufs(z) > -70);
  const integrated = (list: number[]): number => (list.length === 0 ? -Infinity : lufs(list.reduce((s, z) => s + z, 0) / list.length));
  const relativeGate = integrated(absolute) - 10;
  return {
    integratedLufs: integrated(absolute.filter((z) => lufs(z) > relativeGate)),
    rmsDbfs: 10 * Math.log10(sumSquares / Math.max(1, 2 * frames)),
    peak,
  };
}
