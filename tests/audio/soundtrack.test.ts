import { describe, expect, it } from 'vitest';
import { AudioError, encodeWav, measureLoudness, mixSoundtrack, SOUNDTRACK_STEMS, WAV_HEADER_BYTES } from '../../generators/audio/index.ts';
import { buildTimeline, walk } from './build-timeline.ts';

const SCENE = buildTimeline({
  shots: [
    { seconds: 2.5, mood: 'calm', ambience: { wind: 0.6, birds: 0.8 } },
    { seconds: 2, mood: 'tense', ambience: { rain: 1, wind: 0.4 }, transition: { kind: 'crossfade', seconds: 0.6 } },
    { seconds: 2.5, mood: 'mysterious', ambience: { water: 0.8, insects: 0.7 }, transition: { kind: 'fade', seconds: 0.8 } },
  ],
  footsteps: walk({ from: 0.3, to: 6.5, start: [-2, 0, 1], velocity: [0.6, 0, 0], surface: 'dirt' }),
});

describe('mixSoundtrack', () => {
  const a = mixSoundtrack(SCENE, { seed: 11 });

  it('gives exactly round(duration × rate) stereo frames', () => {
    expect(a.channels).toBe(2);
    expect(a.frameCount).toBe(Math.round(SCENE.durationSeconds * 48000));
    expect(a.samples.length).toBe(2 * a.frameCount);
    const odd = buildTimeline({ fps: 24, shots: [{ seconds: 1.25 }, { seconds: 0.5 }] });
    const small = mixSoundtrack(odd, { seed: 1, sampleRate: 44100 });
    expect(small.samples.length).toBe(2 * Math.round(odd.durationSeconds * 44100));
  });

  it('repeats itself bit for bit for the same timeline and seed, and differs for another seed', () => {
    const again = mixSoundtrack(SCENE, { seed: 11 });
    expect(Buffer.from(again.samples.buffer).equals(Buffer.from(a.samples.buffer))).toBe(true);
    const other = mixSoundtrack(SCENE, { seed: 12 });
    let differing = 0;
    for (let i = 0; i < other.samples.length; i++) if (other.samples[i] !== a.samples[i]) differing++;
    expect(differing).toBeGreaterThan(other.samples.length * 0.9);
  });

  it('has no NaN, stays under the 0.98 ceiling, fades in and out, and sits near its target loudness', () => {
    expect(a.samples.every(Number.isFinite)).toBe(true);
    const peak = peakOf(a.samples);
    expect(peak).toBeLessThanOrEqual(0.98);
    expect(peak).toBeGreaterThan(0.05);
    expect(a.samples[0]).toBe(0);
    expect(a.samples[a.samples.length - 1]).toBe(0);
    const loudness = measureLoudness(a.samples, 48000);
    expect(loudness.integratedLufs).toBeGreaterThan(-18);
    expect(loudness.integratedLufs).toBeLessThan(-14);
  });

  it('keeps the ceiling when the footsteps are right at the camera', () => {
    const loud = buildTimeline({ shots: [{ seconds: 2 }], footsteps: walk({ from: 0.2, to: 1.8, interval: 0.25, start: [0, 1.6, 4.8], surface: 'stone' }) });
    const s = mixSoundtrack(loud, { seed: 3, targetLufs: -8 });
    expect(peakOf(s.samples)).toBeLessThanOrEqual(0.98);
    expect(peakOf(s.samples)).toBeGreaterThan(0.85);
  });

  it('returns stems that are the layers of the mix', () => {
    const s = mixSoundtrack(SCENE, { seed: 11, stems: true });
    expect(Buffer.from(s.samples.buffer).equals(Buffer.from(a.samples.buffer))).toBe(true);
    expect(Object.keys(s.stems!).sort()).toEqual([...SOUNDTRACK_STEMS].sort());
    // Where the limiter and the edge fades rest, the mix is the sum of the stems.
    const i = 2 * Math.round(3.2 * 48000);
    const sum = SOUNDTRACK_STEMS.reduce((total, name) => total + s.stems![name][i], 0);
    if (Math.abs(sum) < 0.85) expect(s.samples[i]).toBeCloseTo(sum, 5);
  });

  it('refuses bad options and broken timelines with AudioErrors that say where', () => {
    expect(() => mixSoundtrack(SCENE, { seed: -1 })).toThrow(AudioError);
    expect(() => mixSoundtrack(SCENE, { seed: 1, sampleRate: 1000 })).toThrow(/sampleRate/);
    const broken = structuredClone(SCENE);
    broken.shots[1].ambience.rain = 2;
    broken.frames.pop();
    try {
      mixSoundtrack(broken, { seed: 1 });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AudioError);
      expect((error as AudioError).code).toBe('AUDIO_TIMELINE');
      expect((error as Error).message).toMatch(/shots\[1\].*ambience\.rain is 2/);
      expect((error as Error).message).toMatch(/one entry per frame/);
    }
  });
});

describe('encodeWav', () => {
  const track = mixSoundtrack(buildTimeline({ shots: [{ seconds: 0.5, ambience: { wind: 1 } }] }), { seed: 4 });
  const wav = encodeWav(track);
  const view = new DataView(wav.buffer, wav.byteOffset, wav.byteLength);
  const text = (offset: number): string => String.fromCharCode(...wav.subarray(offset, offset + 4));

  it('writes a 16-bit PCM RIFF/WAVE header and every sample', () => {
    expect(wav.length).toBe(WAV_HEADER_BYTES + track.frameCount * 2 * 2);
    expect(text(0)).toBe('RIFF');
    expect(view.getUint32(4, true)).toBe(wav.length - 8);
    expect(text(8)).toBe('WAVE');
    expect(text(12)).toBe('fmt ');
    expect(view.getUint32(16, true)).toBe(16);
    expect(view.getUint16(20, true)).toBe(1);
    expect(view.getUint16(22, true)).toBe(2);
    expect(view.getUint32(24, true)).toBe(48000);
    expect(view.getUint32(28, true)).toBe(48000 * 4);
    expect(view.getUint16(32, true)).toBe(4);
    expect(view.getUint16(34, true)).toBe(16);
    expect(text(36)).toBe('data');
    expect(view.getUint32(40, true)).toBe(track.frameCount * 4);
  });

  it('quantises to within the dither of the float samples, the same way every time', () => {
    for (let i = 0; i < track.samples.length; i += 97) {
      expect(Math.abs(view.getInt16(WAV_HEADER_BYTES + 2 * i, true) - track.samples[i] * 32767)).toBeLessThanOrEqual(1.5);
    }
    expect(Buffer.from(encodeWav(track)).equals(Buffer.from(wav))).toBe(true);
    expect(Buffer.from(encodeWav(track, { ditherSeed: 9 })).equals(Buffer.from(wav))).toBe(false);
  });
});

describe('measureLoudness', () => {
  it('reads a 1 kHz sine at −20 dBFS in both channels as −20 LUFS (BS.1770 calibration)', () => {
    const samples = new Float32Array(2 * 48000 * 3);
    for (let i = 0; i < samples.length / 2; i++) samples[2 * i] = samples[2 * i + 1] = 0.1 * Math.sin((2 * Math.PI * 997 * i) / 48000);
    const loudness = measureLoudness(samples, 48000);
    expect(loudness.integratedLufs).toBeCloseTo(-20, 0);
    expect(loudness.rmsDbfs).toBeCloseTo(-23.01, 1);
    expect(loudness.peak).toBeCloseTo(0.1, 3);
  });
});

function peakOf(samples: Float32Array): number {
  let peak = 0;
  for (const x of samples) peak = Math.max(peak, Math.abs(x));
  return peak;
}
