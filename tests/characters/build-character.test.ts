import { describe, expect, it } from 'vitest';
import { buildCharacter, designCharacter, J, JOINT_NAMES, type CharacterIdentity, type CharacterModel } from '../../generators/characters/index.ts';
import { CHARACTER_ARCHETYPES } from '../../generators/spec/world-spec-schema.ts';

const model = (archetype: CharacterIdentity['archetype'], identitySeed: number, traits?: string[]): CharacterModel =>
  buildCharacter(designCharacter({ id: archetype, archetype, identitySeed, traits }));

describe('buildCharacter', () => {
  const models = CHARACTER_ARCHETYPES.flatMap((a) => [1, 2, 3].map((s) => model(a, s * 101 + a.length)));

  it('makes a low-poly mesh with valid geometry', () => {
    for (const m of models) {
      expect(m.triangles).toBeGreaterThan(1500);
      expect(m.triangles).toBeLessThan(5000);
      for (const part of m.parts) {
        const count = part.positions.length / 3;
        expect(part.normals.length).toBe(count * 3);
        expect(part.colors.length).toBe(count * 3);
        expect(part.joints.length).toBe(count * 4);
        expect(part.weights.length).toBe(count * 4);
        expect(Math.max(...part.indices)).toBeLessThan(count);
        let worstNormal = 0;
        for (let v = 0; v < count; v++) worstNormal = Math.max(worstNormal, Math.abs(Math.hypot(part.normals[v * 3], part.normals[v * 3 + 1], part.normals[v * 3 + 2]) - 1));
        expect(worstNormal).toBeLessThan(1e-3);
        expect(Math.min(...part.colors)).toBeGreaterThanOrEqual(0);
        expect(Math.max(...part.colors)).toBeLessThanOrEqual(1);
        expect([...part.positions].every(Number.isFinite)).toBe(true);
      }
    }
  });

  it('skins every vertex to valid joints with weights summing to 1', () => {
    for (const m of models) {
      for (const part of m.parts) {
        const problems: string[] = [];
        for (let v = 0; v < part.weights.length / 4; v++) {
          let sum = 0;
          const used = new Set<number>();
          for (let k = 0; k < 4; k++) {
            const w = part.weights[v * 4 + k];
            const j = part.joints[v * 4 + k];
            if (!(w >= 0) || j >= JOINT_NAMES.length) problems.push(`vertex ${v}: joint ${j} weight ${w}`);
            if (w > 0 && used.has(j)) problems.push(`vertex ${v}: joint ${j} twice`);
            if (w > 0) used.add(j);
            sum += w;
          }
          if (Math.abs(sum - 1) > 1e-6) problems.push(`vertex ${v}: weights sum to ${sum}`);
        }
        expect(problems, `${m.design.archetype} ${part.material}`).toEqual([]);
      }
    }
  });

  it('has the shared 20-joint skeleton, parents first, in a standing pose', () => {
    for (const m of models) {
      expect(m.joints.map((j) => j.name)).toEqual([...JOINT_NAMES]);
      m.joints.forEach((joint, i) => expect(joint.parent).toBeLessThan(i));
      const y = (j: number) => m.joints[j].position[1];
      expect(y(J.head)).toBeGreaterThan(y(J.neck));
      expect(y(J.neck)).toBeGreaterThan(y(J.chest));
      expect(y(J.chest)).toBeGreaterThan(y(J.hips));
      expect(y(J.thighL)).toBeGreaterThan(y(J.shinL));
      expect(y(J.shinL)).toBeGreaterThan(y(J.footL));
      expect(y(J.upperArmL)).toBeGreaterThan(y(J.handL));
      // The character's left is +x.
      expect(m.joints[J.handL].position[0]).toBeGreaterThan(0);
      expect(m.joints[J.footR].position[0]).toBeLessThan(0);
    }
  });

  it('stands on y = 0, faces +z and is as tall as designed', () => {
    for (const m of models) {
      expect(Math.abs(m.bounds.min[1])).toBeLessThan(0.005);
      const h = m.design.proportions.height;
      expect(m.bounds.max[1]).toBeGreaterThan(h * 0.98);
      expect(m.bounds.max[1]).toBeLessThan(h * 1.25);
      // Feet point forward: the toes reach further ahead (+z) than the heels reach back.
      expect(m.bounds.max[2]).toBeGreaterThan(0.1);
    }
  });

  it('builds the same numbers from the same design, and a different mesh for another seed', () => {
    const a = model('wizard', 77);
    const b = model('wizard', 77);
    expect(b.parts.map((p) => [...p.positions])).toEqual(a.parts.map((p) => [...p.positions]));
    expect(b.parts.map((p) => [...p.weights])).toEqual(a.parts.map((p) => [...p.weights]));
    const c = model('wizard', 78);
    expect(c.parts.map((p) => [...p.colors])).not.toEqual(a.parts.map((p) => [...p.colors]));
  });

  it('draws what the design says: metal for knights, a tall hat for wizards', () => {
    const knight = model('knight', 4);
    expect(knight.parts.some((p) => p.material === 'metal')).toBe(true);
    const wizards = [1, 2, 3, 4, 5, 6].map((s) => model('wizard', s)).filter((w) => w.design.headwear === 'pointed-hat');
    expect(wizards.length).toBeGreaterThan(0);
    for (const w of wizards) expect(w.bounds.max[1]).toBeGreaterThan(w.design.proportions.height + 0.2);
    const hooded = model('monk', 1, ['hooded']);
    const bare = model('monk', 1, ['hatless']);
    expect(hooded.triangles).not.toBe(bare.triangles);
  });
});
