/**
 * One tile of a contact sheet (the gallery's, a cutscene's): a picture with its caption underneath, white text on the
 * sheet's near-black, drawn by sharp from SVG. The sample sheets and the cutscene contact sheet use it.
 */
import sharp from 'sharp';

export interface CaptionLine {
  text: string;
  /** Baseline position in the caption strip, and font size, pixels. */
  x: number;
  y: number;
  size: number;
}

export interface TileSize {
  width: number;
  /** Height of the picture; the caption strip goes below it. */
  height: number;
  caption: number;
}

export async function captionedTile(picture: Buffer, size: TileSize, lines: readonly CaptionLine[]): Promise<Buffer> {
  const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  const caption = Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.caption}">` +
      `<rect width="100%" height="100%" fill="#111"/>` +
      lines.map((l) => `<text x="${l.x}" y="${l.y}" font-family="DejaVu Sans, sans-serif" font-size="${l.size}" fill="#eee">${escape(l.text)}</text>`).join('') +
      `</svg>`,
  );
  return sharp({ create: { width: size.width, height: size.height + size.caption, channels: 3, background: '#111' } })
    .composite([
      { input: picture, left: 0, top: 0 },
      { input: caption, left: 0, top: size.height },
    ])
    .png()
    .toBuffer();
}
