/**
 * The storyboard interpreter: storyboard text and a World in, a draft ShotPlan and an explanation
 * out. See README.md.
 */
export { interpretStoryboard, NAME, type StoryboardInterpretation, type StoryboardOptions } from './interpret-storyboard.ts';
export { formatStoryboardExplanation, EXPLAINED_FIELDS, type ExplainedField, type ShotChoice, type ShotExplanation, type StoryboardExplanation } from './storyboard-explanation.ts';
export { StoryboardError, STORYBOARD_ERROR_CODES, type StoryboardErrorCode } from './storyboard-error.ts';
export { structureRefs, type StructureRef } from './world-places.ts';
export { deriveIdentitySeed } from './cast.ts';
export { DEFAULT_FOCAL_LENGTH_MM, DEFAULT_SECONDS, MAX_TOTAL_SECONDS, TRANSITION_SECONDS, FADE_OUT_SECONDS } from './shot-defaults.ts';
