/**
 * What the picture shows, frame by frame, turned into gain curves for the sound: the sound follows
 * the cut, not the plan. Each frame's layers (bottom first, each composited over the one below, all
 * over black) give every shot a visible weight and leave the rest as black:
 *
 *   top-down: remaining = 1; weight(layer) = remaining × opacity; remaining −= weight; black = remaining
 *
 * A crossfade thus hands the ambience and the music from one shot to the next over its frames, a
 * fade through black dips them, and a cut switches at once — then every curve is smoothed at audio
 * rate (two passes of a centred box: a triangular kernel) so a cut becomes a short crossfade
 * (300 ms for the beds, 40 ms for the music's harmony) and nothing clicks.
 */
import type { Ambience, Timeline } from '../shots/timeline.ts';

export interface VisibleWeights {
  /** Per shot, per output frame: its share of what is seen, black left out (sums to 1 per frame). */
  shares: Float32Array[];
  /** Per output frame: how much of the picture is black (0 … 1). */
  black: Float32Array;
}

export function visibleWeights(timeline: Timeline): VisibleWeights {
  const frames = timeline.frameCount;
  const shares = timeline.shots.map(() => new Float32Array(frames));
  const black = new Float32Array(frames);
  const weights = new Float64Array(timeline.shots.length);
  for (let f = 0; f < frames; f++) {
    weights.fill(0);
    const layers = timeline.frames[f];
    let remaining = 1;
    for (let k = layers.length - 1; k >= 0; k--) {
      const w = remaining * layers[k].opacity;
      weights[layers[k].shot] += w;
      remaining -= w;
    }
    black[f] = remaining;
    const seen = 1 - remaining;
    if (seen > 1e-6) {
      for (let s = 0; s < weights.length; s++) if (weights[s] > 0) shares[s][f] = weights[s] / seen;
    } else {
      shares[shotAtTime(timeline, f / timeline.fps)][f] = 1;
    }
  }
  return { shares, black };
}

/** The index of the shot whose span holds `seconds` (the last one past the end). */
export function shotAtTime(timeline: Timeline, seconds: number): number {
  const { shots } = timeline;
  for (let s = shots.length - 1; s > 0; s--) if (seconds >= shots[s].startSeconds) return s;
  return 0;
}

/** One bed's level per frame: the seen shots' levels by share, dipped by `blackDip` × black. */
export function ambienceLevelPerFrame(timeline: Timeline, weights: VisibleWeights, bed: keyof Ambience, blackDip: number): Float32Array {
  const out = new Float32Array(timeline.frameCount);
  for (let f = 0; f < out.length; f++) {
    let level = 0;
    for (let s = 0; s < weights.shares.length; s++) {
      const share = weights.shares[s][f];
      if (share > 0) level += share * timeline.shots[s].ambience[bed];
    }
    out[f] = level * (1 - blackDip * weights.black[f]);
  }
  return out;
}

export interface SampleSpan {
  /** First sample of the curve. */
  start: number;
  values: Float32Array;
}

/** Curves are smoothed at one value per this many samples, then interpolated (0.7 ms at 48 kHz). */
const CONTROL_SAMPLES = 32;

/**
 * A per-frame curve as a smoothed per-sample curve over samples [from, to): a step per frame,
 * two passes of a centred box `smoothSeconds / 2` wide at control rate, then linear interpolation.
 * Zero stays exactly zero far from anything else (prefix-sum differences of zeros are zero).
 */
export function framesToSamples(
  perFrame: Float32Array,
  fps: number,
  sampleRate: number,
  range: { from: number; to: number },
  smoothSeconds: number,
): SampleSpan {
  const half = Math.max(1, Math.round((smoothSeconds * sampleRate) / 4 / CONTROL_SAMPLES));
  const pad = 2 * half + 2;
  const first = Math.floor(range.from / CONTROL_SAMPLES) - pad;
  const count = Math.ceil(range.to / CONTROL_SAMPLES) + pad - first + 1;
  const stepped = new Float32Array(count);
  const last = perFrame.length - 1;
  for (let c = 0; c < count; c++) {
    const frame = Math.floor((((first + c) * CONTROL_SAMPLES) / sampleRate) * fps);
    stepped[c] = perFrame[frame < 0 ? 0 : frame > last ? last : frame];
  }
  const control = boxSmooth(boxSmooth(stepped, half), half);
  const values = new Float32Array(range.to - range.from);
  for (let i = 0; i < values.length; i++) {
    const position = (range.from + i) / CONTROL_SAMPLES - first;
    const c = Math.floor(position);
    const a = control[c];
    values[i] = a + (control[c + 1] - a) * (position - c);
  }
  return { start: range.from, values };
}

/** Centred moving average of half-width `half` (edges average what exists). */
function boxSmooth(values: Float32Array, half: number): Float32Array {
  const n = values.length;
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + values[i];
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const a = i - half < 0 ? 0 : i - half;
    const b = i + half + 1 > n ? n : i + half + 1;
    out[i] = (prefix[b] - prefix[a]) / (b - a);
  }
  return out;
}
