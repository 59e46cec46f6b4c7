import { describe, expect, it } from 'vitest';
import { createHeightfield } from '../../generators/terrain/heightfield.ts';
import type { WaterBodies } from '../../generators/water/water-bodies.ts';
import { placeCollider, type WorldObject } from '../../generators/world/world-objects.ts';
import { WorldQuery } from '../../generators/world/world-query.ts';

/** A 100 m × 100 m world, flat at 10 m in the west half, rising 1 m per 10 m in the east half; a pond at the north-west. */
function world(objects: WorldObject[]): WorldQuery {
  const field = createHeightfield(101, 101, 100, 100);
  const surface = new Float32Array(101 * 101).fill(NaN);
  for (let iz = 0; iz < 101; iz++) {
    for (let ix = 0; ix < 101; ix++) {
      const x = -50 + ix;
      field.heights[iz * 101 + ix] = x <= 0 ? 10 : 10 + x / 10;
      if (ix < 20 && iz < 20) {
        field.heights[iz * 101 + ix] = 7;
        surface[iz * 101 + ix] = 9.5;
      }
    }
  }
  const water = { seaLevel: null, seaMask: null, lakes: [], rivers: [], waterfalls: [], frozen: false, surface, distance: new Float32Array(101 * 101) } as WaterBodies;
  return new WorldQuery(field, water, ['grassland', 'desert'], Uint8Array.from({ length: 101 * 101 }, (_, i) => (i % 101 > 50 ? 1 : 0)), objects);
}

function object(id: string, kind: WorldObject['kind'], x: number, y: number, z: number, colliders: WorldObject['colliders']): WorldObject {
  return { id, kind, assetId: id, x, y, z, yaw: 0, scale: 1, colliders, radius: 8 };
}

const tree = object('tree', 'tree', 10, 11, 0, placeCollider({ shape: 'capsule', radius: 0.5, height: 8 }, 10, 11, 0, 0, 1));
const wall = object('wall', 'structure', -20, 10, 10, placeCollider({ shape: 'boxes', boxes: [{ center: [0, 2, 0], size: [20, 4, 1], yaw: 0 }] }, -20, 10, 10, 0, 1));
const deck = object('deck', 'structure', -20, 10, -10, placeCollider({ shape: 'boxes', boxes: [{ center: [0, 0.2, 0], size: [4, 0.4, 4], yaw: 0 }] }, -20, 10, -10, 0, 1));

describe('WorldQuery', () => {
  const q = world([tree, wall, deck]);

  it('answers height, normal, biome and water', () => {
    expect(q.heightAt(-20, 0)).toBeCloseTo(10);
    expect(q.heightAt(25, 0)).toBeCloseTo(12.5);
    expect(q.normalAt(25, 0)[0]).toBeLessThan(0);
    expect(q.biomeAt(-30, 0)).toBe('grassland');
    expect(q.biomeAt(30, 0)).toBe('desert');
    expect(q.waterAt(-45, -45)).toEqual({ level: 9.5, depth: expect.closeTo(2.5, 5) });
    expect(q.waterAt(0, 0)).toBeNull();
  });

  it('finds objects in a box', () => {
    expect(q.objectsIn({ minX: 5, minZ: -5, maxX: 15, maxZ: 5 }).map((o) => o.id)).toEqual(['tree']);
    expect(q.objectsIn({ minX: 30, minZ: 30, maxX: 40, maxZ: 40 })).toEqual([]);
  });

  it('raycasts onto the ground and onto colliders', () => {
    const down = q.raycast([-30, 50, 30], [0, -1, 0])!;
    expect(down.point[1]).toBeCloseTo(10, 2);
    expect(down.object).toBeUndefined();
    const atTree = q.raycast([0, 14, 0], [1, 0, 0])!;
    expect(atTree.object?.id).toBe('tree');
    expect(atTree.point[0]).toBeCloseTo(9.5, 3);
    const atWall = q.raycast([-20, 12, 0], [0, 0, 1])!;
    expect(atWall.object?.id).toBe('wall');
    expect(atWall.distance).toBeCloseTo(9.5, 3);
    expect(q.raycast([0, 100, 0], [0, 1, 0])).toBeNull();
  });

  it('moves a walker: blocked by the wall, sliding along it, up onto the deck, not into deep water', () => {
    const start = { x: -20, y: 10, z: 7, yaw: 0 };
    const blocked = q.moveWithCollision(start, { forward: 5 });
    expect(blocked.z).toBeLessThan(9.1);
    const slid = q.moveWithCollision({ ...start, yaw: Math.PI / 4 }, { forward: 5 });
    expect(slid.x).toBeGreaterThan(start.x + 2);
    const onDeck = q.moveWithCollision({ x: -20, y: 10, z: -15, yaw: 0 }, { forward: 5 });
    expect(onDeck.y).toBeCloseTo(10.4, 3);
    const wet = q.moveWithCollision({ x: -28, y: 10, z: -28, yaw: Math.PI + Math.PI / 4 }, { forward: 20 });
    expect(q.waterAt(wet.x, wet.z)?.depth ?? 0).toBeLessThanOrEqual(0.8);
    const turned = q.moveWithCollision({ x: 0, y: 10, z: 0, yaw: 0 }, { forward: 2, turn: Math.PI / 2 });
    expect(turned.x).toBeCloseTo(2, 5);
    expect(turned.yaw).toBeCloseTo(Math.PI / 2);
    expect(q.moveWithCollision({ x: 20, y: 13, z: 0, yaw: Math.PI / 2 }, { forward: 5 }).y).toBeCloseTo(q.heightAt(25, 0), 3);
  });
});
