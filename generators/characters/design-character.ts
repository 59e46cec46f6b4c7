/**
 * An identity → a CharacterDesign: who they look like, every time. The archetype sets the
 * likelihoods (archetype-looks.ts), the identity seed draws from them — one named stream per
 * aspect (body, colours, outfit, headwear), so a trait that pins one aspect leaves the others as
 * they were — and trait words override last (read-traits.ts). The identity's id and name do not
 * change the look.
 *
 * Proportions follow the usual anthropometric fractions of standing height (hip joint 0.52 H, knee
 * 0.285 H, ankle 0.04 H, shoulders 0.81 H, head 0.13 H for adults); children (1.1–1.3 m) have a
 * larger head (0.17 H) and shorter legs. The head is drawn about 12 % larger than life, as games do, so a
 * face still reads at a distance.
 */
import { Rng } from '../seed/rng.ts';
import { deriveSeed, MAX_SEED } from '../seed/derive-seed.ts';
import { CHARACTER_ARCHETYPES } from '../spec/world-spec-schema.ts';
import { ARCHETYPE_LOOKS, GREY_HAIR, HAIR_COLORS, pickWeighted, SKIN_TONES, type ArchetypeLook } from './archetype-looks.ts';
import {
  GARMENT_KINDS,
  HAIR_STYLES,
  HEADWEAR_KINDS,
  type BeardStyle,
  type BodyVariant,
  type CharacterBuild,
  type CharacterColors,
  type CharacterDesign,
  type CharacterProportions,
  type GarmentKind,
  type HairStyle,
  type HeadwearKind,
} from './character-design.ts';
import { CharacterError } from './character-error.ts';
import type { CharacterIdentity } from './character-identity.ts';
import { readTraits } from './read-traits.ts';

const BUILDS: readonly CharacterBuild[] = ['slight', 'average', 'broad'];

export function designCharacter(identity: CharacterIdentity): CharacterDesign {
  validateIdentity(identity);
  const look = ARCHETYPE_LOOKS[identity.archetype];
  const traits = readTraits(identity.traits);
  const rng = new Rng(deriveSeed(identity.identitySeed, 'character'));
  const child = identity.archetype === 'child';

  const bodyRng = rng.fork('body');
  const body: BodyVariant = traits.body ?? (bodyRng.chance(look.feminine) ? 'feminine' : 'masculine');
  const build = traits.build ?? pickWeighted(look.build, BUILDS, bodyRng.float());
  const heightDraw = bodyRng.normal(0, 1);
  const baseHeight = child ? 1.2 + 0.05 * heightDraw : body === 'feminine' ? 1.65 + 0.065 * heightDraw : 1.77 + 0.07 * heightDraw;
  const height = clamp(baseHeight * (traits.heightScale ?? 1), child ? 1.1 : 1.55, child ? 1.3 : 1.95);
  const proportions = proportionsOf(height, body, build, child);

  const outfitRng = rng.fork('outfit');
  const kind: GarmentKind = pickWeighted(look.garment, GARMENT_KINDS, outfitRng.float());
  const plates = kind === 'armour' || outfitRng.chance(look.plates);
  const garment = garmentOf(kind, proportions, outfitRng, plates);
  const cloakDrawn = outfitRng.chance(look.cloak.chance);
  const cloakHem = outfitRng.range(look.cloak.hem[0], look.cloak.hem[1]) * height;
  const cloak = (traits.cloak ?? cloakDrawn) ? { hemHeight: round(cloakHem) } : null;

  const headRng = rng.fork('headwear');
  let headwear: HeadwearKind = traits.headwear ?? pickWeighted(look.headwear, HEADWEAR_KINDS, headRng.float());
  const hairStyle: HairStyle = traits.hair ?? pickWeighted(look.hair[body], HAIR_STYLES, headRng.float());
  const beardDraw = headRng.float();
  const longBeard = headRng.chance(identity.archetype === 'wizard' ? 0.8 : 0.3);
  const beard: BeardStyle = traits.beard ?? (body === 'masculine' && !child && beardDraw < look.beard ? (longBeard ? 'long' : 'short') : 'none');
  if (headwear === 'great-helm' && traits.beard === 'long') headwear = 'helmet';

  const colors = colorsOf(look, rng.fork('colours'), traits.grey ?? false, child);
  Object.assign(colors, Object.fromEntries(Object.entries(traits.colors).filter(([, v]) => v !== undefined)));
  if (traits.colors.primary && look.headwearColor === 'primary' && !traits.colors.headwear) colors.headwear = traits.colors.primary;

  return {
    id: identity.id,
    archetype: identity.archetype,
    identitySeed: identity.identitySeed,
    body,
    child,
    build,
    proportions,
    colors,
    garment,
    headwear,
    hair: hairStyle,
    beard,
    cloak,
    notes: traits.notes,
  };
}

function validateIdentity(identity: CharacterIdentity): void {
  const where = `character "${identity?.id ?? '?'}"`;
  if (!identity || typeof identity !== 'object') throw new CharacterError('designCharacter needs a CharacterIdentity object: {id, archetype, identitySeed}.');
  if (!(CHARACTER_ARCHETYPES as readonly string[]).includes(identity.archetype)) {
    throw new CharacterError(`${where}: archetype "${identity.archetype}" is unknown; use one of ${CHARACTER_ARCHETYPES.join(', ')}.`);
  }
  if (!Number.isInteger(identity.identitySeed) || identity.identitySeed < 0 || identity.identitySeed > MAX_SEED) {
    throw new CharacterError(`${where}: identitySeed ${identity.identitySeed} is not a whole number from 0 to ${MAX_SEED}.`);
  }
  if (identity.traits !== undefined && (!Array.isArray(identity.traits) || identity.traits.some((t) => typeof t !== 'string'))) {
    throw new CharacterError(`${where}: traits must be a list of words, e.g. ["she", "red cloak"].`);
  }
}

function proportionsOf(height: number, body: BodyVariant, build: CharacterBuild, child: boolean): CharacterProportions {
  const H = height;
  const f = body === 'feminine';
  const girth = (build === 'slight' ? 0.88 : build === 'broad' ? 1.14 : 1) * (f ? 0.94 : 1);
  const shoulderScale = build === 'broad' ? 1.07 : build === 'slight' ? 0.95 : 1;
  if (child) {
    return rounded({
      height: H,
      headRadii: [0.075 * H, 0.088 * H, 0.085 * H],
      neckLength: 0.04 * H,
      shoulderWidth: 0.2 * H * shoulderScale,
      hipWidth: 0.1 * H,
      hipHeight: 0.47 * H,
      kneeHeight: 0.26 * H,
      ankleHeight: 0.045 * H,
      torsoLength: 0.29 * H,
      upperArm: 0.16 * H,
      forearm: 0.135 * H,
      hand: 0.09 * H,
      footLength: 0.15 * H,
      girth,
    });
  }
  return rounded({
    height: H,
    headRadii: [0.054 * H, 0.074 * H, 0.065 * H],
    neckLength: 0.05 * H,
    shoulderWidth: (f ? 0.2 : 0.215) * H * shoulderScale,
    hipWidth: (f ? 0.108 : 0.1) * H,
    hipHeight: 0.52 * H,
    kneeHeight: 0.285 * H,
    ankleHeight: 0.04 * H,
    torsoLength: 0.29 * H,
    upperArm: 0.172 * H,
    forearm: 0.145 * H,
    hand: 0.1 * H,
    footLength: 0.15 * H,
    girth,
  });
}

function garmentOf(kind: GarmentKind, p: CharacterProportions, rng: Rng, plates: boolean): CharacterDesign['garment'] {
  const H = p.height;
  const hem: Record<GarmentKind, [number, number]> = {
    tunic: [0.36, 0.42],
    robe: [0.06, 0.09],
    armour: [0.3, 0.36],
    jacket: [0.4, 0.44],
    dress: [0.12, 0.2],
  };
  const flare: Record<GarmentKind, [number, number]> = {
    tunic: [0.02, 0.04],
    robe: [0.06, 0.1],
    armour: [0.03, 0.05],
    jacket: [0.01, 0.02],
    dress: [0.06, 0.09],
  };
  return {
    kind,
    hemHeight: round(rng.range(hem[kind][0], hem[kind][1]) * H),
    flare: round(rng.range(flare[kind][0], flare[kind][1]) * H),
    sleeves: kind === 'tunic' && rng.chance(0.3) ? 'short' : 'long',
    belt: kind !== 'dress' && (kind !== 'robe' || rng.chance(0.75)),
    pauldrons: plates,
    breastplate: plates,
  };
}

function colorsOf(look: ArchetypeLook, rng: Rng, grey: boolean, child: boolean): CharacterColors {
  const skinAt = rng.float() * (SKIN_TONES.length - 1);
  const skin = mixHex(SKIN_TONES[Math.floor(skinAt)], SKIN_TONES[Math.min(SKIN_TONES.length - 1, Math.floor(skinAt) + 1)], skinAt % 1);
  // Deeper skin goes with darker hair more often; age greys it.
  const darkness = skinAt / (SKIN_TONES.length - 1);
  const hairAt = Math.min(HAIR_COLORS.length - 1, Math.floor(rng.float() ** (1 + 3 * darkness) * HAIR_COLORS.length));
  const greyDraw = rng.float();
  const greyShade = rng.pick(GREY_HAIR);
  const hair = (grey || (!child && greyDraw < look.grey)) ? greyShade : HAIR_COLORS[hairAt];
  const primary = rng.pick(look.primary);
  const secondary = rng.pick(look.secondary);
  const accent = rng.pick(look.accent);
  const headwear = look.headwearColor === 'primary' ? primary : look.headwearColor === 'secondary' ? secondary : rng.pick(look.headwearColor);
  const cloak = rng.pick(look.cloak.colors);
  return {
    skin,
    hair,
    primary,
    secondary,
    accent,
    belt: rng.pick(['#3a2a1e', '#4a3424', '#2e241c']),
    boots: rng.pick(['#3a2a1e', '#2a211a', '#4a3a2a', '#1f1a17']),
    metal: rng.pick(['#a9b0b8', '#9aa1a8', '#b4b8bc']),
    headwear,
    cloak,
  };
}

function mixHex(a: string, b: string, t: number): string {
  const pa = [1, 3, 5].map((i) => Number.parseInt(a.slice(i, i + 2), 16));
  const pb = [1, 3, 5].map((i) => Number.parseInt(b.slice(i, i + 2), 16));
  return `#${pa.map((v, i) => Math.round(v + (pb[i] - v) * t).toString(16).padStart(2, '0')).join('')}`;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
/** Millimetres: designs print and compare cleanly. */
const round = (x: number) => Math.round(x * 1000) / 1000;

function rounded(p: CharacterProportions): CharacterProportions {
  return Object.fromEntries(
    Object.entries(p).map(([k, v]) => [k, Array.isArray(v) ? v.map(round) : k === 'girth' ? v : round(v as number)]),
  ) as unknown as CharacterProportions;
}
