/**
 * A picture of rollouts: for each of a few episodes, a row of true frames, a row of the model's
 * predictions and (optionally) a row of the repeat-last baseline, at steps 1, 2, 4 … 64 after the
 * context, so drift and blur show at a glance. Frames are enlarged ×3 by nearest neighbour (a 64²
 * frame becomes 192², every predicted pixel visible); labels are drawn by sharp from SVG in the
 * style of the contact sheets (engine-bridge/images/captioned-tile.ts). A step past an episode's
 * end is an empty tile.
 */
import sharp from 'sharp';
import type { StripEpisode } from './evaluate-model.ts';

export interface RolloutStripOptions {
  /** Enlargement, nearest neighbour. */
  scale?: number;
  /** Also draw the repeat-last baseline's row. */
  repeatLast?: boolean;
}

export const ROLLOUT_STRIP_DEFAULTS: Required<RolloutStripOptions> = { scale: 3, repeatLast: true };

const LABEL_WIDTH = 96;
const TITLE_HEIGHT = 22;
const HEADER_HEIGHT = 18;
const GAP = 4;
const BACKGROUND = { r: 17, g: 17, b: 17 };
const EMPTY = 34;

export interface RolloutStripLayout {
  width: number;
  height: number;
  tile: { width: number; height: number };
}

/** The strip's size for these episodes and steps. */
export function rolloutStripLayout(episodes: readonly StripEpisode[], steps: readonly number[], options: RolloutStripOptions = {}): RolloutStripLayout {
  const o = { ...ROLLOUT_STRIP_DEFAULTS, ...options };
  const frameWidth = (episodes[0]?.width ?? 64) * o.scale;
  const frameHeight = (episodes[0]?.height ?? 64) * o.scale;
  const rows = o.repeatLast ? 3 : 2;
  const block = TITLE_HEIGHT + HEADER_HEIGHT + rows * (frameHeight + GAP);
  return {
    width: LABEL_WIDTH + steps.length * (frameWidth + GAP),
    height: Math.max(1, episodes.length) * block + GAP,
    tile: { width: frameWidth, height: frameHeight },
  };
}

/** The strip as PNG bytes. `steps` are the steps of each episode's `frames`, in order. */
export async function renderRolloutStrip(episodes: readonly StripEpisode[], steps: readonly number[], options: RolloutStripOptions = {}): Promise<Uint8Array> {
  const o = { ...ROLLOUT_STRIP_DEFAULTS, ...options };
  const layout = rolloutStripLayout(episodes, steps, o);
  const { width, height } = layout;
  const canvas = Buffer.alloc(width * height * 3);
  for (let i = 0; i < canvas.length; i += 3) {
    canvas[i] = BACKGROUND.r;
    canvas[i + 1] = BACKGROUND.g;
    canvas[i + 2] = BACKGROUND.b;
  }
  const rows: Array<{ name: string; pick: 'truth' | 'predicted' | 'repeatLast' }> = [
    { name: 'true', pick: 'truth' },
    { name: 'predicted', pick: 'predicted' },
    ...(o.repeatLast ? [{ name: 'repeat-last', pick: 'repeatLast' as const }] : []),
  ];
  const texts: string[] = [];
  const text = (x: number, y: number, size: number, value: string, colour = '#eee') =>
    texts.push(`<text x="${x}" y="${y}" font-family="DejaVu Sans, sans-serif" font-size="${size}" fill="${colour}">${escapeXml(value)}</text>`);
  const block = TITLE_HEIGHT + HEADER_HEIGHT + rows.length * (layout.tile.height + GAP);
  episodes.forEach((episode, e) => {
    const top = e * block + GAP;
    text(6, top + 15, 14, `episode ${episode.id} · world ${episode.world}`);
    steps.forEach((step, s) => text(LABEL_WIDTH + s * (layout.tile.width + GAP) + 2, top + TITLE_HEIGHT + 13, 12, `step ${step}`, '#aaa'));
    rows.forEach((row, r) => {
      const y = top + TITLE_HEIGHT + HEADER_HEIGHT + r * (layout.tile.height + GAP);
      text(6, y + layout.tile.height / 2 + 5, 13, row.name);
      steps.forEach((_, s) => {
        const x = LABEL_WIDTH + s * (layout.tile.width + GAP);
        const shown = episode.frames[s];
        if (shown) blitEnlarged(canvas, width, x, y, shown[row.pick], episode.width, episode.height, o.scale);
        else fillRect(canvas, width, x, y, layout.tile.width, layout.tile.height, EMPTY);
      });
    });
  });
  const svg = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">${texts.join('')}</svg>`);
  const png = await sharp(canvas, { raw: { width, height, channels: 3 } })
    .composite([{ input: svg, left: 0, top: 0 }])
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(png);
}

function blitEnlarged(canvas: Buffer, canvasWidth: number, left: number, top: number, rgb: Uint8Array, w: number, h: number, scale: number): void {
  for (let y = 0; y < h * scale; y++) {
    const source = Math.floor(y / scale) * w;
    const row = ((top + y) * canvasWidth + left) * 3;
    for (let x = 0; x < w * scale; x++) {
      const from = (source + Math.floor(x / scale)) * 3;
      const to = row + x * 3;
      canvas[to] = rgb[from];
      canvas[to + 1] = rgb[from + 1];
      canvas[to + 2] = rgb[from + 2];
    }
  }
}

function fillRect(canvas: Buffer, canvasWidth: number, left: number, top: number, w: number, h: number, grey: number): void {
  for (let y = 0; y < h; y++) canvas.fill(grey, ((top + y) * canvasWidth + left) * 3, ((top + y) * canvasWidth + left + w) * 3);
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}
