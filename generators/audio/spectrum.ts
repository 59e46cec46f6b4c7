/**
 * Power spectra for looking at and checking the sound track (the spectrogram sheet, the tests):
 * a Hann-windowed radix-2 FFT of one window of a mono signal. Not used to make sound.
 */

/** |X(k)|² for k = 0 … size/2 of signal[from … from + size) (zeros past the end); size a power of two. */
export function powerSpectrum(signal: Float32Array, from: number, size: number): Float64Array {
  if (size < 2 || (size & (size - 1)) !== 0) throw new RangeError(`powerSpectrum: size ${size} is not a power of two`);
  const re = new Float64Array(size);
  const im = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    const j = from + i;
    const x = j >= 0 && j < signal.length ? signal[j] : 0;
    re[i] = x * (0.5 - 0.5 * Math.cos((2 * Math.PI * i) / size));
  }
  fft(re, im);
  const power = new Float64Array(size / 2 + 1);
  for (let k = 0; k <= size / 2; k++) power[k] = re[k] * re[k] + im[k] * im[k];
  return power;
}

/** The left and right channels of interleaved stereo, averaged. */
export function monoOf(interleaved: Float32Array): Float32Array {
  const mono = new Float32Array(interleaved.length / 2);
  for (let i = 0; i < mono.length; i++) mono[i] = 0.5 * (interleaved[2 * i] + interleaved[2 * i + 1]);
  return mono;
}

/** In-place iterative Cooley–Tukey. */
function fft(re: Float64Array, im: Float64Array): void {
  const n = re.length;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      [re[i], re[j]] = [re[j], re[i]];
      [im[i], im[j]] = [im[j], im[i]];
    }
  }
  for (let length = 2; length <= n; length <<= 1) {
    const angle = (-2 * Math.PI) / length;
    const wr = Math.cos(angle);
    const wi = Math.sin(angle);
    for (let start = 0; start < n; start += length) {
      let cr = 1;
      let ci = 0;
      for (let k = 0; k < length / 2; k++) {
        const a = start + k;
        const b = a + length / 2;
        const tr = re[b] * cr - im[b] * ci;
        const ti = re[b] * ci + im[b] * cr;
        re[b] = re[a] - tr;
        im[b] = im[a] - ti;
        re[a] += tr;
        im[a] += ti;
        const next = cr * wr - ci * wi;
        ci = cr * wi + ci * wr;
        cr = next;
      }
    }
  }
}
