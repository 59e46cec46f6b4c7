/**
 * A cutscene's contact sheet: one frame from the middle of each shot, decoded from the finished MP4
 * (so the sheet shows exactly what the film shows), captioned with the shot's id, type, subject and
 * time, in rows of up to four.
 */
import sharp from 'sharp';
import type { Timeline } from '../../generators/shots/timeline.ts';
import { captionedTile } from '../images/captioned-tile.ts';
import { extractFramePng } from '../video/extract-frame.ts';

const COLUMNS = 4;

export async function makeContactSheet(mp4: Uint8Array, timeline: Timeline, options: { tileWidth?: number; signal?: AbortSignal } = {}): Promise<Uint8Array> {
  const tileWidth = options.tileWidth ?? 400;
  const tiles: Buffer[] = [];
  let tileHeight = 0;
  for (const shot of timeline.shots) {
    const frame = shot.startFrame + Math.floor(shot.frameCount / 2);
    const png = await extractFramePng(mp4, frame, { signal: options.signal });
    const picture = await sharp(png).resize({ width: tileWidth }).png().toBuffer();
    tileHeight = (await sharp(picture).metadata()).height ?? Math.round((tileWidth * 9) / 16);
    tiles.push(
      await captionedTile(picture, { width: tileWidth, height: tileHeight, caption: 44 }, [
        { text: `${shot.id} · ${shot.type} · ${shot.subject}`, x: 8, y: 18, size: 14 },
        { text: `${shot.startSeconds.toFixed(2)}–${(shot.startSeconds + shot.durationSeconds).toFixed(2)} s · ${shot.transitionIn.kind} in · ${shot.mood} · ${formatHour(shot.lighting.hour)}`, x: 8, y: 36, size: 12 },
      ]),
    );
  }
  const columns = Math.min(COLUMNS, tiles.length);
  const rows = Math.ceil(tiles.length / columns);
  const cellHeight = tileHeight + 44;
  const sheet = await sharp({ create: { width: columns * tileWidth, height: rows * cellHeight, channels: 3, background: '#111' } })
    .composite(tiles.map((input, i) => ({ input, left: (i % columns) * tileWidth, top: Math.floor(i / columns) * cellHeight })))
    .png({ compressionLevel: 9 })
    .toBuffer();
  return new Uint8Array(sheet);
}

function formatHour(hour: number): string {
  const h = Math.floor(hour);
  const m = Math.round((hour - h) * 60);
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}
