/**
 * Rules a schema cannot express: they relate several fields (grid size to world size, waterfalls
 * to rivers, positions to the world's bounds, ids to each other).
 */
import type { SpecIssue } from './spec-error.ts';
import type { WorldSpec } from './world-spec-schema.ts';

export const MAX_SAMPLES_PER_SIDE = 4097;
export const MIN_SAMPLES_PER_SIDE = 9;

/** Height samples along each side of the grid: one more than the number of cells. */
export function gridSamples(spec: Pick<WorldSpec, 'size'>): { nx: number; nz: number } {
  return {
    nx: Math.round(spec.size.width / spec.size.cellSize) + 1,
    nz: Math.round(spec.size.depth / spec.size.cellSize) + 1,
  };
}

export function checkWorldSpecRules(spec: WorldSpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { nx, nz } = gridSamples(spec);
  const longest = Math.max(nx, nz);
  if (longest > MAX_SAMPLES_PER_SIDE) {
    const side = Math.max(spec.size.width, spec.size.depth);
    issues.push({
      path: '/size/cellSize',
      value: spec.size.cellSize,
      problem: `gives ${longest} samples along a ${side} m side, more than ${MAX_SAMPLES_PER_SIDE}`,
      allowed: `a cellSize of at least ${roundUp(side / (MAX_SAMPLES_PER_SIDE - 1))} m for this size`,
    });
  }
  if (Math.min(nx, nz) < MIN_SAMPLES_PER_SIDE) {
    const side = Math.min(spec.size.width, spec.size.depth);
    issues.push({
      path: '/size/cellSize',
      value: spec.size.cellSize,
      problem: `gives only ${Math.min(nx, nz)} samples along a ${side} m side`,
      allowed: `a cellSize of at most ${side / (MIN_SAMPLES_PER_SIDE - 1)} m for this size`,
    });
  }

  const weights = Object.values(spec.biomes).filter((w): w is number => typeof w === 'number');
  if (!weights.some((w) => w > 0)) {
    issues.push({
      path: '/biomes',
      value: spec.biomes,
      problem: 'no biome has a weight above 0',
      allowed: 'at least one biome with a positive weight, e.g. {"grassland": 1}',
    });
  }

  if (spec.water.waterfalls > 0 && spec.water.rivers === 0) {
    issues.push({
      path: '/water/waterfalls',
      value: spec.water.waterfalls,
      problem: 'waterfalls need a river to fall',
      allowed: '0 while /water/rivers is 0, or set /water/rivers to 1 or more',
    });
  }

  const halfWidth = spec.size.width / 2;
  const halfDepth = spec.size.depth / 2;
  const checkPosition = (path: string, position: { x: number; z: number } | undefined) => {
    if (!position) return;
    if (Math.abs(position.x) > halfWidth || Math.abs(position.z) > halfDepth) {
      issues.push({
        path,
        value: position,
        problem: 'lies outside the world',
        allowed: `x from ${-halfWidth} to ${halfWidth} and z from ${-halfDepth} to ${halfDepth} (metres from the centre)`,
      });
    }
  };
  spec.structures.forEach((s, i) => checkPosition(`/structures/${i}/position`, s.position));
  checkPosition('/gameplay/spawn', spec.gameplay.spawn);
  spec.gameplay.pointsOfInterest.forEach((p, i) => checkPosition(`/gameplay/pointsOfInterest/${i}/position`, p.position));

  checkUniqueIds(issues, '/characters', spec.characters);
  checkUniqueIds(issues, '/gameplay/pointsOfInterest', spec.gameplay.pointsOfInterest);
  return issues;
}

function checkUniqueIds(issues: SpecIssue[], path: string, items: ReadonlyArray<{ id: string }>): void {
  const first = new Map<string, number>();
  items.forEach((item, i) => {
    const earlier = first.get(item.id);
    if (earlier === undefined) first.set(item.id, i);
    else
      issues.push({
        path: `${path}/${i}/id`,
        value: item.id,
        problem: `repeats the id of ${path}/${earlier}`,
        allowed: 'an id used once in this list',
      });
  });
}

function roundUp(value: number): number {
  return Math.ceil(value * 1000) / 1000;
}
