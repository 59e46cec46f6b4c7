import { describe, expect, it } from 'vitest';
import {
  buildCharacter,
  designCharacter,
  IDLE_CYCLE_SECONDS,
  J,
  poseJoints,
  sampleClip,
  skinPositions,
  WALK_CONTACTS,
  WALK_CYCLE_SECONDS,
  WALK_SPEED_METRES_PER_SECOND,
  type CharacterIdentity,
  type CharacterModel,
} from '../../generators/characters/index.ts';

const build = (archetype: CharacterIdentity['archetype'], identitySeed: number): CharacterModel => buildCharacter(designCharacter({ id: archetype, archetype, identitySeed }));
const cast = [build('knight', 3), build('monk', 10), build('wanderer', 7), build('child', 2), build('wizard', 1), build('merchant', 8)];
const SAMPLES = 88;
const at = (phase: number) => phase * WALK_CYCLE_SECONDS;

/** The lowest skinned vertex of a foot (the vertices mostly weighted to it). */
function footLowest(model: CharacterModel, t: number, foot: number): number {
  const posed = skinPositions(model, sampleClip(model, 'walk', t));
  let lowest = Infinity;
  model.parts.forEach((part, p) => {
    for (let v = 0; v < part.positions.length / 3; v++) {
      if (part.joints[v * 4] === foot && part.weights[v * 4] > 0.5) lowest = Math.min(lowest, posed[p][v * 3 + 1]);
    }
  });
  return lowest;
}

describe('walk and idle clips', () => {
  it('loop seamlessly: t and t + cycle give the same pose', () => {
    for (const m of cast) {
      for (const [clip, cycle] of [['walk', WALK_CYCLE_SECONDS], ['idle', IDLE_CYCLE_SECONDS]] as const) {
        let worst = 0;
        for (const t of [0, 0.013, 0.37, 0.9, 2.5]) {
          const a = sampleClip(m, clip, t);
          for (const later of [t + cycle, t + 3 * cycle]) {
            const b = sampleClip(m, clip, later);
            a.rotations.forEach((q, j) => q.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - b.rotations[j][k])))));
            a.hipsOffset.forEach((v, k) => (worst = Math.max(worst, Math.abs(v - b.hipsOffset[k]))));
          }
        }
        expect(worst, `${m.design.archetype} ${clip}`).toBeLessThan(1e-6);
        // Just before the wrap and just after it are close too (no jump at the seam).
        const before = sampleClip(m, clip, cycle - 1e-4);
        const after = sampleClip(m, clip, 0);
        for (let j = 0; j < before.rotations.length; j++) {
          const dot = Math.abs(before.rotations[j].reduce((s, v, k) => s + v * after.rotations[j][k], 0));
          expect(dot).toBeGreaterThan(0.9999);
        }
      }
    }
  });

  it('lands each heel at its contact phase: the foot lowest and furthest forward there', () => {
    for (const m of cast) {
      for (const contact of WALK_CONTACTS) {
        const foot = contact.foot === 'left' ? J.footL : J.footR;
        const zs: number[] = [];
        const lows: number[] = [];
        for (let i = 0; i < SAMPLES; i++) {
          const t = at(i / SAMPLES);
          zs.push(poseJoints(m.joints, sampleClip(m, 'walk', t)).positions[foot][2]);
          lows.push(footLowest(m, t, foot));
        }
        const i0 = Math.round(contact.phase * SAMPLES);
        expect(zs[i0], `${m.design.archetype} ${contact.foot}`).toBeGreaterThan(Math.max(...zs) - 0.01);
        expect(lows[i0]).toBeLessThan(Math.min(...lows) + 0.006);
        expect(Math.abs(lows[i0])).toBeLessThan(0.01);
        // And the other foot is behind.
        const other = contact.foot === 'left' ? J.footR : J.footL;
        expect(poseJoints(m.joints, sampleClip(m, 'walk', at(contact.phase))).positions[other][2]).toBeLessThan(zs[i0] - 0.3);
      }
    }
  });

  it('keeps a planted foot still on the ground while the body walks on at the walking speed', () => {
    for (const m of cast) {
      const duty = m.gait.duty;
      const world: number[] = [];
      for (let i = 0; i <= 20; i++) {
        const phase = duty * (0.15 + (0.38 * i) / 20);
        const t = at(phase);
        const ankle = poseJoints(m.joints, sampleClip(m, 'walk', t)).positions[J.footL];
        world.push(ankle[2] + WALK_SPEED_METRES_PER_SECOND * t);
      }
      expect(Math.max(...world) - Math.min(...world), m.design.archetype).toBeLessThan(0.005);
      // Stride matches the speed: one cycle covers speed × cycle.
      expect(m.gait.stanceTravel / m.gait.duty).toBeCloseTo(WALK_SPEED_METRES_PER_SECOND * WALK_CYCLE_SECONDS, 6);
    }
  });

  it('never sinks into the ground by more than 2 cm, in either clip', () => {
    for (const m of cast) {
      for (const [clip, cycle] of [['walk', WALK_CYCLE_SECONDS], ['idle', IDLE_CYCLE_SECONDS]] as const) {
        for (let i = 0; i < 24; i++) {
          const posed = skinPositions(m, sampleClip(m, clip, (i / 24) * cycle));
          let lowest = Infinity;
          for (const a of posed) for (let v = 1; v < a.length; v += 3) lowest = Math.min(lowest, a[v]);
          expect(lowest, `${m.design.archetype} ${clip} ${i}`).toBeGreaterThan(-0.02);
        }
      }
    }
  });

  it('swings the arms against the legs and bobs the hips', () => {
    for (const m of cast) {
      const p0 = poseJoints(m.joints, sampleClip(m, 'walk', 0)).positions;
      // Left leg forward at phase 0: left hand back, right hand forward.
      expect(p0[J.handL][2]).toBeLessThan(p0[J.handR][2] - 0.08);
      const p5 = poseJoints(m.joints, sampleClip(m, 'walk', at(0.5))).positions;
      expect(p5[J.handR][2]).toBeLessThan(p5[J.handL][2] - 0.08);
      const pMid = poseJoints(m.joints, sampleClip(m, 'walk', at(0.25))).positions;
      expect(pMid[J.hips][1]).toBeGreaterThan(p0[J.hips][1] + 0.01);
    }
  });

  it('idles with the feet planted, breathing and looking around', () => {
    for (const m of cast) {
      const a = poseJoints(m.joints, sampleClip(m, 'idle', 0)).positions;
      const b = poseJoints(m.joints, sampleClip(m, 'idle', IDLE_CYCLE_SECONDS / 4)).positions;
      for (const foot of [J.footL, J.footR]) {
        for (let k = 0; k < 3; k++) expect(Math.abs(a[foot][k] - m.joints[foot].position[k])).toBeLessThan(0.002);
        for (let k = 0; k < 3; k++) expect(Math.abs(b[foot][k] - m.joints[foot].position[k])).toBeLessThan(0.002);
      }
      expect(Math.abs(a[J.hips][0] - b[J.hips][0])).toBeGreaterThan(0.005);
      const headA = sampleClip(m, 'idle', 0).rotations[J.head];
      const headB = sampleClip(m, 'idle', IDLE_CYCLE_SECONDS / 2).rotations[J.head];
      expect(Math.abs(headA[1] - headB[1])).toBeGreaterThan(0.05);
    }
  });
});
