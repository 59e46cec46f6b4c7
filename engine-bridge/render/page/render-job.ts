/** What the render page is asked to do (passed as `window.__job`). */
import type { GlbEnvironment } from '../glb-info.ts';

export interface RenderCamera {
  position: [number, number, number];
  target: [number, number, number];
  /** Vertical field of view. */
  fovDegrees: number;
}

export interface RenderJob {
  url: string;
  width: number;
  height: number;
  camera: RenderCamera;
  environment: GlbEnvironment | null;
}
