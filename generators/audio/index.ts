/** The sound track of a cutscene: the public API of generators/audio. */
export { mixSoundtrack, MIX_SOUNDTRACK, MIX_SOUNDTRACK_DEFAULTS, STEM_LEVELS, type MixSoundtrackOptions } from './mix-soundtrack.ts';
export { AMBIENCE_BEDS, SOUNDTRACK_STEMS, type AmbienceBed, type Soundtrack, type SoundtrackStem } from './soundtrack.ts';
export { encodeWav, WAV_HEADER_BYTES, type EncodeWavOptions } from './encode-wav.ts';
export { measureLoudness, type Loudness } from './measure-loudness.ts';
export { planMusic, chordAt, midiToHz, MOOD_SCORES, MODES, type MusicPlan, type ShotScore, type PlannedChord, type PlannedNote, type ModeName } from './music-plan.ts';
export { AudioError, type AudioErrorCode } from './audio-error.ts';
export { powerSpectrum, monoOf } from './spectrum.ts';
