/** What a game needs to play a world, besides its geometry: where players start, what is worth going to, and the paths between. */
import type { PointOfInterestSpec } from '../spec/world-spec-schema.ts';

export interface Spawn {
  x: number;
  y: number;
  z: number;
  /** Radians about +Y; 0 faces +Z (south), π/2 faces +X (east). */
  yaw: number;
}

export interface PointOfInterest {
  id: string;
  kind: PointOfInterestSpec['kind'];
  label: string;
  /** Where the thing is. */
  x: number;
  y: number;
  z: number;
  /** Where a walker arrives to see it (a lake's shore, a door): on dry, walkable ground. */
  approach: { x: number; y: number; z: number };
  /** Named by the spec, or found in the world. */
  source: 'spec' | 'structure' | 'water' | 'terrain';
}

export interface WalkPath {
  id: string;
  /** Ids of its ends (`spawn` or a point of interest). */
  from: string;
  to: string;
  /** From `from` to `to`, about 2 m apart, on the (carved) ground. */
  points: Array<{ x: number; y: number; z: number }>;
  width: number;
  length: number;
}

/** A structure's ground: nothing grows there; walkers go round it (or over it, for a bridge deck). */
export interface Footprint {
  x: number;
  z: number;
  halfWidth: number;
  halfDepth: number;
  yaw: number;
  walkable: boolean;
}

export interface Gameplay {
  spawn: Spawn;
  pointsOfInterest: PointOfInterest[];
  paths: WalkPath[];
  /** Things asked for that could not be done (an unreachable point of interest…). */
  notes: string[];
}
