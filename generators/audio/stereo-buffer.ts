/**
 * Two channels of float samples — what every layer renders into — and the equal-power pan law
 * they share (−3 dB each side at the centre, so a sound keeps its loudness as it moves).
 */
export interface StereoBuffer {
  left: Float32Array;
  right: Float32Array;
}

export function createStereoBuffer(frameCount: number): StereoBuffer {
  return { left: new Float32Array(frameCount), right: new Float32Array(frameCount) };
}

/** Gains for a pan from −1 (left) through 0 (centre) to 1 (right). */
export function equalPowerPan(pan: number): { left: number; right: number } {
  const angle = ((Math.min(1, Math.max(-1, pan)) + 1) * Math.PI) / 4;
  return { left: Math.cos(angle), right: Math.sin(angle) };
}

/** Adds a mono sound into a stereo buffer at a frame offset, panned and scaled; clips at the ends. */
export function addPanned(target: StereoBuffer, sound: Float32Array, offset: number, gain: number, pan: number): void {
  const { left, right } = equalPowerPan(pan);
  const gl = gain * left;
  const gr = gain * right;
  const from = Math.max(0, -offset);
  const to = Math.min(sound.length, target.left.length - offset);
  for (let i = from; i < to; i++) {
    const x = sound[i];
    target.left[offset + i] += x * gl;
    target.right[offset + i] += x * gr;
  }
}

/** Multiplies both channels by a per-frame gain curve. */
export function applyGainCurve(buffer: StereoBuffer, curve: Float32Array): void {
  const { left, right } = buffer;
  for (let i = 0; i < left.length; i++) {
    left[i] *= curve[i];
    right[i] *= curve[i];
  }
}

export function addInto(target: StereoBuffer, source: StereoBuffer, gain: number): void {
  for (let i = 0; i < target.left.length; i++) {
    target.left[i] += source.left[i] * gain;
    target.right[i] += source.right[i] * gain;
  }
}

export function interleave(buffer: StereoBuffer, gain = 1): Float32Array {
  const out = new Float32Array(buffer.left.length * 2);
  for (let i = 0; i < buffer.left.length; i++) {
    out[2 * i] = buffer.left[i] * gain;
    out[2 * i + 1] = buffer.right[i] * gain;
  }
  return out;
}
