/**
 * A built character: a skinned mesh in the bind pose (one part per material, vertex-coloured),
 * the skeleton, and the gait its walk is drawn with. Character space: metres, +y up, facing +z,
 * feet on y = 0, centred on x = z = 0.
 */
import type { CharacterDesign } from './character-design.ts';
import type { CharacterJoint } from './character-skeleton.ts';
import type { Vec3 } from './quaternion.ts';
import type { WalkGait } from './walk-gait.ts';

/**
 * How each surface reflects; colour comes from COLOR_0 (linear) on a white base colour, as the
 * world's assets do. Exported as `Character/<name>`. Metal is only partly metallic: the cutscene
 * has no environment map for a full metal to reflect, and it would render near black.
 */
export const CHARACTER_MATERIALS = {
  skin: { roughness: 0.62, metallic: 0, doubleSided: false },
  cloth: { roughness: 0.92, metallic: 0, doubleSided: false },
  /** Thin sheets seen from both sides: cloaks, hat brims. */
  'cloth-sheet': { roughness: 0.92, metallic: 0, doubleSided: true },
  leather: { roughness: 0.7, metallic: 0, doubleSided: false },
  metal: { roughness: 0.38, metallic: 0.45, doubleSided: false },
  hair: { roughness: 0.8, metallic: 0, doubleSided: false },
} as const;
export type CharacterMaterialName = keyof typeof CHARACTER_MATERIALS;

/** One material's triangles, with four joint influences per vertex. */
export interface CharacterPart {
  material: CharacterMaterialName;
  positions: Float32Array;
  normals: Float32Array;
  /** Linear RGB, 0..1. */
  colors: Float32Array;
  /** Four joint indices per vertex (into `CharacterModel.joints`), strongest first. */
  joints: Uint8Array;
  /** Four weights per vertex, summing to 1. */
  weights: Float32Array;
  indices: Uint32Array;
}

export interface CharacterModel {
  design: CharacterDesign;
  joints: CharacterJoint[];
  parts: CharacterPart[];
  triangles: number;
  bounds: { min: Vec3; max: Vec3 };
  gait: WalkGait;
}
