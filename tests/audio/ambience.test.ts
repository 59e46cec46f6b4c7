import { describe, expect, it } from 'vitest';
import { AMBIENCE_BEDS, mixSoundtrack } from '../../generators/audio/index.ts';
import { averageSpectrum, bandEnergy, monoOf, rms } from './analysis.ts';
import { buildTimeline } from './build-timeline.ts';

const SR = 48000;

describe('ambience beds', () => {
  it('a shot in full rain has far more broadband high-frequency energy than one without', () => {
    const timeline = buildTimeline({ shots: [{ seconds: 4, ambience: { wind: 0.3, rain: 0 } }, { seconds: 4, ambience: { wind: 0.3, rain: 1 } }] });
    const mix = monoOf(mixSoundtrack(timeline, { seed: 2 }).samples);
    const dry = averageSpectrum(mix, 1, 3.5, SR);
    const wet = averageSpectrum(mix, 5, 7.5, SR);
    expect(bandEnergy(wet, SR, 4000, 16000)).toBeGreaterThan(20 * bandEnergy(dry, SR, 4000, 16000));
    // Broadband: every octave from 2 to 16 kHz rises.
    for (const low of [2000, 4000, 8000]) expect(bandEnergy(wet, SR, low, 2 * low)).toBeGreaterThan(5 * bandEnergy(dry, SR, low, 2 * low));
  });

  it.each(AMBIENCE_BEDS)('%s is exactly silent where its level is 0, and sounds where it is not', (bed) => {
    const silent = mixSoundtrack(buildTimeline({ shots: [{ seconds: 2, ambience: { wind: 0.5, water: 0.5, birds: 0.5, rain: 0.5, insects: 0.5, [bed]: 0 } }] }), { seed: 3, stems: true });
    expect(silent.stems![bed].every((x) => x === 0)).toBe(true);

    const timeline = buildTimeline({ shots: [{ seconds: 3, ambience: { [bed]: 1 } }, { seconds: 3, ambience: { [bed]: 0 } }] });
    const stem = monoOf(mixSoundtrack(timeline, { seed: 3, stems: true }).stems![bed]);
    expect(rms(stem, 0.2, 2.8, SR)).toBeGreaterThan(1e-3);
    // Past the crossfade at the cut (3 s), nothing.
    expect(stem.subarray(Math.round(3.3 * SR)).every((x) => x === 0)).toBe(true);
  });

  it('follows each shot’s level, with a short crossfade at a cut', () => {
    const timeline = buildTimeline({ shots: [{ seconds: 3, ambience: { wind: 1 } }, { seconds: 3, ambience: { wind: 0.25 } }] });
    const stem = monoOf(mixSoundtrack(timeline, { seed: 4, stems: true }).stems!.wind);
    const loud = rms(stem, 0.5, 2.8, SR);
    const quiet = rms(stem, 3.3, 5.8, SR);
    expect(quiet / loud).toBeGreaterThan(0.1);
    expect(quiet / loud).toBeLessThan(0.45);
  });

  it('spreads the beds across the stereo field (left and right decorrelated)', () => {
    const stem = mixSoundtrack(buildTimeline({ shots: [{ seconds: 2, ambience: { wind: 1 } }] }), { seed: 5, stems: true }).stems!.wind;
    let lr = 0;
    let ll = 0;
    let rr = 0;
    for (let i = 0; i < stem.length; i += 2) {
      lr += stem[i] * stem[i + 1];
      ll += stem[i] * stem[i];
      rr += stem[i + 1] * stem[i + 1];
    }
    expect(Math.abs(lr / Math.sqrt(ll * rr))).toBeLessThan(0.5);
  });
});
