/** Raw RGBA pixels → PNG bytes, with sharp (the one image encoder Worldsmith uses). */
import sharp from 'sharp';
import type { ReliefImage } from '../generators/terrain/shade-relief.ts';

export async function encodePng(image: ReliefImage): Promise<Uint8Array> {
  return sharp(image.pixels, { raw: { width: image.width, height: image.height, channels: 4 } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}
