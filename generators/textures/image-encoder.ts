/**
 * How pixels become image files. Generators never encode; whoever writes files passes an encoder
 * in (the CLI and the server pass sharp's, `engine-bridge/images/sharp-image-encoder.ts`), so tests
 * and library users can bring their own.
 */
import type { TexturePixels } from './texture-set.ts';

export type ImageFormat = 'png' | 'jpeg' | 'webp';

export const IMAGE_FORMATS: readonly ImageFormat[] = ['png', 'jpeg', 'webp'];

export const FILE_EXTENSIONS: Record<ImageFormat, string> = { png: 'png', jpeg: 'jpg', webp: 'webp' };

export interface ImageEncodeOptions {
  /** Lossy formats: 1..100. Normal maps ask for more than colour does. */
  quality?: number;
  /** PNG: `fast` (the default, for texture maps) or `small` (slowest, smallest: previews). */
  png?: 'fast' | 'small';
}

export type ImageEncoder = (image: TexturePixels, format: ImageFormat, options?: ImageEncodeOptions) => Promise<Uint8Array>;
