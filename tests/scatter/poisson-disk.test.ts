import { describe, expect, it } from 'vitest';
import { poissonDisk } from '../../generators/scatter/poisson-disk.ts';
import { Rng } from '../../generators/seed/rng.ts';

const box = { minX: -50, minZ: -40, maxX: 50, maxZ: 40 };

describe('poissonDisk', () => {
  it('keeps every pair at least the radius apart, inside the box', () => {
    const { x, z, count } = poissonDisk({ ...box, radius: 3, rng: new Rng(1) });
    expect(count).toBeGreaterThan(300);
    for (let i = 0; i < count; i++) {
      expect(x[i]).toBeGreaterThanOrEqual(box.minX);
      expect(x[i]).toBeLessThanOrEqual(box.maxX);
      for (let j = i + 1; j < count; j++) expect(Math.hypot(x[i] - x[j], z[i] - z[j])).toBeGreaterThanOrEqual(3 - 1e-9);
    }
  });

  it('fills the area close to saturation', () => {
    const { count } = poissonDisk({ ...box, radius: 2, rng: new Rng(2) });
    // Random sequential addition saturates near 0.6 of hexagonal packing (0.866 r² per point).
    const hexagonal = (100 * 80) / (0.866 * 4);
    expect(count / hexagonal).toBeGreaterThan(0.5);
    expect(count / hexagonal).toBeLessThan(0.62);
  });

  it('is deterministic', () => {
    const a = poissonDisk({ ...box, radius: 4, rng: new Rng(5) });
    const b = poissonDisk({ ...box, radius: 4, rng: new Rng(5) });
    expect(Array.from(a.x)).toEqual(Array.from(b.x));
    expect(poissonDisk({ ...box, radius: 4, rng: new Rng(5) }).count).toBeGreaterThan(10);
  });
});
