/**
 * A second-order IIR filter (transposed direct form II) with Robert Bristow-Johnson's "Audio EQ
 * Cookbook" coefficients. Every bed, footstep and pad filters through these; coefficients can be
 * changed between samples (the wind moves its band every block) without clicks at these rates.
 */
export class Biquad {
  private b0 = 1;
  private b1 = 0;
  private b2 = 0;
  private a1 = 0;
  private a2 = 0;
  private z1 = 0;
  private z2 = 0;

  static lowpass(frequency: number, q: number, sampleRate: number): Biquad {
    return new Biquad().setLowpass(frequency, q, sampleRate);
  }

  static highpass(frequency: number, q: number, sampleRate: number): Biquad {
    return new Biquad().setHighpass(frequency, q, sampleRate);
  }

  static bandpass(frequency: number, q: number, sampleRate: number): Biquad {
    return new Biquad().setBandpass(frequency, q, sampleRate);
  }

  setLowpass(frequency: number, q: number, sampleRate: number): this {
    const { cos, alpha } = angles(frequency, q, sampleRate);
    return this.set((1 - cos) / 2, 1 - cos, (1 - cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  setHighpass(frequency: number, q: number, sampleRate: number): this {
    const { cos, alpha } = angles(frequency, q, sampleRate);
    return this.set((1 + cos) / 2, -(1 + cos), (1 + cos) / 2, 1 + alpha, -2 * cos, 1 - alpha);
  }

  /** Band-pass with 0 dB at the centre. */
  setBandpass(frequency: number, q: number, sampleRate: number): this {
    const { cos, alpha } = angles(frequency, q, sampleRate);
    return this.set(alpha, 0, -alpha, 1 + alpha, -2 * cos, 1 - alpha);
  }

  /** High shelf with shelf slope given as Q (BS.1770's K-weighting is one). */
  setHighShelf(frequency: number, gainDb: number, q: number, sampleRate: number): this {
    const a = Math.pow(10, gainDb / 40);
    const { cos, alpha } = angles(frequency, q, sampleRate);
    const s = 2 * Math.sqrt(a) * alpha;
    return this.set(
      a * (a + 1 + (a - 1) * cos + s),
      -2 * a * (a - 1 + (a + 1) * cos),
      a * (a + 1 + (a - 1) * cos - s),
      a + 1 - (a - 1) * cos + s,
      2 * (a - 1 - (a + 1) * cos),
      a + 1 - (a - 1) * cos - s,
    );
  }

  process(x: number): number {
    const y = this.b0 * x + this.z1;
    this.z1 = this.b1 * x - this.a1 * y + this.z2;
    this.z2 = this.b2 * x - this.a2 * y;
    return y;
  }

  /** Filters `input` into `output` (they may be the same array). */
  processBuffer(input: Float32Array, output: Float32Array = input): Float32Array {
    this.processRange(input, output, 0, input.length);
    return output;
  }

  /** Filters input[from … to) into the same places of `output` (which may be `input`). */
  processRange(input: Float32Array, output: Float32Array, from: number, to: number): void {
    const { b0, b1, b2, a1, a2 } = this;
    let z1 = this.z1;
    let z2 = this.z2;
    for (let i = from; i < to; i++) {
      const x = input[i];
      const y = b0 * x + z1;
      z1 = b1 * x - a1 * y + z2;
      z2 = b2 * x - a2 * y;
      output[i] = y;
    }
    this.z1 = z1;
    this.z2 = z2;
  }

  private set(b0: number, b1: number, b2: number, a0: number, a1: number, a2: number): this {
    this.b0 = b0 / a0;
    this.b1 = b1 / a0;
    this.b2 = b2 / a0;
    this.a1 = a1 / a0;
    this.a2 = a2 / a0;
    return this;
  }
}

function angles(frequency: number, q: number, sampleRate: number): { cos: number; alpha: number } {
  const f = Math.min(Math.max(frequency, 1), sampleRate * 0.49);
  const w = (2 * Math.PI * f) / sampleRate;
  return { cos: Math.cos(w), alpha: Math.sin(w) / (2 * q) };
}
