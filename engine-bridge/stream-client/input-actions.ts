/**
 * Player input → the stream's action vector [forward, strafe, turn, look], each −1…1 (turn +1
 * turns right, look +1 looks up, strafe +1 steps right).
 *
 *   keyboard  W/S or ↑/↓ forward and back · A/D strafe · Q/E or ←/→ turn · R/F look up and down
 *   mouse     pointer-locked movement: right/left turns, up/down looks (pixels per second scaled)
 *   gamepad   left stick moves and strafes, right stick turns and looks (with a dead zone)
 *
 * The mappings are pure functions (testable in Node); `bindInputActions` is the small DOM binder
 * that listens to a page and combines the three on each `read()`.
 */
import type { ActionVector } from './action-pacer.ts';

export const ZERO_ACTION_VECTOR: ActionVector = [0, 0, 0, 0];

/** KeyboardEvent.code → the action axis it pushes and which way. */
export const KEY_BINDINGS: Readonly<Record<string, readonly [axis: 0 | 1 | 2 | 3, sign: 1 | -1]>> = {
  KeyW: [0, 1],
  ArrowUp: [0, 1],
  KeyS: [0, -1],
  ArrowDown: [0, -1],
  KeyD: [1, 1],
  KeyA: [1, -1],
  KeyE: [2, 1],
  ArrowRight: [2, 1],
  KeyQ: [2, -1],
  ArrowLeft: [2, -1],
  KeyR: [3, 1],
  KeyF: [3, -1],
};

/** −1…1, and never −0 (so a still axis reads 0). */
const clamp1 = (v: number) => Math.max(-1, Math.min(1, v)) + 0;

/** The action of the keys held (KeyboardEvent.code values); opposite keys cancel. */
export function keyboardAction(held: Iterable<string>): ActionVector {
  const action: ActionVector = [0, 0, 0, 0];
  for (const code of new Set(held)) {
    const binding = KEY_BINDINGS[code];
    if (binding) action[binding[0]] += binding[1];
  }
  return action.map(clamp1) as ActionVector;
}

export interface MouseLookOptions {
  /** Pixels per second of mouse movement that turn (or look) at full speed (default 600). */
  pixelsPerSecondAtFull?: number;
  /** Mouse up looks down. */
  invertY?: boolean;
}

/** Turn and look from mouse movement `dx`, `dy` pixels (movementX/Y summed) over `dtMs`. */
export function mouseAction(dx: number, dy: number, dtMs: number, options: MouseLookOptions = {}): ActionVector {
  if (!(dtMs > 0)) return [0, 0, 0, 0];
  const full = options.pixelsPerSecondAtFull ?? 600;
  const perSecond = 1000 / dtMs;
  const look = ((options.invertY ? dy : -dy) * perSecond) / full;
  return [0, 0, clamp1((dx * perSecond) / full), clamp1(look)];
}

/** A stick axis with a dead zone, rescaled so just past the dead zone is just above 0. */
export function deadZone(value: number, zone = 0.15): number {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude <= zone) return 0;
  return Math.sign(value) * Math.min(1, (magnitude - zone) / (1 - zone));
}

/** Standard-mapping gamepad axes [leftX, leftY, rightX, rightY] (stick down is +Y) → action. */
export function gamepadAction(axes: readonly number[], zone = 0.15): ActionVector {
  const axis = (i: number) => deadZone(axes[i] ?? 0, zone);
  return [clamp1(-axis(1)), clamp1(axis(0)), clamp1(axis(2)), clamp1(-axis(3))];
}

/** Several sources at once (keyboard + mouse + gamepad): summed per axis, clamped to −1…1. */
export function combineActions(...actions: ReadonlyArray<readonly number[]>): ActionVector {
  const sum: ActionVector = [0, 0, 0, 0];
  for (const a of actions) for (let i = 0; i < 4; i++) sum[i] += a[i] ?? 0;
  return sum.map(clamp1) as ActionVector;
}

export interface InputBinding {
  /** The combined action now (mouse movement since the last read, keys held, first gamepad). */
  read(): ActionVector;
  dispose(): void;
}

export interface BindInputOptions extends MouseLookOptions {
  /** Lock the pointer on click so the mouse turns and looks (default true). */
  pointerLock?: boolean;
  gamepadDeadZone?: number;
}

/** Listens on `window` for keys and on `element` for clicks (pointer lock) and mouse movement. */
export function bindInputActions(element: HTMLElement, options: BindInputOptions = {}): InputBinding {
  const held = new Set<string>();
  let mouseDx = 0;
  let mouseDy = 0;
  let lastRead = performance.now();
  const locked = () => document.pointerLockElement === element;

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.code in KEY_BINDINGS)) return;
    held.add(e.code);
    e.preventDefault();
  };
  const onKeyUp = (e: KeyboardEvent) => void held.delete(e.code);
  const onBlur = () => held.clear();
  const onMouseMove = (e: MouseEvent) => {
    if (!locked()) return;
    mouseDx += e.movementX;
    mouseDy += e.movementY;
  };
  const onClick = () => {
    if (options.pointerLock !== false && !locked()) void Promise.resolve(element.requestPointerLock()).catch(() => undefined);
  };
  window.addEventListener('keydown', onKeyDown);
  window.addEventListener('keyup', onKeyUp);
  window.addEventListener('blur', onBlur);
  document.addEventListener('mousemove', onMouseMove);
  element.addEventListener('click', onClick);

  return {
    read() {
      const now = performance.now();
      const mouse = mouseAction(mouseDx, mouseDy, Math.max(now - lastRead, 16), options);
      mouseDx = 0;
      mouseDy = 0;
      lastRead = now;
      const pad = typeof navigator !== 'undefined' && navigator.getGamepads ? navigator.getGamepads().find((g) => g?.connected) : null;
      const gamepad = pad ? gamepadAction(pad.axes, options.gamepadDeadZone) : ZERO_ACTION_VECTOR;
      return combineActions(keyboardAction(held), mouse, gamepad);
    },
    dispose() {
      window.removeEventListener('keydown', onKeyDown);
      window.removeEventListener('keyup', onKeyUp);
      window.removeEventListener('blur', onBlur);
      document.removeEventListener('mousemove', onMouseMove);
      element.removeEventListener('click', onClick);
      if (locked()) document.exitPointerLock();
    },
  };
}
