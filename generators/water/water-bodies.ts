/** The water of a world, as generated: what the exporter, the relief picture and queries read. */

export interface Lake {
  id: string;
  /** Water surface height, metres. */
  level: number;
  centre: { x: number; z: number };
  /** Planned radius, metres (the shore follows the terrain). */
  radius: number;
  /** Grid samples under water. */
  samples: number;
  /** Grid-index bounds of the flooded samples, inclusive. */
  bounds: { ix0: number; iz0: number; ix1: number; iz1: number };
}

export interface RiverPoint {
  x: number;
  z: number;
  /** Water surface height, metres; never rises downstream. */
  level: number;
  /** Channel width, metres. */
  width: number;
  /** Channel depth below the surface, metres. */
  depth: number;
}

export interface River {
  id: string;
  /** From source to mouth. */
  points: RiverPoint[];
  /** Where it ends. */
  mouth: 'sea' | 'edge' | 'lake';
}

export interface Waterfall {
  id: string;
  riverId: string;
  x: number;
  z: number;
  /** Water surface above and below the fall, metres. */
  top: number;
  bottom: number;
}

export interface WaterBodies {
  /** Sea surface height in metres, or null when the world has no sea. */
  seaLevel: number | null;
  /** 1 where a grid sample is sea (below sea level and connected to the map's edge); null without a sea. */
  seaMask: Uint8Array | null;
  lakes: Lake[];
  rivers: River[];
  waterfalls: Waterfall[];
  frozen: boolean;
  /** Water surface height per grid sample, NaN where dry. */
  surface: Float32Array;
  /** Metres from each grid sample to the nearest water (0 in water). */
  distance: Float32Array;
}
