/** Errors of the sound track: a timeline it cannot score, options it does not take. */
import { WorldsmithError } from '../worldsmith-error.ts';

export type AudioErrorCode = 'AUDIO_TIMELINE' | 'AUDIO_OPTIONS';

export class AudioError extends WorldsmithError {
  declare readonly code: AudioErrorCode;

  constructor(code: AudioErrorCode, message: string) {
    super(code, message);
  }
}
