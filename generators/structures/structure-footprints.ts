/** Each structure piece's ground as the walk-cost grid sees it (bridge and pier decks are walked on). */
import type { Footprint } from '../gameplay/gameplay.ts';
import type { PlacedStructure } from './place-structures.ts';

export function structureFootprints(structures: readonly PlacedStructure[]): Footprint[] {
  return structures.flatMap((s) =>
    s.pieces.map((p) => ({ x: p.x, z: p.z, halfWidth: p.halfWidth, halfDepth: p.halfDepth, yaw: p.yaw, walkable: p.foundation === 'span' })),
  );
}
