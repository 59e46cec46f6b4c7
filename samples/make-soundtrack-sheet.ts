/**
 * `npx tsx samples/make-soundtrack-sheet.ts`: spectrograms of a demo cutscene's sound track, written
 * to samples/gallery/soundtrack.png (and the audio to out/soundtrack-demo.wav, to listen to).
 * Four shots — calm with wind and birds, a crossfade into tense rain, a cut to a mysterious stream
 * with insects, a fade into a triumphant windy ridge — and a walk over grass, stone, wood and snow.
 * Rows: the mix, then its stems (ambience, footsteps, music); log frequency 40 Hz … 20 kHz; white
 * lines at the cuts, with each shot's mood and beds written above.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import sharp from 'sharp';
import { encodeWav, mixSoundtrack, monoOf, powerSpectrum } from '../generators/audio/index.ts';
import type { Ambience, Footstep, FrameLayer, Mood, Timeline, TransitionKind } from '../generators/shots/timeline.ts';

const OUT = 'samples/gallery/soundtrack.png';
const WAV = 'out/soundtrack-demo.wav';
const FPS = 30;
const SR = 48000;
const WINDOW = 2048;
const HOP = 480;
const ROW = 200;
const LABEL = 22;

const SHOTS: Array<{ seconds: number; mood: Mood; ambience: Partial<Ambience>; transition: TransitionKind; transitionSeconds: number }> = [
  { seconds: 4, mood: 'calm', ambience: { wind: 0.5, birds: 0.9 }, transition: 'cut', transitionSeconds: 0 },
  { seconds: 3.5, mood: 'tense', ambience: { rain: 1, wind: 0.5 }, transition: 'crossfade', transitionSeconds: 1 },
  { seconds: 3.5, mood: 'mysterious', ambience: { water: 0.8, insects: 0.8 }, transition: 'cut', transitionSeconds: 0 },
  { seconds: 4, mood: 'triumphant', ambience: { wind: 0.9, birds: 0.3 }, transition: 'fade', transitionSeconds: 1 },
];

const timeline = demoTimeline();
const track = mixSoundtrack(timeline, { seed: 7, stems: true });
const stems = track.stems!;
const ambience = new Float32Array(track.samples.length);
for (const bed of ['wind', 'water', 'birds', 'rain', 'insects'] as const) stems[bed].forEach((x, i) => (ambience[i] += x));
const rows: Array<[string, Float32Array]> = [
  ['mix', track.samples],
  ['ambience', ambience],
  ['footsteps', stems.footsteps],
  ['music', stems.music],
];

const columns = Math.floor((track.frameCount - WINDOW) / HOP);
const height = rows.length * (ROW + LABEL);
const pixels = Buffer.alloc(columns * height * 3);
rows.forEach(([, signal], r) => drawSpectrogram(monoOf(signal), r * (ROW + LABEL) + LABEL));
const svg = [`<svg xmlns="http://www.w3.org/2000/svg" width="${columns}" height="${height}">`];
rows.forEach(([name], r) => {
  const top = r * (ROW + LABEL);
  svg.push(`<text x="4" y="${top + 16}" font-family="DejaVu Sans, sans-serif" font-size="13" fill="#fff">${name}</text>`);
  timeline.shots.forEach((shot, s) => {
    const x = Math.round((shot.startSeconds * SR) / HOP);
    if (s > 0) svg.push(`<line x1="${x}" y1="${top + LABEL}" x2="${x}" y2="${top + LABEL + ROW}" stroke="#fff" stroke-width="1" stroke-dasharray="4 3"/>`);
    if (r === 0) {
      const beds = Object.entries(shot.ambience).filter(([, v]) => v > 0).map(([k, v]) => `${k} ${v}`).join(', ');
      svg.push(`<text x="${x + 90}" y="${top + 16}" font-family="DejaVu Sans, sans-serif" font-size="11" fill="#ddd">${shot.transitionIn.kind} → ${shot.mood}: ${beds}</text>`);
    }
  });
});
svg.push('</svg>');
await mkdir('samples/gallery', { recursive: true });
await mkdir('out', { recursive: true });
await sharp(pixels, { raw: { width: columns, height, channels: 3 } })
  .composite([{ input: Buffer.from(svg.join('')), left: 0, top: 0 }])
  .png()
  .toFile(OUT);
await writeFile(WAV, encodeWav(track));
console.log(`wrote ${OUT} (${columns}×${height}) and ${WAV}: ${track.frameCount / SR} s, ${track.integratedLufs.toFixed(1)} LUFS`);

function drawSpectrogram(mono: Float32Array, top: number): void {
  const minHz = 40;
  const maxHz = 20000;
  for (let c = 0; c < columns; c++) {
    const power = powerSpectrum(mono, c * HOP, WINDOW);
    for (let y = 0; y < ROW; y++) {
      // Log-frequency rows, high at the top; each row takes the strongest bin it covers.
      const f0 = minHz * Math.pow(maxHz / minHz, (ROW - 1 - y) / ROW);
      const f1 = minHz * Math.pow(maxHz / minHz, (ROW - y) / ROW);
      let p = 0;
      for (let k = Math.floor((f0 * WINDOW) / SR); k <= Math.ceil((f1 * WINDOW) / SR); k++) p = Math.max(p, power[k]);
      const db = 10 * Math.log10(p + 1e-12);
      const v = Math.min(1, Math.max(0, (db + 30) / 80));
      const i = ((top + y) * columns + c) * 3;
      pixels[i] = Math.round(255 * Math.min(1, 1.6 * v));
      pixels[i + 1] = Math.round(255 * Math.max(0, Math.min(1, 2 * v - 0.7)));
      pixels[i + 2] = Math.round(255 * Math.max(0, Math.min(1, v < 0.5 ? 1.2 * v : 1.8 - 2 * v + Math.max(0, 3 * v - 2.4))));
    }
  }
}

function demoTimeline(): Timeline {
  const camera = { position: [0, 1.7, 6] as [number, number, number], target: [0, 1, 0] as [number, number, number], fovDegrees: 50 };
  let startFrame = 0;
  const shots = SHOTS.map((s, index) => {
    const frameCount = Math.round(s.seconds * FPS);
    const shot = {
      id: `shot-${index}`,
      type: 'tracking' as const,
      subject: 'character:walker',
      startFrame,
      frameCount,
      startSeconds: startFrame / FPS,
      durationSeconds: frameCount / FPS,
      transitionIn: { kind: s.transition, frames: Math.round(s.transitionSeconds * FPS) },
      lighting: { hour: 12, key: { direction: [0, 1, 0] as [number, number, number], color: [1, 1, 1] as [number, number, number], intensity: 3 }, zenith: [0.3, 0.5, 0.9] as [number, number, number], horizon: [0.7, 0.8, 0.9] as [number, number, number], ambient: { sky: [0.5, 0.6, 0.8] as [number, number, number], ground: [0.3, 0.25, 0.2] as [number, number, number], intensity: 0.5 }, fog: null },
      ambience: { wind: 0, water: 0, birds: 0, rain: 0, insects: 0, ...s.ambience },
      mood: s.mood,
      description: s.mood,
    };
    startFrame += frameCount;
    return shot;
  });
  const frames: FrameLayer[][] = [];
  for (let f = 0; f < startFrame; f++) {
    const s = shots.findLastIndex((shot) => f >= shot.startFrame);
    const { kind, frames: length } = shots[s].transitionIn;
    const k = f - shots[s].startFrame;
    if (kind === 'crossfade' && k < length) frames.push([{ shot: s - 1, camera, opacity: 1 }, { shot: s, camera, opacity: (k + 1) / (length + 1) }]);
    else if (kind === 'fade' && k < length / 2) frames.push([{ shot: s, camera, opacity: k / (length / 2) }]);
    else if (s + 1 < shots.length && shots[s + 1].transitionIn.kind === 'fade' && shots[s + 1].startFrame - f <= shots[s + 1].transitionIn.frames / 2) {
      frames.push([{ shot: s, camera, opacity: (shots[s + 1].startFrame - f - 1) / (shots[s + 1].transitionIn.frames / 2) }]);
    } else frames.push([{ shot: s, camera, opacity: 1 }]);
  }
  const surfaces = ['grass', 'stone', 'wood', 'snow'] as const;
  const footsteps: Footstep[] = [];
  for (let t = 0.4; t < startFrame / FPS - 0.3; t += 0.5) {
    const k = footsteps.length;
    footsteps.push({ time: t, character: 'walker', foot: k % 2 ? 'right' : 'left', position: [-4 + 0.6 * t, 0, 1], surface: surfaces[Math.floor(t / 3.75) % 4] });
  }
  return { version: 1, fps: FPS, frameCount: startFrame, durationSeconds: startFrame / FPS, shots, frames, characters: [], footsteps, cuts: shots.map((s) => s.startSeconds) };
}
