/**
 * Footsteps: the moments a walking character's heel lands (the walk cycle's contact phases), where
 * that foot is, and what it lands on — water where it is wet, wood on a bridge or pier deck, snow,
 * sand, stone and rock, dirt on bare or trodden ground, grass elsewhere.
 */
import { WALK_CONTACTS, WALK_CYCLE_SECONDS } from '../characters/walk-cycle.ts';
import type { Biome } from '../spec/world-spec-schema.ts';
import type { World } from '../world/world.ts';
import type { WorldQuery } from '../world/world-query.ts';
import type { CharacterFrame, Footstep, FootstepSurface, Vec3 } from './timeline.ts';

const BIOME_SURFACE: Partial<Record<Biome, FootstepSurface>> = { desert: 'sand', coast: 'sand', tundra: 'snow', mountains: 'stone', canyon: 'dirt', volcanic: 'stone', savanna: 'dirt', swamp: 'dirt' };

export function findFootsteps(id: string, frames: readonly CharacterFrame[], fps: number, world: World, query: WorldQuery): Footstep[] {
  const steps: Footstep[] = [];
  for (let f = 1; f < frames.length; f++) {
    const a = frames[f - 1];
    const b = frames[f];
    if (b.clip !== 'walk' || a.clip !== 'walk') continue;
    const pa = a.clipTime / WALK_CYCLE_SECONDS;
    const pb = b.clipTime / WALK_CYCLE_SECONDS;
    if (pb <= pa) continue;
    for (const contact of WALK_CONTACTS) {
      // Contacts at phase + n for whole n in (pa, pb].
      for (let n = Math.ceil(pa - contact.phase); n + contact.phase <= pb; n++) {
        const at = n + contact.phase;
        if (at <= pa) continue;
        const share = (at - pa) / (pb - pa);
        const time = (f - 1 + share) / fps;
        const side = contact.foot === 'left' ? 1 : -1;
        const yaw = a.yaw + (b.yaw - a.yaw) * share;
        // The left foot is on the character's left: facing +z, left is +x.
        const position: Vec3 = [
          a.position[0] + (b.position[0] - a.position[0]) * share + Math.cos(yaw) * 0.11 * side,
          a.position[1] + (b.position[1] - a.position[1]) * share,
          a.position[2] + (b.position[2] - a.position[2]) * share - Math.sin(yaw) * 0.11 * side,
        ];
        steps.push({ time: Math.round(time * 1e4) / 1e4, character: id, foot: contact.foot, position, surface: surfaceAt(position, world, query) });
      }
    }
  }
  return steps.sort((x, y) => x.time - y.time);
}

export function surfaceAt(p: Vec3, world: World, query: WorldQuery): FootstepSurface {
  const ground = query.heightAt(p[0], p[2]);
  if (p[1] > ground + 0.8) return 'wood';
  const water = query.waterAt(p[0], p[2]);
  if (water && water.level > p[1] - 0.05) return world.water.frozen ? 'stone' : 'water';
  const t = world.terrain;
  const i = Math.max(0, Math.min(t.nx - 1, Math.round((p[0] + t.width / 2) / t.dx)));
  const j = Math.max(0, Math.min(t.nz - 1, Math.round((p[2] + t.depth / 2) / t.dz)));
  const material = world.ground.materials[world.ground.material[j * t.nx + i]]?.id ?? 'grass';
  if (material === 'snow') return 'snow';
  if (material === 'sand') return 'sand';
  if (material === 'rock') return 'stone';
  if (world.spec.time.season === 'winter' && world.water.frozen) return 'snow';
  return BIOME_SURFACE[material as Biome] ?? 'grass';
}
