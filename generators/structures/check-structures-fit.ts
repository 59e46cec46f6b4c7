/**
 * `checkStructuresFit(spec)`: what can be known about the spec's structures before any terrain
 * is made — cheap arithmetic on footprints and the water asked for:
 *  - each structure's footprint fits inside the world with the placement margin to spare;
 *  - all footprints together, times 3 for clearance and the ground between, take at most 40% of
 *    the world's area;
 *  - a bridge has a river to cross; a pier has a sea, lake or river to reach into; a lighthouse
 *    has a sea or a lake to light.
 * Each problem names the field to change (a JSON pointer), what is wrong, and what would do.
 */
import type { SpecIssue } from '../spec/spec-error.ts';
import type { StructureType, WorldSpec } from '../spec/world-spec-schema.ts';
import { STRUCTURE_FOOTPRINTS } from './footprints.ts';

/** Share of the world that footprints (with clearance) may take. */
export const MAX_BUILT_SHARE = 0.4;
/** Footprint area × this = the ground a structure really needs (clearance, room between). */
export const CLEARANCE_FACTOR = 3;

export function checkStructuresFit(spec: Pick<WorldSpec, 'size' | 'structures' | 'water'>): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const { width: W, depth: D, cellSize } = spec.size;
  const margin = Math.max(4, 2 * cellSize);
  const usableW = W - 2 * margin;
  const usableD = D - 2 * margin;
  const fits = (w: number, d: number) => (w <= usableW && d <= usableD) || (d <= usableW && w <= usableD);

  spec.structures.forEach((s, i) => {
    const { width, depth } = STRUCTURE_FOOTPRINTS[s.type];
    if (!fits(width, depth)) {
      const side = Math.ceil(Math.max(width, depth) + 2 * margin);
      issues.push({
        path: `/structures/${i}/type`,
        value: s.type,
        problem: `a ${s.type} needs ${width} × ${depth} m plus ${margin} m to the edges, and the world is only ${W} × ${D} m`,
        allowed: `a world of at least ${side} × ${Math.ceil(Math.min(width, depth) + 2 * margin)} m (enlarge /size/width and /size/depth), or a smaller structure`,
      });
    }
    const water = spec.water;
    if (s.type === 'bridge' && water.rivers < 1) {
      issues.push({
        path: `/structures/${i}/type`,
        value: s.type,
        problem: 'a bridge needs a river to cross, and /water/rivers is 0',
        allowed: 'set /water/rivers to 1 or more, or remove the bridge',
      });
    }
    if (s.type === 'pier' && water.sea <= 0 && water.lakes < 1 && water.rivers < 1) {
      issues.push({
        path: `/structures/${i}/type`,
        value: s.type,
        problem: 'a pier needs water to reach into, and the world has no sea, lake or river',
        allowed: 'set /water/sea above 0, /water/lakes or /water/rivers to 1 or more, or remove the pier',
      });
    }
    if (s.type === 'lighthouse' && water.sea <= 0 && water.lakes < 1) {
      issues.push({
        path: `/structures/${i}/type`,
        value: s.type,
        problem: 'a lighthouse needs a sea or a lake to light, and the world has neither',
        allowed: 'set /water/sea above 0 or /water/lakes to 1 or more, or build a tower instead',
      });
    }
  });

  // All together: footprint area × 3 within 40% of the world.
  const area = (t: StructureType) => STRUCTURE_FOOTPRINTS[t].width * STRUCTURE_FOOTPRINTS[t].depth * CLEARANCE_FACTOR;
  const needed = spec.structures.reduce((sum, s) => sum + area(s.type) * s.count, 0);
  const available = W * D * MAX_BUILT_SHARE;
  if (needed > available && spec.structures.length > 0) {
    // Point at the entry taking the most ground, and say how many of it would fit.
    let worst = 0;
    spec.structures.forEach((s, i) => {
      if (area(s.type) * s.count > area(spec.structures[worst].type) * spec.structures[worst].count) worst = i;
    });
    const s = spec.structures[worst];
    const others = needed - area(s.type) * s.count;
    const most = Math.max(0, Math.floor((available - others) / area(s.type)));
    // The same shape of world, scaled until everything fits.
    const scale = Math.sqrt(needed / available);
    const fix = most >= 1 ? `lower /structures/${worst}/count to ${most}` : `remove some structures`;
    issues.push({
      path: s.count > 1 ? `/structures/${worst}/count` : '/structures',
      value: s.count > 1 ? s.count : spec.structures.length,
      problem:
        `the structures need about ${Math.round(needed)} m² with clearance (footprints × ${CLEARANCE_FACTOR}), ` +
        `more than ${Math.round(MAX_BUILT_SHARE * 100)}% of the ${W} × ${D} m world (${Math.round(available)} m²)`,
      allowed: `${fix}, or enlarge /size to at least ${Math.ceil(W * scale)} × ${Math.ceil(D * scale)} m`,
    });
  }
  return issues;
}
