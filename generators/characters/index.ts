/** Procedural, skinned, animated people: identity → design → model → poses. */
export type { CharacterArchetype, CharacterIdentity } from './character-identity.ts';
export { IDLE_CYCLE_SECONDS, WALK_CONTACTS, WALK_CYCLE_SECONDS, WALK_SPEED_METRES_PER_SECOND } from './walk-cycle.ts';
export * from './character-design.ts';
export { designCharacter } from './design-character.ts';
export { buildCharacter } from './build-character.ts';
export { CHARACTER_MATERIALS, type CharacterMaterialName, type CharacterModel, type CharacterPart } from './character-model.ts';
export { J, JOINT_NAMES, JOINT_PARENTS, type CharacterJoint, type JointName } from './character-skeleton.ts';
export { CLIP_NAMES, clipDuration, sampleClip, type ClipName } from './character-clips.ts';
export { bindPose, poseJoints, skinPositions, type CharacterPose, type PosedJoints } from './character-pose.ts';
export { footTrack, type WalkGait } from './walk-gait.ts';
export { CharacterError } from './character-error.ts';
export type { Quat, Vec3 } from './quaternion.ts';
