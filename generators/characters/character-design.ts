/**
 * What a character looks like, decided once from their identity (design-character.ts) and drawn
 * by build-character.ts: plain JSON, so a design can be logged, diffed and stored. Lengths are
 * metres; colours are sRGB hex ("#8e2323"), turned linear only when drawn.
 */
import type { CharacterArchetype } from './character-identity.ts';

export type CharacterBuild = 'slight' | 'average' | 'broad';
export type BodyVariant = 'masculine' | 'feminine';

/**
 * tunic: to mid-thigh over trousers; robe: to the ankles; armour: steel limbs and breastplate under
 * a surcoat; jacket: a short coat over trousers; dress: to the shins.
 */
export const GARMENT_KINDS = ['tunic', 'robe', 'armour', 'jacket', 'dress'] as const;
export type GarmentKind = (typeof GARMENT_KINDS)[number];

export const HEADWEAR_KINDS = ['none', 'hood', 'pointed-hat', 'wide-hat', 'merchant-hat', 'cap', 'helmet', 'great-helm'] as const;
export type HeadwearKind = (typeof HEADWEAR_KINDS)[number];

export const HAIR_STYLES = ['short', 'long', 'bun', 'ponytail', 'cropped', 'bald'] as const;
export type HairStyle = (typeof HAIR_STYLES)[number];

export const BEARD_STYLES = ['none', 'short', 'long'] as const;
export type BeardStyle = (typeof BEARD_STYLES)[number];

/** Where the joints sit and how thick the body is (the skeleton and the mesh both read it). */
export interface CharacterProportions {
  /** Standing height to the top of the head (headwear not counted). */
  height: number;
  /** Half the head's height, width and depth. */
  headRadii: [number, number, number];
  neckLength: number;
  /** Between the shoulder (upper-arm) joints. */
  shoulderWidth: number;
  /** Between the hip (thigh) joints. */
  hipWidth: number;
  /** Heights above the ground of the hip (thigh) joints, the knees and the ankles. */
  hipHeight: number;
  kneeHeight: number;
  ankleHeight: number;
  /** Hip joint to shoulder line. */
  torsoLength: number;
  upperArm: number;
  forearm: number;
  hand: number;
  footLength: number;
  /** Multiplies every body radius (slight < 1 < broad). */
  girth: number;
}

export interface CharacterColors {
  skin: string;
  hair: string;
  /** The main garment (tunic, robe, surcoat, jacket). */
  primary: string;
  /** Trousers, sleeves' lining, a hat's band. */
  secondary: string;
  /** Trim, belt buckle, embroidery. */
  accent: string;
  belt: string;
  boots: string;
  /** Armour, helmet. */
  metal: string;
  /** The hat or hood (often primary or secondary). */
  headwear: string;
  cloak: string;
}

export interface CharacterDesign {
  /** The identity this came from (the id is kept for names in files; it does not change the look). */
  id: string;
  archetype: CharacterArchetype;
  identitySeed: number;
  body: BodyVariant;
  child: boolean;
  build: CharacterBuild;
  proportions: CharacterProportions;
  colors: CharacterColors;
  garment: {
    kind: GarmentKind;
    /** Height of the hem above the ground. */
    hemHeight: number;
    /** How far the skirt flares out at the hem, metres beyond the hips. */
    flare: number;
    sleeves: 'long' | 'short';
    belt: boolean;
    /** Steel plates on the shoulders (armour; sometimes soldiers). */
    pauldrons: boolean;
    /** A breastplate over the torso (armour; sometimes soldiers). */
    breastplate: boolean;
  };
  headwear: HeadwearKind;
  hair: HairStyle;
  beard: BeardStyle;
  /** A cloak from the shoulders: its hem's height above the ground, or null for none. */
  cloak: { hemHeight: number } | null;
  /** Which trait words changed what ("red cloak → cloak colour"). */
  notes: string[];
}
