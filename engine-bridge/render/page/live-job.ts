/** What the live page is asked to do (passed as `window.__liveJob`). */
import type { TimelineLighting } from '../../../generators/shots/timeline.ts';

export interface LiveJob {
  worldUrl: string;
  width: number;
  height: number;
  /** Vertical field of view of every frame, degrees. */
  fovDegrees: number;
  /** The light the world is drawn in (its hour's sun or moon, sky, ambient and fog). */
  lighting: TimelineLighting;
  /** Multiplies every asset's LOD switch distances (less: coarser levels sooner). */
  lodDistanceScale: number;
}
