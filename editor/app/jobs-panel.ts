/**
 * The jobs panel (`#jobs`, always visible): one `.job` row per job, newest first — kind, world,
 * status, stage, a progress bar, the error when it failed, and a cancel button while it is queued
 * or running. Rows carry `data-job-id` and `data-status`.
 */
import { api } from './api-client.ts';
import type { Job } from './api-types.ts';
import { h } from './element.ts';
import type { JobFeed } from './job-feed.ts';

export function mountJobsPanel(panel: HTMLElement, feed: JobFeed, onError: (error: unknown) => void): void {
  const rows = new Map<string, HTMLElement>();
  const empty = h('p', { class: 'muted jobs-empty' }, 'No jobs yet.');
  panel.replaceChildren(empty);

  const render = (job: Job): HTMLElement => {
    const fraction = Math.max(0, Math.min(1, job.progress?.fraction ?? (job.status === 'done' ? 1 : 0)));
    const active = job.status === 'queued' || job.status === 'running';
    const cancel = h('button', { class: 'job-cancel small', type: 'button', title: 'POST /api/jobs/:id/cancel' }, 'cancel');
    cancel.addEventListener('click', () => {
      cancel.disabled = true;
      api.cancelJob(job.id).then((cancelled) => feed.upsert(cancelled), onError);
    });
    const stage = job.progress?.stage ? `${job.progress.stage}${job.progress.total ? ` ${job.progress.done}/${job.progress.total}` : ''}` : '';
    return h(
      'div',
      { class: 'job', dataset: { jobId: job.id, status: job.status }, title: `${job.id} · created ${job.createdAt}` },
      h('div', { class: 'job-line' }, h('span', { class: 'job-kind' }, job.kind), h('span', { class: 'job-world' }, job.worldId), h('span', { class: `job-status status-${job.status}` }, job.status)),
      h('div', { class: 'job-line' }, h('progress', { class: 'job-progress', max: 1, value: fraction }), h('span', { class: 'job-percent' }, `${Math.round(fraction * 100)}%`), active ? cancel : null),
      stage && active ? h('div', { class: 'job-stage muted' }, stage) : null,
      job.status === 'failed' && job.error ? h('div', { class: 'job-error' }, `${job.error.code}: ${job.error.message}`) : null,
    );
  };

  feed.subscribe((job) => {
    const row = render(job);
    const old = rows.get(job.id);
    rows.set(job.id, row);
    empty.remove();
    if (old) old.replaceWith(row);
    else {
      // Newest first, by creation time.
      const older = [...panel.querySelectorAll<HTMLElement>('.job')].find((other) => (feed.jobs.get(other.dataset.jobId ?? '')?.createdAt ?? '') < job.createdAt);
      if (older) older.before(row);
      else panel.append(row);
    }
  });
}
