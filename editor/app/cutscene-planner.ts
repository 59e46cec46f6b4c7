/**
 * The Cutscene tab's planning: a storyboard becomes a ShotPlan framed against the open world (POST
 * /api/worlds/:id/plans); each edit on the timeline — retime, reorder, reframe from the preview
 * camera (POST …/plans/reframe) — is checked by the server (POST …/plans/check), whose notes are
 * shown; when it refuses (422, e.g. PLAN_CAMERA_BLOCKED) its message goes to `#plan-error` and the
 * last good plan stays. `#plan-download` saves the current plan as plan.json.
 */
import { ApiError, api } from './api-client.ts';
import type { PlanAnswer, ShotPlan } from './api-types.ts';
import { whileBusy } from './busy-state.ts';
import { byId, h } from './element.ts';
import { clearError, showError } from './error-banner.ts';
import { onStateChange, state, updateState } from './editor-state.ts';
import { renderTimeline } from './shot-timeline.ts';
import type { WorldPreview } from './world-preview.ts';

export function mountCutscenePlanner(preview: WorldPreview): void {
  const storyboard = byId<HTMLTextAreaElement>('storyboard');
  const make = byId<HTMLButtonElement>('plan-make');
  const timeline = byId('timeline');
  const planError = byId('plan-error');
  const notes = byId('plan-notes');
  const download = byId<HTMLAnchorElement>('plan-download');
  let downloadUrl: string | null = null;

  const showNotes = (answer: PlanAnswer) => {
    const list = answer.notes ?? [];
    notes.replaceChildren(
      answer.explanationText ? h('pre', { id: 'plan-explanation' }, answer.explanationText) : (notes.querySelector('#plan-explanation') ?? ''),
      list.length ? h('ul', { class: 'plan-note-list' }, ...list.map((n) => h('li', {}, n))) : '',
    );
  };

  const showPlan = (plan: ShotPlan | null) => {
    if (!plan) {
      timeline.replaceChildren(h('p', { class: 'muted' }, 'Plan shots from a storyboard to see them here.'));
      byId('plan-duration').textContent = '';
      download.hidden = true;
      return;
    }
    renderTimeline(timeline, plan, { retime, move, reframe });
    const seconds = plan.shots.reduce((sum, shot) => sum + shot.durationSeconds, 0);
    byId('plan-duration').textContent = `${plan.shots.length} shots · ${seconds.toFixed(2)} s`;
    if (downloadUrl) URL.revokeObjectURL(downloadUrl);
    downloadUrl = URL.createObjectURL(new Blob([JSON.stringify(plan, null, 2)], { type: 'application/json' }));
    download.href = downloadUrl;
    download.hidden = false;
  };

  /** Sends an edited plan to the server; keeps it when the server agrees, else the last good one. */
  const settle = async (edit: () => Promise<PlanAnswer | ShotPlan>) => {
    const worldId = state.worldId;
    if (!worldId || !state.plan) return;
    planError.textContent = '';
    clearError();
    try {
      await whileBusy(async () => {
        const edited = await edit();
        const candidate = 'shots' in edited ? edited : edited.plan;
        const checked = await api.checkPlan(worldId, candidate);
        updateState({ plan: checked.plan });
        showNotes({ ...checked, notes: [...new Set([...('notes' in edited && Array.isArray(edited.notes) ? edited.notes : []), ...(checked.notes ?? [])])] });
      });
    } catch (error) {
      planError.replaceChildren(error instanceof ApiError ? h('span', {}, h('b', {}, error.code), ` ${error.message}`) : String((error as Error).message ?? error));
      planError.dataset.code = error instanceof ApiError ? error.code : 'ERROR';
    } finally {
      showPlan(state.plan);
    }
  };

  const retime = (shotId: string, seconds: number) =>
    settle(async () => ({ ...state.plan!, shots: state.plan!.shots.map((shot) => (shot.id === shotId ? { ...shot, durationSeconds: seconds } : shot)) }));
  const move = (from: number, to: number) =>
    settle(async () => {
      const shots = [...state.plan!.shots];
      const [shot] = shots.splice(from, 1);
      shots.splice(Math.max(0, Math.min(shots.length, to)), 0, shot);
      return { ...state.plan!, shots };
    });
  const reframe = (shotId: string) => settle(() => api.reframeShot(state.worldId!, state.plan!, shotId, preview.camera.view().position));

  make.addEventListener('click', async () => {
    const worldId = state.worldId;
    if (!worldId) return showError(new Error('Open or generate a world first: a plan is framed against a world.'));
    if (!storyboard.value.trim()) return showError(new Error('Write a storyboard first, e.g. “wide establishing shot of the valley at dawn; follow the wanderer to the tower”.'));
    make.disabled = true;
    clearError();
    planError.textContent = '';
    try {
      const answer = await api.makePlan(worldId, storyboard.value.trim());
      updateState({ plan: answer.plan });
      showNotes(answer);
      showPlan(answer.plan);
    } catch (error) {
      showError(error);
    } finally {
      make.disabled = false;
    }
  });

  let shownWorld: string | null = null;
  onStateChange((s) => {
    if (s.worldId !== shownWorld) {
      shownWorld = s.worldId;
      showPlan(s.plan);
      notes.replaceChildren();
      planError.textContent = '';
    }
  });
}
