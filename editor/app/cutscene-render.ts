/**
 * Filming the plan: `#cutscene-render` starts a cutscene job (POST /api/jobs) at the chosen size
 * and frame rate, `#render-progress` follows its stage and percent from the job stream,
 * `#render-cancel` cancels it, and when it is done the film plays in `#cutscene-video` with
 * download links for each of its files in `#cutscene-downloads`.
 */
import { api } from './api-client.ts';
import type { CutsceneFiles, Job } from './api-types.ts';
import { whileBusy } from './busy-state.ts';
import { byId, h } from './element.ts';
import { clearError, showError } from './error-banner.ts';
import { onStateChange, state, updateState } from './editor-state.ts';
import type { JobFeed } from './job-feed.ts';

export const CUTSCENE_DOWNLOADS: Array<{ key: keyof CutsceneFiles; label: string; file: string }> = [
  { key: 'mp4', label: 'film (mp4)', file: 'cutscene.mp4' },
  { key: 'glb', label: 'cutscene glb', file: 'cutscene.glb' },
  { key: 'timeline', label: 'timeline', file: 'timeline.json' },
  { key: 'plan', label: 'plan', file: 'plan.json' },
  { key: 'contactSheet', label: 'contact sheet', file: 'contact-sheet.png' },
];

export function mountCutsceneRender(feed: JobFeed): void {
  const render = byId<HTMLButtonElement>('cutscene-render');
  const cancel = byId<HTMLButtonElement>('render-cancel');
  const progress = byId<HTMLProgressElement>('render-progress');
  const stage = byId('render-stage');
  const video = byId<HTMLVideoElement>('cutscene-video');
  const downloads = byId('cutscene-downloads');
  let runningJob: string | null = null;

  const showProgress = (job: Job) => {
    const percent = Math.round((job.progress?.fraction ?? (job.status === 'done' ? 1 : 0)) * 100);
    progress.value = percent;
    progress.dataset.status = job.status;
    stage.textContent = job.status === 'running' || job.status === 'queued' ? `${job.progress?.stage ?? job.status} · ${percent}%` : `${job.status}${job.error ? `: ${job.error.message}` : ''}`;
  };

  const showFilm = (files: CutsceneFiles | null) => {
    if (!files) {
      video.hidden = true;
      video.removeAttribute('src');
      downloads.replaceChildren(h('p', { class: 'muted' }, 'Render the plan to get a film.'));
      return;
    }
    video.src = files.mp4;
    video.hidden = false;
    downloads.replaceChildren(...CUTSCENE_DOWNLOADS.filter((d) => files[d.key]).map((d) => h('a', { href: files[d.key], download: d.file, dataset: { file: d.key } }, d.label)));
  };

  render.addEventListener('click', async () => {
    const worldId = state.worldId;
    const plan = state.plan;
    if (!worldId || !plan) return;
    const [width, height] = byId<HTMLSelectElement>('render-size').value.split('x').map(Number);
    const fps = Number(byId<HTMLSelectElement>('render-fps').value);
    render.disabled = true;
    clearError();
    try {
      await whileBusy(async () => {
        const job = await api.startCutscene(worldId, plan, width, height, fps);
        runningJob = job.id;
        cancel.disabled = false;
        feed.upsert(job);
        const finished = await feed.follow(job.id, showProgress);
        showProgress(finished);
        if (finished.status === 'done' && finished.result?.files) updateState({ cutscene: { worldId, files: finished.result.files } });
        else if (finished.status === 'failed') throw new Error(`The cutscene job failed: ${finished.error?.code ?? ''} ${finished.error?.message ?? ''}`);
      });
    } catch (error) {
      showError(error);
    } finally {
      runningJob = null;
      cancel.disabled = true;
      render.disabled = !state.plan;
    }
  });

  cancel.addEventListener('click', () => {
    if (!runningJob) return;
    cancel.disabled = true;
    api.cancelJob(runningJob).then((job) => feed.upsert(job), showError);
  });

  let shownFilm: CutsceneFiles | null = null;
  onStateChange((s) => {
    render.disabled = !s.plan || !s.worldId || runningJob !== null;
    const film = s.cutscene?.files ?? null;
    if (film !== shownFilm) {
      shownFilm = film;
      showFilm(film);
    }
  });
}
