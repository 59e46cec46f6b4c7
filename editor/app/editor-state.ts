/**
 * What the editor has open, shared by the tabs: the world (its id, spec and summary), the shot
 * plan, the texture sets made this session and the world's library, and the last cutscene's
 * files. Views subscribe and redraw when it changes.
 */
import type { CutsceneFiles, ShotPlan, TextureSummary, WorldSpec, WorldSummary } from './api-types.ts';

export interface EditorState {
  worldId: string | null;
  spec: WorldSpec | null;
  summary: WorldSummary | null;
  plan: ShotPlan | null;
  texturesMade: TextureSummary[];
  library: TextureSummary[];
  cutscene: { worldId: string; files: CutsceneFiles } | null;
}

type Listener = (state: EditorState) => void;

const listeners = new Set<Listener>();

export const state: EditorState = { worldId: null, spec: null, summary: null, plan: null, texturesMade: [], library: [], cutscene: null };

export function updateState(change: Partial<EditorState>): void {
  // Another world: its plan, library and film are not this one's.
  if (change.worldId !== undefined && change.worldId !== state.worldId) Object.assign(state, { plan: null, library: [], cutscene: null, summary: null });
  Object.assign(state, change);
  for (const listener of listeners) listener(state);
}

export function onStateChange(listener: Listener): void {
  listeners.add(listener);
}
