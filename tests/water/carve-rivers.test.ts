/**
 * carveRivers on made-up ground, where the right answer is plain: a river through a lake keeps
 * the lake's level and leaves at the outlet's height; meanders swing across flat ground, stay
 * smooth, and leave steep ground straight.
 */
import { describe, expect, it } from 'vitest';
import { Rng } from '../../generators/seed/rng.ts';
import { createHeightfield, heightAt, sampleX, sampleZ, type Heightfield } from '../../generators/terrain/heightfield.ts';
import { carveRivers } from '../../generators/water/carve-rivers.ts';
import type { RiverCourse } from '../../generators/water/trace-rivers.ts';

/** 300 m × 120 m at 1 m, falling eastward by `fall` per metre from 40 m. */
function slope(fall: number): Heightfield {
  const field = createHeightfield(301, 121, 300, 120);
  for (let iz = 0; iz < field.nz; iz++) for (let ix = 0; ix < field.nx; ix++) field.heights[iz * field.nx + ix] = 40 - fall * (sampleX(field, ix) + 150);
  return field;
}

/** A straight course west to east along z = 0, one point a metre, drainage growing downstream. */
function straightCourse(): RiverCourse {
  const points = Array.from({ length: 297 }, (_, k) => ({ x: -148 + k, z: 0, area: 10 + k }));
  return { points, mouth: 'edge', share: 0.05 };
}

const options = (rng = new Rng(3)) => ({ seaLevel: null, meander: 0.6, waterfalls: 0, rng });

describe('carveRivers', () => {
  it('holds a lake’s level through the lake and leaves at the outlet, without trenching downstream', () => {
    const field = slope(0.02);
    // A lake bowl 40 m across at x = -40: water at 37 m, bed down to 30 m.
    const lakeSurface = new Float32Array(field.heights.length).fill(Number.NaN);
    for (let iz = 0; iz < field.nz; iz++) {
      for (let ix = 0; ix < field.nx; ix++) {
        const r = Math.hypot(sampleX(field, ix) + 40, sampleZ(field, iz));
        const i = iz * field.nx + ix;
        if (r < 20) {
          field.heights[i] = Math.min(field.heights[i], 30 + 7 * (r / 20) ** 2);
          lakeSurface[i] = 37;
        }
      }
    }
    const { rivers } = carveRivers(field, [straightCourse()], { ...options(), meander: 0, lakeSurface });
    const points = rivers[0].points;
    const inLake = points.filter((p) => Math.hypot(p.x + 40, p.z) < 18);
    expect(inLake.length).toBeGreaterThan(20);
    for (const p of inLake) expect(p.level).toBeGreaterThan(36.9);
    // Downstream the water runs just under the ground as it was, not at the lake bed's depth.
    for (const p of points.filter((q) => q.x > 0)) {
      const ground = 40 - 0.02 * (p.x + 150);
      expect(p.level).toBeGreaterThan(Math.min(37, ground - 0.3) - 0.3);
    }
    // The channel is no deeper than the river's own depth below its level.
    for (const p of points.filter((q) => q.x > 0)) expect(heightAt(field, p.x, p.z)).toBeGreaterThan(p.level - p.depth - 0.05);
  });

  it('swings a river on flat ground into smooth meanders, its ends in place', () => {
    const field = slope(0.002);
    const course = straightCourse();
    const { rivers } = carveRivers(field, [course], options());
    const points = rivers[0].points;
    const swing = Math.max(...points.map((p) => Math.abs(p.z)));
    expect(swing).toBeGreaterThan(3);
    expect(Math.hypot(points[0].x - course.points[0].x, points[0].z)).toBeLessThan(0.01);
    const last = points[points.length - 1];
    expect(Math.hypot(last.x - course.points[course.points.length - 1].x, last.z)).toBeLessThan(0.01);
    // Smooth: the heading turns little from one point to the next.
    for (let k = 2; k < points.length; k++) {
      const a = Math.atan2(points[k - 1].z - points[k - 2].z, points[k - 1].x - points[k - 2].x);
      const b = Math.atan2(points[k].z - points[k - 1].z, points[k].x - points[k - 1].x);
      expect(Math.abs(b - a)).toBeLessThan((12 * Math.PI) / 180);
    }
    // And another seed meanders differently.
    const other = carveRivers(slope(0.002), [straightCourse()], options(new Rng(4))).rivers[0].points;
    expect(other.map((p) => p.z.toFixed(2)).join()).not.toBe(points.map((p) => p.z.toFixed(2)).join());
  });

  it('leaves a river running down steep ground straight', () => {
    const { rivers } = carveRivers(slope(0.08), [straightCourse()], options());
    expect(Math.max(...rivers[0].points.map((p) => Math.abs(p.z)))).toBeLessThan(0.5);
  });
});
