import { describe, expect, it } from 'vitest';
import { drainageArea, priorityFlood } from '../../generators/terrain/priority-flood.ts';
import { Rng } from '../../generators/seed/rng.ts';

describe('priorityFlood', () => {
  const nx = 40;
  const nz = 30;
  const rng = new Rng(9);
  const heights = Float32Array.from({ length: nx * nz }, () => rng.range(0, 10));

  it('leaves no pits: every inner cell drains to a strictly lower receiver', () => {
    const { filled, receivers } = priorityFlood(heights, nx, nz);
    for (let i = 0; i < nx * nz; i++) {
      expect(filled[i]).toBeGreaterThanOrEqual(heights[i]);
      const x = i % nx;
      const z = Math.floor(i / nx);
      const border = x === 0 || z === 0 || x === nx - 1 || z === nz - 1;
      if (border) expect(receivers[i]).toBe(-1);
      else expect(filled[receivers[i]]).toBeLessThan(filled[i]);
    }
  });

  it('orders receivers before the cells that drain into them, and conserves area', () => {
    const flood = priorityFlood(heights, nx, nz);
    const position = new Int32Array(nx * nz);
    flood.order.forEach((c, k) => (position[c] = k));
    for (let i = 0; i < nx * nz; i++) if (flood.receivers[i] >= 0) expect(position[flood.receivers[i]]).toBeLessThan(position[i]);
    const area = drainageArea(flood);
    let atOutlets = 0;
    for (let i = 0; i < nx * nz; i++) if (flood.receivers[i] < 0) atOutlets += area[i];
    expect(atOutlets).toBe(nx * nz);
  });

  it('treats marked cells as outlets', () => {
    const centre = 15 * nx + 20;
    const { receivers } = priorityFlood(heights, nx, nz, (i) => i === centre);
    expect(receivers[centre]).toBe(-1);
  });
});
