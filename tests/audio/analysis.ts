/** Measurements the sound track's tests make: energy, band energy, spectral centroid, chroma. */
import { monoOf, powerSpectrum } from '../../generators/audio/spectrum.ts';

export { monoOf };

export function rms(mono: Float32Array, fromSeconds: number, toSeconds: number, sampleRate: number): number {
  const a = Math.max(0, Math.round(fromSeconds * sampleRate));
  const b = Math.min(mono.length, Math.round(toSeconds * sampleRate));
  let sum = 0;
  for (let i = a; i < b; i++) sum += mono[i] * mono[i];
  return Math.sqrt(sum / Math.max(1, b - a));
}

/** Summed power spectrum of consecutive windows over [from, to) seconds. */
export function averageSpectrum(mono: Float32Array, fromSeconds: number, toSeconds: number, sampleRate: number, size = 4096): Float64Array {
  const total = new Float64Array(size / 2 + 1);
  for (let start = Math.round(fromSeconds * sampleRate); start + size <= Math.round(toSeconds * sampleRate); start += size / 2) {
    const p = powerSpectrum(mono, start, size);
    for (let k = 0; k < p.length; k++) total[k] += p[k];
  }
  return total;
}

export function bandEnergy(spectrum: Float64Array, sampleRate: number, lowHz: number, highHz: number): number {
  const binHz = sampleRate / (2 * (spectrum.length - 1));
  let sum = 0;
  for (let k = Math.ceil(lowHz / binHz); k <= Math.min(spectrum.length - 1, Math.floor(highHz / binHz)); k++) sum += spectrum[k];
  return sum;
}

export function spectralCentroid(spectrum: Float64Array, sampleRate: number): number {
  const binHz = sampleRate / (2 * (spectrum.length - 1));
  let weighted = 0;
  let total = 0;
  for (let k = 1; k < spectrum.length; k++) {
    weighted += k * binHz * spectrum[k];
    total += spectrum[k];
  }
  return weighted / total;
}

/** Energy per pitch class (0 = C) between 60 Hz and 2 kHz, normalised to unit length. */
export function chroma(spectrum: Float64Array, sampleRate: number): number[] {
  const binHz = sampleRate / (2 * (spectrum.length - 1));
  const classes = new Array<number>(12).fill(0);
  for (let k = Math.ceil(60 / binHz); k <= 2000 / binHz; k++) {
    const midi = 69 + 12 * Math.log2((k * binHz) / 440);
    classes[((Math.round(midi) % 12) + 12) % 12] += spectrum[k];
  }
  const length = Math.hypot(...classes);
  return classes.map((c) => c / length);
}

export function cosine(a: number[], b: number[]): number {
  return a.reduce((s, x, i) => s + x * b[i], 0) / (Math.hypot(...a) * Math.hypot(...b));
}

/** Energy of consecutive windows of `windowSeconds`, starting at `fromSeconds`. */
export function windowEnergies(mono: Float32Array, fromSeconds: number, count: number, windowSeconds: number, sampleRate: number): number[] {
  const size = Math.round(windowSeconds * sampleRate);
  const start = Math.round(fromSeconds * sampleRate);
  return Array.from({ length: count }, (_, w) => {
    let sum = 0;
    for (let i = start + w * size; i < start + (w + 1) * size; i++) if (i >= 0 && i < mono.length) sum += mono[i] * mono[i];
    return sum;
  });
}

/** RMS over both channels of interleaved stereo (decorrelated channels are not cancelled). */
export function stereoRms(interleaved: Float32Array, fromSeconds: number, toSeconds: number, sampleRate: number): number {
  const a = 2 * Math.max(0, Math.round(fromSeconds * sampleRate));
  const b = Math.min(interleaved.length, 2 * Math.round(toSeconds * sampleRate));
  let sum = 0;
  for (let i = a; i < b; i++) sum += interleaved[i] * interleaved[i];
  return Math.sqrt(sum / Math.max(1, b - a));
}
