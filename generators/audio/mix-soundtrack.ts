/**
 * Timeline + seed → the cutscene's sound track: five ambience beds that follow each shot's levels,
 * a footstep at every step heard from the camera, and a generated score whose harmony turns at
 * every cut — summed, brought to a target loudness, limited, and faded in and out.
 *
 * Each layer draws from its own named random stream (`deriveSeed(seed, "soundtrack")` forked by
 * layer, footsteps by index, bird calls by time), so changing one layer never changes another. All
 * arithmetic is plain JavaScript on typed arrays: same timeline and seed ⇒ the same Float32 samples.
 */
import { deriveSeed } from '../seed/derive-seed.ts';
import { Rng } from '../seed/rng.ts';
import type { Timeline } from '../shots/timeline.ts';
import { throwIfAborted } from '../worldsmith-error.ts';
import { renderBirds } from './ambience-birds.ts';
import { renderInsects } from './ambience-insects.ts';
import { renderRain } from './ambience-rain.ts';
import { renderWater } from './ambience-water.ts';
import { renderWind } from './ambience-wind.ts';
import { AudioError } from './audio-error.ts';
import { renderFootsteps } from './footsteps.ts';
import { limitAndFade, MAX_MAKEUP_DB } from './master-mix.ts';
import { measureStereoLoudness } from './measure-loudness.ts';
import { renderMusic } from './music-bed.ts';
import { planMusic } from './music-plan.ts';
import { AMBIENCE_BEDS, SOUNDTRACK_STEMS, type AmbienceBed, type Soundtrack, type SoundtrackStem } from './soundtrack.ts';
import { addInto, createStereoBuffer, interleave, type StereoBuffer } from './stereo-buffer.ts';
import { ambienceLevelPerFrame, framesToSamples, visibleWeights } from './timeline-curves.ts';
import { validateSoundtrackInput } from './validate-timeline.ts';

export const MIX_SOUNDTRACK = 'mixSoundtrack';

export interface MixSoundtrackOptions {
  /** 0 … 2³²−1; the world's or the plan's seed. */
  seed: number;
  /** Hz; 48000 for video. */
  sampleRate?: number;
  /** Integrated loudness the mix is brought to, LUFS (the gain is capped at +15 dB). */
  targetLufs?: number;
  /** Return each layer too (seven more stereo arrays). */
  stems?: boolean;
  signal?: AbortSignal;
}

export const MIX_SOUNDTRACK_DEFAULTS: Required<Omit<MixSoundtrackOptions, 'seed' | 'signal'>> = {
  sampleRate: 48000,
  targetLufs: -16,
  stems: false,
};

/** Relative levels of the layers in the mix: the beds lead, the score sits under them. */
export const STEM_LEVELS: Record<SoundtrackStem, number> = {
  wind: 1,
  water: 1,
  birds: 1,
  rain: 1,
  insects: 1,
  footsteps: 1,
  music: 0.4,
};

/** How much of the beds and footsteps a fully black frame takes away (the music dips further). */
export const SOUND_BLACK_DIP = 0.5;
/** Crossfade of a bed's level at a cut, seconds (longer where the picture crossfades). */
export const AMBIENCE_CROSSFADE_SECONDS = 0.3;

type BedRenderer = (level: Float32Array, rng: Rng, sampleRate: number) => StereoBuffer;
const BED_RENDERERS: Record<AmbienceBed, BedRenderer> = {
  wind: renderWind,
  water: renderWater,
  birds: renderBirds,
  rain: renderRain,
  insects: renderInsects,
};

export function mixSoundtrack(timeline: Timeline, options: MixSoundtrackOptions): Soundtrack {
  const { seed, signal } = options;
  const { sampleRate, targetLufs, stems: keepStems } = { ...MIX_SOUNDTRACK_DEFAULTS, ...withoutUndefined(options) };
  validateSoundtrackInput(timeline, seed, sampleRate);
  if (!Number.isFinite(targetLufs) || targetLufs > -6 || targetLufs < -40) {
    throw new AudioError('AUDIO_OPTIONS', `options.targetLufs is ${targetLufs}: use a loudness from −40 to −6 LUFS (−16 is the default; −23 for broadcast).`);
  }
  const frameCount = Math.round(timeline.durationSeconds * sampleRate);
  const rng = new Rng(deriveSeed(seed, 'soundtrack'));
  const weights = visibleWeights(timeline);

  const layers = {} as Record<SoundtrackStem, StereoBuffer>;
  for (const bed of AMBIENCE_BEDS) {
    throwIfAborted(signal, `sound track: ${bed}`);
    const perFrame = ambienceLevelPerFrame(timeline, weights, bed, SOUND_BLACK_DIP);
    if (!perFrame.some((v) => v > 0)) {
      layers[bed] = createStereoBuffer(frameCount);
      continue;
    }
    const level = framesToSamples(perFrame, timeline.fps, sampleRate, { from: 0, to: frameCount }, AMBIENCE_CROSSFADE_SECONDS).values;
    layers[bed] = BED_RENDERERS[bed](level, rng.fork(bed), sampleRate);
  }

  throwIfAborted(signal, 'sound track: footsteps');
  layers.footsteps = renderFootsteps(timeline, rng.fork('footsteps'), sampleRate, frameCount);
  const dipPerFrame = weights.black.map((b) => 1 - SOUND_BLACK_DIP * b);
  const dip = framesToSamples(dipPerFrame, timeline.fps, sampleRate, { from: 0, to: frameCount }, 0.15).values;
  for (let i = 0; i < frameCount; i++) {
    layers.footsteps.left[i] *= dip[i];
    layers.footsteps.right[i] *= dip[i];
  }

  throwIfAborted(signal, 'sound track: music');
  const plan = planMusic(timeline, deriveSeed(seed, 'music'));
  layers.music = renderMusic(timeline, plan, weights, rng.fork('music'), sampleRate, frameCount);

  throwIfAborted(signal, 'sound track: master');
  const mix = createStereoBuffer(frameCount);
  for (const name of SOUNDTRACK_STEMS) addInto(mix, layers[name], STEM_LEVELS[name]);
  const before = measureStereoLoudness(mix.left, mix.right, sampleRate).integratedLufs;
  const masterGainDb = Number.isFinite(before) ? Math.max(-30, Math.min(MAX_MAKEUP_DB, targetLufs - before)) : 0;
  const masterGain = Math.pow(10, masterGainDb / 20);
  for (let i = 0; i < frameCount; i++) {
    mix.left[i] *= masterGain;
    mix.right[i] *= masterGain;
  }
  limitAndFade(mix, sampleRate);
  const samples = interleave(mix);
  const soundtrack: Soundtrack = { sampleRate, channels: 2, frameCount, samples, masterGainDb, integratedLufs: before + masterGainDb };
  if (keepStems) {
    const stems = {} as Record<SoundtrackStem, Float32Array>;
    for (const name of SOUNDTRACK_STEMS) stems[name] = interleave(layers[name], STEM_LEVELS[name] * masterGain);
    soundtrack.stems = stems;
  }
  return soundtrack;
}

function withoutUndefined<T extends object>(options: T): Partial<T> {
  return Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) as Partial<T>;
}
