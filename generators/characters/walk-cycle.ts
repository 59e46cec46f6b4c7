/**
 * The walk cycle's timing, shared by the character animation (which draws it), the shot planner
 * (which moves characters along paths at this speed) and the sound track (footsteps on contacts).
 * One cycle is two steps: the left foot lands at phase 0, the right at phase 0.5.
 */

/** Seconds per full cycle (two steps) at the reference height. */
export const WALK_CYCLE_SECONDS = 1.1;
/** Metres covered per second while walking. */
export const WALK_SPEED_METRES_PER_SECOND = 1.35;
/** Phases (0…1 of a cycle) at which a heel touches down. */
export const WALK_CONTACTS = [
  { phase: 0, foot: 'left' },
  { phase: 0.5, foot: 'right' },
] as const;
/** Seconds per idle breathing cycle. */
export const IDLE_CYCLE_SECONDS = 4;
