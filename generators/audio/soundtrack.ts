/** What `mixSoundtrack` gives: interleaved stereo float PCM, and on request the stems it summed. */

export const AMBIENCE_BEDS = ['wind', 'water', 'birds', 'rain', 'insects'] as const;
export type AmbienceBed = (typeof AMBIENCE_BEDS)[number];

export const SOUNDTRACK_STEMS = [...AMBIENCE_BEDS, 'footsteps', 'music'] as const;
export type SoundtrackStem = (typeof SOUNDTRACK_STEMS)[number];

export interface Soundtrack {
  sampleRate: number;
  channels: 2;
  /** Frames (samples per channel): round(durationSeconds × sampleRate). */
  frameCount: number;
  /** Interleaved L, R; every sample in [−0.98, 0.98]. */
  samples: Float32Array;
  /**
   * Each layer as interleaved stereo, with its mix level and the master gain applied but before
   * the limiter and the edge fades (so they sum to the mix wherever the limiter rests). Only when
   * asked for with `stems: true`.
   */
  stems?: Record<SoundtrackStem, Float32Array>;
  /** The gain that brought the mix to its target loudness, dB, and the loudness reached (before the limiter, which takes off a fraction of a dB at most). */
  masterGainDb: number;
  integratedLufs: number;
}
