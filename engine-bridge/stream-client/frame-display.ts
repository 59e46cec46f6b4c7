/**
 * Shows streamed frames in a page, one of two ways:
 *   - `createFullScreenFrameDisplay(parent)`: a canvas over the whole page (or `parent`), the frame
 *     scaled to cover it (the pixels stay sharp-edged: frames are small);
 *   - `createTextureFrameDisplay(scene, {mesh})`: a Babylon DynamicTexture on a mesh (a new plane
 *     in front of the camera when none is given), as a screen in the world.
 * Both decode with createImageBitmap from a Blob of the frame's bytes, and only the newest frame:
 * a frame that arrives while one is decoding replaces any waiting one, so a slow device shows
 * fewer frames instead of falling behind.
 */
import { DynamicTexture, MeshBuilder, StandardMaterial, Color3, type AbstractMesh, type Scene } from '@babylonjs/core';
import type { FrameHeader } from './stream-protocol.ts';

export interface FrameDisplay {
  /** Show this frame (decoded asynchronously; older undrawn frames are skipped). */
  show(header: FrameHeader, image: Uint8Array): void;
  /** Frames drawn so far. */
  readonly drawn: number;
  /** Called after each frame is drawn. */
  onDrawn(listener: (header: FrameHeader) => void): () => void;
  dispose(): void;
}

type DrawBitmap = (bitmap: ImageBitmap, header: FrameHeader) => void;

/** Decodes the newest frame only and hands it to `draw`. */
function createLatestFrameDecoder(draw: DrawBitmap) {
  let waiting: { header: FrameHeader; image: Uint8Array } | null = null;
  let decoding = false;
  let drawn = 0;
  let disposed = false;
  const listeners = new Set<(header: FrameHeader) => void>();

  const pump = async () => {
    if (decoding) return;
    decoding = true;
    while (waiting && !disposed) {
      const { header, image } = waiting;
      waiting = null;
      try {
        const blob = new Blob([image as Uint8Array<ArrayBuffer>], { type: header.format === 'webp' ? 'image/webp' : 'image/jpeg' });
        const bitmap = await createImageBitmap(blob);
        if (!disposed) {
          draw(bitmap, header);
          drawn++;
          for (const l of [...listeners]) l(header);
        }
        bitmap.close();
      } catch {
        // A frame that does not decode is skipped; the next one replaces it.
      }
    }
    decoding = false;
  };

  return {
    show(header: FrameHeader, image: Uint8Array) {
      // The SDK may reuse its buffer: keep a copy until decoded.
      waiting = { header, image: image.slice() };
      void pump();
    },
    get drawn() {
      return drawn;
    },
    onDrawn(listener: (header: FrameHeader) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    stop() {
      disposed = true;
    },
  };
}

/** A canvas covering `parent` (default document.body, fixed full-window) that shows the frames. */
export function createFullScreenFrameDisplay(parent: HTMLElement = document.body, options: { zIndex?: number } = {}): FrameDisplay & { canvas: HTMLCanvasElement } {
  const canvas = document.createElement('canvas');
  const fullWindow = parent === document.body;
  Object.assign(canvas.style, {
    position: fullWindow ? 'fixed' : 'absolute',
    inset: '0',
    width: '100%',
    height: '100%',
    zIndex: String(options.zIndex ?? 1),
    pointerEvents: 'none',
    imageRendering: 'auto',
  } satisfies Partial<CSSStyleDeclaration>);
  parent.appendChild(canvas);
  const context = canvas.getContext('2d')!;

  const decoder = createLatestFrameDecoder((bitmap) => {
    const width = Math.max(1, Math.round(canvas.clientWidth * devicePixelRatio));
    const height = Math.max(1, Math.round(canvas.clientHeight * devicePixelRatio));
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    // Cover: fill the canvas, cropping the longer side of the (square) frame.
    const scale = Math.max(width / bitmap.width, height / bitmap.height);
    const w = bitmap.width * scale;
    const h = bitmap.height * scale;
    context.imageSmoothingEnabled = true;
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, (width - w) / 2, (height - h) / 2, w, h);
  });

  return {
    canvas,
    show: decoder.show,
    get drawn() {
      return decoder.drawn;
    },
    onDrawn: decoder.onDrawn,
    dispose() {
      decoder.stop();
      canvas.remove();
    },
  };
}

export interface TextureFrameDisplayOptions {
  /** The mesh to put the frames on (its material is replaced); default: a new 2 × 2 plane. */
  mesh?: AbstractMesh;
  /** Texture size in pixels (default 512; frames are scaled to it). */
  textureSize?: number;
}

/** A DynamicTexture (emissive, unlit) on a mesh, redrawn with each frame. */
export function createTextureFrameDisplay(scene: Scene, options: TextureFrameDisplayOptions = {}): FrameDisplay & { texture: DynamicTexture; mesh: AbstractMesh } {
  const size = options.textureSize ?? 512;
  const mesh = options.mesh ?? MeshBuilder.CreatePlane('stream-frame-screen', { size: 2 }, scene);
  const texture = new DynamicTexture('stream-frame', { width: size, height: size }, scene, true);
  const material = new StandardMaterial('stream-frame-material', scene);
  material.diffuseColor = Color3.Black();
  material.specularColor = Color3.Black();
  material.emissiveTexture = texture;
  material.disableLighting = true;
  material.backFaceCulling = false;
  mesh.material = material;
  const context = texture.getContext();

  const decoder = createLatestFrameDecoder((bitmap) => {
    context.drawImage(bitmap, 0, 0, size, size);
    texture.update(true);
  });

  return {
    texture,
    mesh,
    show: decoder.show,
    get drawn() {
      return decoder.drawn;
    },
    onDrawn: decoder.onDrawn,
    dispose() {
      decoder.stop();
      texture.dispose();
      material.dispose();
      if (!options.mesh) mesh.dispose();
    },
  };
}
