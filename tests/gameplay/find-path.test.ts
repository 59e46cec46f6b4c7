import { describe, expect, it } from 'vitest';
import { findPath, type CostGrid } from '../../generators/gameplay/find-path.ts';

function grid(nx: number, nz: number, blocked: (x: number, z: number) => boolean = () => false): CostGrid {
  const cost = new Float32Array(nx * nz);
  for (let z = 0; z < nz; z++) for (let x = 0; x < nx; x++) cost[z * nx + x] = blocked(x, z) ? Infinity : 1;
  return { nx, nz, cell: 1, originX: 0, originZ: 0, cost };
}

describe('findPath', () => {
  it('walks straight across open ground', () => {
    const g = grid(10, 5);
    const path = findPath(g, 2 * 10 + 0, 2 * 10 + 9)!;
    expect(path).toHaveLength(10);
    expect(path.every((c) => Math.floor(c / 10) === 2)).toBe(true);
  });

  it('goes round a wall, through its one gap, by the shortest way', () => {
    const g = grid(11, 11, (x, z) => x === 5 && z !== 9);
    const path = findPath(g, 5 * 11 + 0, 5 * 11 + 10)!;
    expect(path).toContain(9 * 11 + 5);
    // Diagonal steps: the detour costs less than walking the grid's edges.
    let length = 0;
    for (let i = 1; i < path.length; i++) {
      const [a, b] = [path[i - 1], path[i]];
      length += Math.hypot((a % 11) - (b % 11), Math.floor(a / 11) - Math.floor(b / 11));
    }
    expect(length).toBeLessThan(4 * Math.SQRT2 + 2 + 4 * Math.SQRT2 + 1);
  });

  it('prefers cheap ground and says when the goal is unreachable', () => {
    const g = grid(5, 5);
    g.cost[2 * 5 + 2] = 50;
    expect(findPath(g, 2 * 5 + 0, 2 * 5 + 4)).not.toContain(2 * 5 + 2);
    const closed = grid(5, 5, (x) => x === 2);
    expect(findPath(closed, 0, 4)).toBeNull();
  });
});
