/**
 * The skeleton of a crowned tree (broadleaf, maple, birch, acacia, dead), grown crown-first:
 *
 *  1. scatter foliage sites through the crown's envelope — a shell (a Fibonacci spiral over the
 *     ellipsoid, jittered, never the underside) or a disc (a sunflower spiral, domed: acacia);
 *  2. grow the trunk to the fork (or on up as a leader through the crown);
 *  3. send a few main branches (scaffolds) out from the fork or along the leader, each toward
 *     the middle of the sites nearest its direction;
 *  4. run a branch from the nearest point of a scaffold (or the leader) into every site;
 *  5. for bare crowns, fan twigs out of each branch end, so a winter tree keeps the silhouette
 *     its leaves would have had.
 *
 * Growing toward the sites, not from random angles, keeps every species' crown the shape it
 * should read as (round oak, oval maple, narrow birch, flat acacia) while the random parts —
 * site layout, fork height, lean, branch count and bends — make each seed its own tree.
 */
import type { Rng } from '../../seed/rng.ts';
import type { Vec3 } from '../asset.ts';
import { normalize, subtract } from '../transform.ts';
import { curvedLimb, length, plumbFoot, pointOnLimb, type BarkPaint, type Limb } from './branching.ts';
import { foliageColor, isBare, type Clump, type FoliagePalette, type FoliageStyle } from './foliage.ts';
import { scaleLimbs, type TreeModel } from './tree-model.ts';

export interface CrownShape {
  /** Height where main branches leave the trunk, metres. */
  forkHeight: number;
  /** The trunk continues as a leader up to this height; 0: it ends at the fork. */
  leaderHeight: number;
  /** Trunk radius just above the root flare. */
  trunkRadius: number;
  /** Horizontal offset of the trunk's top per metre of height (lean). */
  lean: [number, number];
  crownCenter: Vec3;
  crownRadii: Vec3;
  layout: 'shell' | 'disc';
  /** Lowest site direction in a shell crown, −1 (bottom) .. 1 (top). */
  lowest: number;
  /** Sites lie between these shares of the envelope's radius (shell). */
  depth: [number, number];
  scaffolds: number;
  /** Scaffold radius as a share of the trunk's where it leaves. */
  scaffoldRadius: number;
  /** Branch radius as a share of its scaffold's where it leaves. */
  branchRadius: number;
  sites: number;
  siteRadius: [number, number];
  /** Kinks in branches, metres per metre. */
  gnarl: number;
  /** Twigs per branch (bare crowns), 0 for none. */
  twigs: number;
  /** Share of branches snapped short (dead trees). */
  snapped: number;
  /** The leader (or trunk) ends snapped. */
  brokenTop: boolean;
  trunkSegments: number;
}

export interface CrownSite {
  center: Vec3;
  radius: number;
}

export interface CrownSkeleton {
  limbs: Limb[];
  sites: CrownSite[];
}

const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

export function growCrownTree(rng: Rng, shape: CrownShape): CrownSkeleton {
  const sites = scatterSites(rng.fork('sites'), shape);
  const trunkRng = rng.fork('trunk');
  const branchRng = rng.fork('branches');

  const top = shape.leaderHeight > 0 ? shape.leaderHeight : shape.forkHeight;
  const trunkEnd: Vec3 = [shape.lean[0] * top, top, shape.lean[1] * top];
  const topRadius = shape.brokenTop ? shape.trunkRadius * 0.45 : shape.leaderHeight > 0 ? 0 : shape.trunkRadius * 0.72;
  const trunk = curvedLimb([0, -0.15, 0], [0, 1, 0], trunkEnd, shape.trunkRadius, topRadius, shape.trunkSegments, 0, trunkRng, shape.gnarl * 0.5);
  plumbFoot(trunk, 0.5);
  // Root flare: the foot swells over its first metre or so.
  trunk.radii = trunk.radii.map((r, i) => {
    const y = trunk.points[i][1];
    const flare = Math.max(0, 1 - y / (shape.trunkRadius * 5));
    return r * (1 + 0.6 * flare * flare);
  });
  if (shape.leaderHeight > 0) {
    // Keep a little wood at the leader's tip so the last ring does not vanish into a spike too early.
    const n = trunk.radii.length;
    for (let i = 0; i < n - 1; i++) trunk.radii[i] = Math.max(trunk.radii[i], shape.trunkRadius * 0.08);
  }
  trunk.broken = shape.brokenTop;
  const limbs: Limb[] = [trunk];

  // Scaffolds: from the fork, or spread up the leader.
  const forkT = shape.leaderHeight > 0 ? shape.forkHeight / shape.leaderHeight : 1;
  const azimuth0 = branchRng.range(0, Math.PI * 2);
  const scaffoldCount = Math.max(1, shape.scaffolds);
  const anchors = Array.from({ length: scaffoldCount }, (_, j) => {
    const t =
      shape.leaderHeight > 0
        ? forkT + (0.92 - forkT) * ((j + branchRng.range(0.2, 0.8)) / scaffoldCount)
        : branchRng.range(0.84, 1);
    const azimuth =
      shape.leaderHeight > 0 ? azimuth0 + j * GOLDEN_ANGLE + branchRng.normal(0, 0.25) : azimuth0 + (j / scaffoldCount) * Math.PI * 2 + branchRng.normal(0, 0.35);
    return { t, azimuth, ...pointOnLimb(trunk, t) };
  });

  if (shape.leaderHeight === 0 && !shape.brokenTop) {
    // Close the fork with a short rounded tip rather than leaving the tube open between the scaffolds.
    const last = pointOnLimb(trunk, 1);
    trunk.points.push([last.position[0] + last.direction[0] * topRadius * 1.6, last.position[1] + last.direction[1] * topRadius * 1.6, last.position[2] + last.direction[2] * topRadius * 1.6]);
    trunk.radii.push(0);
  }

  // Each site goes to the scaffold nearest in direction (and, up a leader, in height).
  const assigned: number[][] = anchors.map(() => []);
  sites.forEach((site, i) => {
    let best = 0;
    let bestScore = Infinity;
    anchors.forEach((anchor, j) => {
      const siteAzimuth = Math.atan2(site.center[2] - anchor.position[2], site.center[0] - anchor.position[0]);
      let da = Math.abs(siteAzimuth - anchor.azimuth) % (Math.PI * 2);
      if (da > Math.PI) da = Math.PI * 2 - da;
      const dy = shape.leaderHeight > 0 ? Math.abs(site.center[1] - anchor.position[1]) / Math.max(0.5, shape.crownRadii[1]) : 0;
      const score = da + 1.6 * dy;
      if (score < bestScore) {
        bestScore = score;
        best = j;
      }
    });
    assigned[best].push(i);
  });

  const scaffolds: Array<{ limb: Limb; index: number } | null> = anchors.map((anchor, j) => {
    const members = assigned[j];
    if (members.length === 0) return null;
    const centroid: Vec3 = [0, 0, 0];
    for (const i of members) for (let a = 0; a < 3; a++) centroid[a] += sites[i].center[a] / members.length;
    const reach = branchRng.range(0.55, 0.75);
    const end: Vec3 = [
      anchor.position[0] + (centroid[0] - anchor.position[0]) * reach,
      anchor.position[1] + (centroid[1] - anchor.position[1]) * reach,
      anchor.position[2] + (centroid[2] - anchor.position[2]) * reach,
    ];
    const toward = normalize(subtract(end, anchor.position));
    const startDirection = normalize([anchor.direction[0] + toward[0] * 1.4, anchor.direction[1] + toward[1] * 1.4, anchor.direction[2] + toward[2] * 1.4]);
    const radius = Math.max(shape.trunkRadius * 0.24, Math.min(anchor.radius * shape.scaffoldRadius, shape.trunkRadius * 0.7));
    const limb = curvedLimb(anchor.position, startDirection, end, radius, radius * 0.45, 4, 1, branchRng, shape.gnarl);
    limbs.push(limb);
    return { limb, index: j };
  });

  // A branch into every site, from the closest point of its scaffold (or of the leader).
  const branches: Array<{ limb: Limb; site: CrownSite }> = [];
  sites.forEach((site, i) => {
    const owner = scaffolds.find((s) => s !== null && assigned[s.index].includes(i));
    const candidates: Array<{ limb: Limb; from: number; penalty: number }> = [];
    if (owner) candidates.push({ limb: owner.limb, from: 0.3, penalty: 1 });
    if (shape.leaderHeight > 0) candidates.push({ limb: trunk, from: forkT, penalty: 1.25 });
    let best: { position: Vec3; direction: Vec3; radius: number } | null = null;
    let bestDistance = Infinity;
    for (const candidate of candidates) {
      for (let k = 0; k <= 8; k++) {
        const t = candidate.from + ((1 - candidate.from) * k) / 8;
        const at = pointOnLimb(candidate.limb, Math.min(0.97, t));
        const d = length(subtract(site.center, at.position)) * candidate.penalty;
        if (d < bestDistance) {
          bestDistance = d;
          best = at;
        }
      }
    }
    if (!best) return;
    let end: Vec3 = [
      site.center[0] + (best.position[0] - site.center[0]) * 0.15,
      site.center[1] + (best.position[1] - site.center[1]) * 0.15,
      site.center[2] + (best.position[2] - site.center[2]) * 0.15,
    ];
    let broken = false;
    if (shape.snapped > 0 && branchRng.chance(shape.snapped)) {
      const keep = branchRng.range(0.35, 0.65);
      end = [
        best.position[0] + (end[0] - best.position[0]) * keep,
        best.position[1] + (end[1] - best.position[1]) * keep,
        best.position[2] + (end[2] - best.position[2]) * keep,
      ];
      broken = true;
    }
    const toward = normalize(subtract(end, best.position));
    const startDirection = normalize([best.direction[0] + toward[0] * 2, best.direction[1] + toward[1] * 2, best.direction[2] + toward[2] * 2]);
    const radius = Math.max(0.016, best.radius * shape.branchRadius);
    const limb = curvedLimb(best.position, startDirection, end, radius, broken ? radius * 0.6 : Math.max(0.008, radius * 0.3), 3, 2, branchRng, shape.gnarl);
    limb.broken = broken;
    limbs.push(limb);
    if (!broken) branches.push({ limb, site });
  });

  if (shape.twigs > 0) {
    const centre = shape.crownCenter;
    for (const { limb, site } of branches) {
      for (let k = 0; k < shape.twigs; k++) {
        const at = pointOnLimb(limb, branchRng.range(0.45, 1));
        const out = normalize(subtract(site.center, centre));
        const direction = normalize([
          out[0] + at.direction[0] + branchRng.normal(0, 0.6),
          out[1] + at.direction[1] + 0.5 + branchRng.normal(0, 0.4),
          out[2] + at.direction[2] + branchRng.normal(0, 0.6),
        ]);
        // Twigs reach about as far as the leaves would, so the bare crown keeps its size.
        const twigLength = site.radius * branchRng.range(0.85, 1.3);
        const end: Vec3 = [at.position[0] + direction[0] * twigLength, at.position[1] + direction[1] * twigLength, at.position[2] + direction[2] * twigLength];
        limbs.push(curvedLimb(at.position, at.direction, end, Math.max(0.006, at.radius * 0.7), 0, 2, 3));
      }
    }
  }
  return { limbs, sites };
}

function scatterSites(rng: Rng, shape: CrownShape): CrownSite[] {
  const [cx, cy, cz] = shape.crownCenter;
  const [rx, ry, rz] = shape.crownRadii;
  const spin = rng.range(0, Math.PI * 2);
  const n = shape.sites;
  const sites: CrownSite[] = [];
  for (let i = 0; i < n; i++) {
    const theta = spin + i * GOLDEN_ANGLE + rng.normal(0, 0.25);
    const radius = rng.range(shape.siteRadius[0], shape.siteRadius[1]);
    if (shape.layout === 'disc') {
      const r = Math.sqrt((i + 0.5) / n) * rng.range(0.8, 1);
      const dome = (1 - r * r) * 0.55 + rng.normal(0, 0.18);
      sites.push({ center: [cx + Math.cos(theta) * r * rx, cy + dome * ry, cz + Math.sin(theta) * r * rz], radius });
    } else {
      const y = Math.max(shape.lowest, Math.min(0.98, 1 - ((i + 0.5) / n) * (1 - shape.lowest) + rng.normal(0, 0.4 / n)));
      const ring = Math.sqrt(1 - y * y);
      const s = rng.range(shape.depth[0], shape.depth[1]);
      sites.push({ center: [cx + Math.cos(theta) * ring * rx * s, cy + y * ry * s, cz + Math.sin(theta) * ring * rz * s], radius });
    }
  }
  return sites;
}

export interface CrownModelOptions {
  /** The tree's height to the top of its crown, metres; the skeleton is scaled to it. */
  height: number;
  /** Null: never leafy (a dead tree). */
  palette: FoliagePalette | null;
  style: FoliageStyle;
  /** Clump height as a share of its width. */
  clumpFlatten: number;
  paint: BarkPaint;
  /** Blobs at LOD1 and LOD2. */
  blobs: [number, number];
}

/** A crowned tree's model: the skeleton fitted to its height, leaves by season. */
export function crownModel(rng: Rng, shape: CrownShape, options: CrownModelOptions): TreeModel {
  const bare = options.palette === null || isBare(options.palette, options.style.season);
  const skeleton = growCrownTree(rng, { ...shape, twigs: bare ? shape.twigs : 0 });
  // Fit to the crown top the leaves would have, so a tree is the same size in every season.
  let top = 0;
  for (const site of skeleton.sites) top = Math.max(top, site.center[1] + site.radius * options.clumpFlatten);
  const k = options.height / Math.max(1e-6, top);
  const limbs = scaleLimbs(skeleton.limbs, k);
  const colorRng = rng.fork('leaf-colour');
  const clumps: Clump[] =
    bare || options.palette === null
      ? []
      : skeleton.sites.map((site, i) => {
          const r = site.radius * k;
          return {
            center: [site.center[0] * k, site.center[1] * k, site.center[2] * k],
            radii: [r * colorRng.range(0.95, 1.12), r * options.clumpFlatten, r * colorRng.range(0.95, 1.12)],
            color: foliageColor(options.palette as FoliagePalette, options.style, colorRng),
            seed: rng.fork('clump', i).seed,
          };
        });
  const trunk = limbs[0];
  return {
    limbs,
    clumps,
    strands: [],
    paint: options.paint,
    // Bare, the branches are the silhouette: each LOD keeps one order more than under leaves.
    orders: bare ? [3, 2, 1] : [2, 1, 1],
    blobs: options.blobs,
    trunk: { radius: shape.trunkRadius * k * 1.3, height: Math.max(...trunk.points.map((p) => p[1])) },
  };
}
