/**
 * Twisted (swamp) tree: a thick, gnarled trunk leaning hard to one side, low limbs sprawling out
 * almost level and wandering as they go, a few small flat clumps of dark leaves at their ends,
 * and streamers of moss hanging from the limbs. Grown by random walk rather than toward a crown,
 * since its shape is its limbs. Keeps its leaves in winter. 5–9 m.
 */
import { mixRgb } from '../../biomes/color.ts';
import type { Rng } from '../../seed/rng.ts';
import type { Vec3 } from '../asset.ts';
import { linear } from '../mesh-builder.ts';
import { plainBark } from './bark.ts';
import { pointOnLimb, walkLimb, type Limb } from './branching.ts';
import { foliageColor, type Clump, type FoliagePalette, type FoliageStyle } from './foliage.ts';
import { scaleClumps, scaleLimbs, type Strand, type TreeModel } from './tree-model.ts';

export const TWISTED_PALETTE: FoliagePalette = {
  spring: ['#5a6a2e', '#627030'],
  summer: ['#4f5a2a', '#5a6330', '#475226'],
  autumn: ['#6a6228', '#7a6a2c', '#5e5a28'],
  winter: ['#48502e', '#4c5230'],
};

export function twistedModel(rng: Rng, style: FoliageStyle): TreeModel {
  const s = rng.fork('shape');
  const height = s.range(5.3, 8.7);
  const leanAngle = s.range(0.2, 0.45);
  const leanAzimuth = s.range(0, Math.PI * 2);
  const trunkLength = height * s.range(0.62, 0.78);
  const trunkRadius = height * s.range(0.035, 0.05);
  const trunk = walkLimb(
    rng.fork('trunk'),
    [0, 0.35, 0],
    [Math.sin(leanAngle) * Math.cos(leanAzimuth), Math.cos(leanAngle), Math.sin(leanAngle) * Math.sin(leanAzimuth)],
    trunkLength,
    trunkRadius,
    trunkRadius * 0.4,
    8,
    0,
    { wobble: 0.13, tropism: [0, 0.12, 0] },
  );
  // A plumb foot, so the root flare sits level on the ground however hard the trunk leans.
  trunk.points.unshift([0, -0.15, 0]);
  trunk.radii.unshift(trunkRadius);
  trunk.radii = trunk.radii.map((r, i) => {
    const flare = Math.max(0, 1 - trunk.points[i][1] / (trunkRadius * 5));
    return r * (1 + 0.8 * flare * flare);
  });
  const limbs: Limb[] = [trunk];
  const tips: Array<{ position: Vec3; size: number }> = [];
  const hangers: Limb[] = [];

  const branchRng = rng.fork('branches');
  const scaffoldCount = branchRng.int(3, 5);
  const spin = branchRng.range(0, Math.PI * 2);
  for (let j = 0; j < scaffoldCount; j++) {
    const t = 0.25 + (0.6 * (j + branchRng.range(0.1, 0.9))) / scaffoldCount;
    const at = pointOnLimb(trunk, t);
    const azimuth = spin + (j / scaffoldCount) * Math.PI * 2 + branchRng.normal(0, 0.4);
    const rise = branchRng.range(-0.05, 0.4);
    const direction: Vec3 = [Math.cos(azimuth) * Math.cos(rise), Math.sin(rise), Math.sin(azimuth) * Math.cos(rise)];
    const limbLength = height * branchRng.range(0.26, 0.42);
    const scaffold = walkLimb(branchRng, at.position, direction, limbLength, at.radius * branchRng.range(0.5, 0.65), at.radius * 0.18, 6, 1, {
      wobble: 0.22,
      tropism: [0, branchRng.range(-0.02, 0.08), 0],
    });
    keepAboveGround(scaffold, 0.5);
    limbs.push(scaffold);
    hangers.push(scaffold);
    tips.push({ position: scaffold.points[scaffold.points.length - 1], size: 1 });
    const children = branchRng.int(1, 2);
    for (let c = 0; c < children; c++) {
      const from = pointOnLimb(scaffold, branchRng.range(0.4, 0.85));
      const turn = azimuth + (c === 0 ? 1 : -1) * branchRng.range(0.4, 0.9);
      const up = branchRng.range(0.1, 0.6);
      const child = walkLimb(
        branchRng,
        from.position,
        [Math.cos(turn) * Math.cos(up), Math.sin(up), Math.sin(turn) * Math.cos(up)],
        limbLength * branchRng.range(0.35, 0.55),
        from.radius * 0.6,
        from.radius * 0.2,
        5,
        2,
        { wobble: 0.25, tropism: [0, 0.1, 0] },
      );
      keepAboveGround(child, 0.5);
      limbs.push(child);
      hangers.push(child);
      tips.push({ position: child.points[child.points.length - 1], size: 0.8 });
    }
  }
  tips.push({ position: trunk.points[trunk.points.length - 1], size: 1.2 });

  const colorRng = rng.fork('leaf-colour');
  const clumpSize = height * s.range(0.09, 0.12);
  let clumps: Clump[] = tips.map((tip, i) => {
    const r = clumpSize * tip.size * colorRng.range(0.8, 1.15);
    return {
      center: [tip.position[0], tip.position[1] + r * 0.15, tip.position[2]],
      radii: [r * colorRng.range(1, 1.3), r * 0.55, r * colorRng.range(1, 1.3)],
      color: foliageColor(TWISTED_PALETTE, style, colorRng),
      seed: rng.fork('clump', i).seed,
    };
  });

  // Moss streamers hang from the limbs, clear of the ground.
  const mossRng = rng.fork('moss');
  const moss = mixRgb(linear('#7a805a'), linear('#5d6640'), mossRng.float());
  let strands: Strand[] = [];
  const strandCount = mossRng.int(14, 24);
  for (let i = 0; i < strandCount; i++) {
    const limb = hangers[i % hangers.length];
    const at = pointOnLimb(limb, mossRng.range(0.3, 1));
    const hang = Math.min(height * mossRng.range(0.12, 0.28), at.position[1] - 0.45);
    if (hang < 0.3) continue;
    const sway = mossRng.range(0, Math.PI * 2);
    const drift = mossRng.range(0.05, 0.2) * hang;
    const points: Vec3[] = [0, 1, 2, 3].map((k) => {
      const u = k / 3;
      return [at.position[0] + Math.cos(sway) * drift * u * u, at.position[1] - at.radius * 0.5 - hang * u, at.position[2] + Math.sin(sway) * drift * u * u];
    });
    const width = mossRng.range(0.12, 0.24);
    const across = mossRng.range(0, Math.PI);
    strands.push({
      points,
      widths: [width, width * 0.8, width * 0.5, width * 0.15],
      side: [Math.cos(across), 0, Math.sin(across)],
      color: mixRgb(moss, clumps[0].color, mossRng.range(0, 0.3)),
    });
  }

  // Fit to height (the highest of wood and leaves).
  let top = 0;
  for (const limb of limbs) for (const p of limb.points) top = Math.max(top, p[1]);
  for (const c of clumps) top = Math.max(top, c.center[1] + c.radii[1]);
  const k = height / top;
  const fitted = scaleLimbs(limbs, k);
  clumps = scaleClumps(clumps, k);
  strands = strands.map((strand) => ({ ...strand, points: strand.points.map((p) => [p[0] * k, p[1] * k, p[2] * k] as Vec3), widths: strand.widths.map((w) => w * k) }));

  const bark = mixRgb(linear('#3d352c'), linear('#4e463a'), s.float());
  return {
    limbs: fitted,
    clumps,
    strands,
    paint: plainBark(bark, rng.seed, style.snow, linear('#4a4236')),
    orders: [2, 2, 1],
    blobs: [4, 2],
    trunk: { radius: trunkRadius * k * 1.3, height: Math.max(...fitted[0].points.map((p) => p[1])) },
  };
}

/** Lifts a limb's points so none sinks below `floor` (a low limb runs along, not into, the ground). */
function keepAboveGround(limb: Limb, floor: number): void {
  limb.points = limb.points.map((p, i) => (i > 0 && p[1] < floor ? [p[0], floor + (p[1] - floor) * 0.2, p[2]] : p));
}
