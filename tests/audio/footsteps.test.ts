import { describe, expect, it } from 'vitest';
import { mixSoundtrack } from '../../generators/audio/index.ts';
import { placeStep } from '../../generators/audio/footsteps.ts';
import { FOOTSTEP_SURFACES, type FootstepSurface } from '../../generators/shots/timeline.ts';
import { averageSpectrum, monoOf, rms, spectralCentroid, windowEnergies } from './analysis.ts';
import { buildTimeline, DEFAULT_CAMERA, walk } from './build-timeline.ts';

const SR = 48000;

function stepsOn(surface: FootstepSurface, seed = 5) {
  const timeline = buildTimeline({ shots: [{ seconds: 4, ambience: { wind: 0.5, insects: 0.3 } }], footsteps: walk({ from: 0.5, to: 3.5, start: [0, 0, 2], velocity: [0.3, 0, 0], surface }) });
  const track = mixSoundtrack(timeline, { seed, stems: true });
  return { timeline, mono: monoOf(track.stems!.footsteps), mix: monoOf(track.samples) };
}

describe('footsteps', () => {
  it.each(FOOTSTEP_SURFACES)('every step on %s is an onset within ±15 ms of its time', (surface) => {
    const { timeline, mono } = stepsOn(surface);
    for (const step of timeline.footsteps) {
      // 2.5 ms windows from 60 ms before the step: 18 before −15 ms, 12 inside ±15 ms.
      const energy = windowEnergies(mono, step.time - 0.06, 30, 0.0025, SR);
      const before = energy.slice(0, 18).reduce((s, e) => s + e, 0) / 18;
      const around = Math.max(...energy.slice(18, 30));
      expect(around).toBeGreaterThan(0);
      expect(around).toBeGreaterThan(100 * before);
    }
  });

  it.each(['dirt', 'stone', 'grass'] as const)('a step on %s 3 m away stands out of the whole mix at its time', (surface) => {
    const { timeline, mix } = stepsOn(surface);
    for (const step of timeline.footsteps) {
      expect(rms(mix, step.time, step.time + 0.015, SR)).toBeGreaterThan(2 * rms(mix, step.time - 0.05, step.time - 0.015, SR));
    }
  });

  it('sounds brighter on stone than on grass or sand', () => {
    const centroid = (surface: FootstepSurface): number => {
      const { timeline, mono } = stepsOn(surface);
      const values = timeline.footsteps.map((step) => spectralCentroid(averageSpectrum(mono, step.time, step.time + 0.2, SR, 2048), SR));
      return values.reduce((s, v) => s + v, 0) / values.length;
    };
    const stone = centroid('stone');
    expect(stone).toBeGreaterThan(1.3 * centroid('grass'));
    expect(stone).toBeGreaterThan(1.3 * centroid('sand'));
  });

  it('varies each step by the seed', () => {
    const { timeline, mono } = stepsOn('grass');
    const [a, b] = timeline.footsteps;
    const at = (t: number, k: number): number => mono[Math.round(t * SR) + k];
    let same = 0;
    for (let k = 0; k < 2000; k++) if (Math.abs(at(a.time, k) - at(b.time, k)) < 1e-6) same++;
    expect(same).toBeLessThan(200);
  });

  it('pans by where the step is in the view and fades with distance, silent past 60 m', () => {
    // The default camera stands at z = 5 looking toward −z: +x is to its right.
    const right = placeStep([3, 0, 0], DEFAULT_CAMERA);
    const left = placeStep([-3, 0, 0], DEFAULT_CAMERA);
    const ahead = placeStep([0, 0, 0], DEFAULT_CAMERA);
    expect(right.pan).toBeGreaterThan(0.3);
    expect(left.pan).toBeCloseTo(-right.pan, 6);
    expect(Math.abs(ahead.pan)).toBeLessThan(1e-9);
    expect(placeStep([0, 0, -25], DEFAULT_CAMERA).gain).toBeLessThan(0.5 * ahead.gain);
    expect(placeStep([0, 0, -25], DEFAULT_CAMERA).airCutoff).toBeLessThan(ahead.airCutoff);
    expect(placeStep([0, 0, -70], DEFAULT_CAMERA).gain).toBe(0);

    const heard = (x: number) => {
      const timeline = buildTimeline({ shots: [{ seconds: 1 }], footsteps: [{ time: 0.3, character: 'a', foot: 'left', position: [x, 0, 0], surface: 'stone' }] });
      const stem = mixSoundtrack(timeline, { seed: 1, stems: true }).stems!.footsteps;
      let l = 0;
      let r = 0;
      for (let i = 0; i < stem.length; i += 2) {
        l += stem[i] * stem[i];
        r += stem[i + 1] * stem[i + 1];
      }
      return { l, r };
    };
    const toTheRight = heard(4);
    expect(toTheRight.r).toBeGreaterThan(3 * toTheRight.l);
    const far = heard(80);
    expect(far.l + far.r).toBe(0);
  });
});
