import { describe, expect, it } from 'vitest';
import { createGradientNoise, fbm, ridged } from '../../generators/terrain/gradient-noise.ts';
import { Rng } from '../../generators/seed/rng.ts';

describe('gradient noise', () => {
  it('is deterministic per seed, bounded, and zero on the lattice', () => {
    const a = createGradientNoise(new Rng(3));
    const b = createGradientNoise(new Rng(3));
    const c = createGradientNoise(new Rng(4));
    let differs = false;
    for (let i = 0; i < 2000; i++) {
      const x = i * 0.37;
      const y = i * 0.71;
      expect(a(x, y)).toBe(b(x, y));
      expect(Math.abs(a(x, y))).toBeLessThanOrEqual(1.01);
      if (a(x, y) !== c(x, y)) differs = true;
    }
    expect(differs).toBe(true);
    expect(a(5, 9)).toBe(0);
  });

  it('has no preferred direction (a regression: gradients once followed the hash)', () => {
    const noise = createGradientNoise(new Rng(11));
    // Mean squared difference along x and along y at the same lag should match.
    let dx = 0;
    let dy = 0;
    for (let i = 0; i < 200; i++) {
      for (let j = 0; j < 200; j++) {
        const x = i * 0.31;
        const y = j * 0.29;
        dx += (noise(x + 0.5, y) - noise(x, y)) ** 2;
        dy += (noise(x, y + 0.5) - noise(x, y)) ** 2;
      }
    }
    expect(dx / dy).toBeGreaterThan(0.85);
    expect(dx / dy).toBeLessThan(1.15);
  });

  it('sums octaves into bounded fBm and ridged noise', () => {
    const noise = createGradientNoise(new Rng(5));
    for (let i = 0; i < 500; i++) {
      const f = fbm(noise, i * 0.13, i * 0.07, { octaves: 6, gain: 0.5 });
      const r = ridged(noise, i * 0.13, i * 0.07, { octaves: 6, gain: 0.5 });
      expect(Math.abs(f)).toBeLessThanOrEqual(1.01);
      expect(r).toBeGreaterThanOrEqual(0);
      expect(r).toBeLessThanOrEqual(1);
    }
  });
});
