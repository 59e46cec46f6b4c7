export * from './world-spec-schema.ts';
export * from './input-schema.ts';
export * from './parse-world-spec.ts';
export * from './spec-error.ts';
export { gridSamples, MAX_SAMPLES_PER_SIDE, MIN_SAMPLES_PER_SIDE } from './world-spec-rules.ts';
