/**
 * A ShotPlan that parses but cannot be filmed in this World: a subject that is not there, a camera
 * that cannot see its subject without going through the ground, a walk with no way there. Thrown by
 * `compileTimeline` before anything is rendered; the message names the shot and what to change.
 */
import { WorldsmithError } from '../worldsmith-error.ts';

export type ShotPlanErrorCode = 'PLAN_UNKNOWN_SUBJECT' | 'PLAN_CAMERA_BLOCKED' | 'PLAN_NO_PATH' | 'PLAN_WORLD_MISMATCH' | 'PLAN_OPTIONS';

export class ShotPlanError extends WorldsmithError {
  /** JSON pointer into the plan (`/shots/2/subject`), when one field is to blame. */
  readonly path: string | undefined;

  constructor(code: ShotPlanErrorCode, message: string, options: { path?: string; cause?: unknown } = {}) {
    super(code, options.path ? `${options.path}: ${message}` : message, { cause: options.cause });
    this.path = options.path;
  }
}
