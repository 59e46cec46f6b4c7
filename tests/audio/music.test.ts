import { describe, expect, it } from 'vitest';
import { mixSoundtrack, planMusic } from '../../generators/audio/index.ts';
import { MOODS, type Mood } from '../../generators/shots/timeline.ts';
import { averageSpectrum, chroma, cosine, monoOf, rms, stereoRms } from './analysis.ts';
import { buildTimeline } from './build-timeline.ts';

const SR = 48000;
const CUTS_SCENE = buildTimeline({
  shots: [
    { seconds: 4, mood: 'calm' },
    { seconds: 4, mood: 'sombre' },
    { seconds: 4, mood: 'hopeful' },
    { seconds: 4, mood: 'mysterious', transition: { kind: 'fade', seconds: 1 } },
  ],
});

describe('music bed', () => {
  it.each([1, 2, 3])('changes harmony at each cut and holds it within a chord (seed %i)', (seed) => {
    const track = mixSoundtrack(CUTS_SCENE, { seed, stems: true });
    const music = monoOf(track.stems!.music);
    const plan = planMusic(CUTS_SCENE, 0);
    for (const cut of [4, 8]) {
      const next = plan.shots.find((s) => s.cut === cut)!;
      expect(next.chords[0].end).toBeGreaterThan(cut + 3.2); // both windows below lie in its first chord
      const before = chroma(averageSpectrum(music, cut - 1.5, cut - 0.1, SR, 8192), SR);
      const early = chroma(averageSpectrum(music, cut + 0.2, cut + 1.6, SR, 8192), SR);
      const late = chroma(averageSpectrum(music, cut + 1.8, cut + 3.2, SR, 8192), SR);
      expect(cosine(early, late)).toBeGreaterThan(0.9);
      expect(cosine(before, early)).toBeLessThan(0.6);
    }
  });

  it('dips during the black of a fade', () => {
    const music = monoOf(mixSoundtrack(CUTS_SCENE, { seed: 1, stems: true }).stems!.music);
    const black = rms(music, 11.9, 12.1, SR);
    expect(black).toBeLessThan(0.5 * rms(music, 9.5, 11, SR));
    expect(black).toBeLessThan(0.5 * rms(music, 13.5, 15, SR));
  });

  it('plans a new chord at every cut, only chord tones in the line, and close voice leading', () => {
    for (let seed = 0; seed < 40; seed++) {
      const moods: Mood[] = Array.from({ length: 5 }, (_, k) => MOODS[(seed * 7 + k * 5) % MOODS.length]);
      const timeline = buildTimeline({ shots: moods.map((mood, k) => ({ seconds: 2 + (k % 3), mood, transition: k % 2 ? { kind: 'crossfade' as const, seconds: 0.5 } : undefined })) });
      const plan = planMusic(timeline, seed);
      for (let s = 1; s < plan.shots.length; s++) {
        const previous = plan.shots[s - 1];
        const before = previous.chords.find((c) => c.end > plan.shots[s].cut) ?? previous.chords[previous.chords.length - 1];
        expect([...plan.shots[s].chords[0].pitchClasses].sort()).not.toEqual([...before.pitchClasses].sort());
      }
      for (const shot of plan.shots) {
        expect(shot.chords[0].start).toBeLessThanOrEqual(shot.cut);
        for (const chord of shot.chords) {
          expect(chord.voicing.map((m) => m % 12).every((pc) => chord.pitchClasses.includes(pc))).toBe(true);
          // A major or minor triad: no diminished chords.
          const [r, t, f] = chord.pitchClasses;
          expect([3, 4]).toContain((t - r + 12) % 12);
          expect((f - r + 12) % 12).toBe(7);
        }
        for (let k = 1; k < shot.chords.length; k++) {
          const moved = shot.chords[k].voicing.slice(1).reduce((sum, m, v) => sum + Math.abs(m - shot.chords[k - 1].voicing[v + 1]), 0);
          expect(moved).toBeLessThanOrEqual(7);
        }
        for (const note of shot.notes) {
          const chord = shot.chords.find((c) => note.time < c.end) ?? shot.chords[shot.chords.length - 1];
          expect(chord.pitchClasses).toContain(note.midi % 12);
        }
      }
    }
  });

  it('is quieter than the ambience when both play', () => {
    const timeline = buildTimeline({ shots: [{ seconds: 4, mood: 'triumphant', ambience: { wind: 0.6, birds: 0.6, water: 0.4 } }] });
    const stems = mixSoundtrack(timeline, { seed: 2, stems: true }).stems!;
    const ambience = new Float32Array(stems.wind.length);
    for (let i = 0; i < ambience.length; i++) ambience[i] = stems.wind[i] + stems.birds[i] + stems.water[i];
    // Loudness-wise the score sits ~6 dB under a moderate bed; in plain RMS (which counts its bass fully) still below.
    expect(stereoRms(stems.music, 0.5, 3.5, SR)).toBeLessThan(stereoRms(ambience, 0.5, 3.5, SR));
  });
});
