/**
 * The places a level is about: the spec's points of interest (placed where their kind says when
 * they have no position: a summit on the highest ground, a crater at the vent, a viewpoint on high
 * ground near a steep drop…) and what the world itself offers — each structure, each lake, each
 * waterfall, the volcano's crater. Each gets an approach: the nearest dry, walkable spot.
 */
import type { PointOfInterestSpec, WorldSpec } from '../spec/world-spec-schema.ts';
import { heightAt, sampleX, sampleZ, slopeAt, type Heightfield } from '../terrain/heightfield.ts';
import type { WaterBodies } from '../water/water-bodies.ts';
import { cellCentre, cellOf, nearestCellWhere, type CostGrid } from './find-path.ts';
import type { PointOfInterest } from './gameplay.ts';

/** A structure as points of interest see it. */
export interface StructureSite {
  id: string;
  type: string;
  x: number;
  z: number;
  /** In front of its door or at the end of its span. */
  entrance: { x: number; z: number };
}

export interface PointsOfInterestInputs {
  field: Heightfield;
  water: WaterBodies;
  grid: CostGrid;
  /** 1 where the cost grid's cell is in the region players can reach. */
  reachable: Uint8Array;
  spec: WorldSpec;
  structures: readonly StructureSite[];
  vent?: { x: number; z: number };
}

export function collectPointsOfInterest(inputs: PointsOfInterestInputs): PointOfInterest[] {
  const { field, water, spec } = inputs;
  const points: PointOfInterest[] = [];
  const used = new Set<string>();
  const add = (kind: PointOfInterest['kind'], label: string, at: { x: number; z: number }, source: PointOfInterest['source'], id?: string, approachFrom = at) => {
    let pid = id ?? `${kind}-1`;
    for (let k = 2; used.has(pid); k++) pid = `${kind}-${k}`;
    used.add(pid);
    const approach = nearestReachable(inputs, approachFrom);
    points.push({ id: pid, kind, label, x: at.x, y: heightAt(field, at.x, at.z), z: at.z, approach, source });
  };

  for (const poi of spec.gameplay.pointsOfInterest) {
    const at = poi.position ?? locate(poi, inputs);
    add(poi.kind, poi.label ?? poi.id, at, 'spec', poi.id);
  }
  for (const s of inputs.structures) add('structure', s.type, { x: s.x, z: s.z }, 'structure', s.id, s.entrance);
  for (const fall of water.waterfalls) add('waterfall', 'waterfall', { x: fall.x, z: fall.z }, 'water', fall.id);
  for (const lake of water.lakes) add('lake', 'lake', lake.centre, 'water', lake.id);
  if (inputs.vent && !points.some((p) => p.kind === 'crater')) add('crater', 'crater', inputs.vent, 'terrain');
  return points;
}

/** Where a spec point of interest without a position goes, by its kind. */
function locate(poi: PointOfInterestSpec, inputs: PointsOfInterestInputs): { x: number; z: number } {
  const { field, water } = inputs;
  switch (poi.kind) {
    case 'summit':
      return highest(field, () => 1);
    case 'viewpoint':
      // High ground with a steep drop nearby.
      return highest(field, (ix, iz) => 1 + 0.3 * Math.min(2, slopeAt(field, ix, iz)));
    case 'crater':
      return inputs.vent ?? highest(field, () => 1);
    case 'lake':
    case 'oasis':
      return water.lakes[0]?.centre ?? { x: 0, z: 0 };
    case 'waterfall':
      return water.waterfalls[0] ?? water.rivers[0]?.points[Math.floor(water.rivers[0].points.length / 2)] ?? { x: 0, z: 0 };
    case 'river': {
      const river = water.rivers[0];
      return river ? river.points[Math.floor(river.points.length / 2)] : { x: 0, z: 0 };
    }
    case 'structure': {
      const s = inputs.structures[0];
      return s ? { x: s.x, z: s.z } : { x: 0, z: 0 };
    }
    case 'custom':
      return { x: 0, z: 0 };
  }
}

function highest(field: Heightfield, weight: (ix: number, iz: number) => number): { x: number; z: number } {
  let best = 0;
  let bestValue = -Infinity;
  const margin = Math.max(2, Math.round(12 / field.dx));
  for (let iz = margin; iz < field.nz - margin; iz += 2) {
    for (let ix = margin; ix < field.nx - margin; ix += 2) {
      const value = field.heights[iz * field.nx + ix] * weight(ix, iz);
      if (value > bestValue) {
        bestValue = value;
        best = iz * field.nx + ix;
      }
    }
  }
  const ix = best % field.nx;
  return { x: sampleX(field, ix), z: sampleZ(field, (best - ix) / field.nx) };
}

/** The reachable cell nearest a point (searching outward), on the ground. */
function nearestReachable(inputs: PointsOfInterestInputs, at: { x: number; z: number }): { x: number; y: number; z: number } {
  const { grid, reachable, field } = inputs;
  const start = cellOf(grid, at.x, at.z);
  if (reachable[start]) return { x: at.x, y: heightAt(field, at.x, at.z), z: at.z };
  const best = nearestCellWhere(grid, start, (c) => reachable[c] === 1);
  if (best < 0) return { x: at.x, y: heightAt(field, at.x, at.z), z: at.z };
  const p = cellCentre(grid, best);
  return { x: p.x, y: heightAt(field, p.x, p.z), z: p.z };
}
